/**
 * The 金融超市's hot lists at a real zone's size (2,000 needs, 5,000 loans, 300
 * products) read through indexes: each service runs against a migrated
 * database, every statement it sends is recorded, and SQLite's own query plan
 * for it must search the big table by an index — never `SCAN` it. A list that
 * lost its index would still answer correctly on the demo's handful of rows;
 * only the plan shows it would walk every row of a real zone.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { plansOf as statementPlans } from "../../db/query-plans";
import type { Actor } from "../../middleware/request-ctx";
import { needsForBank } from "./bank-needs";
import { bankQueue } from "./bank-queue";
import { listLoansFor } from "./list-loans";
import { myLoans } from "./member-reads";
import { listCatalogue } from "./catalogue";
import { financeWorld, type FinanceWorld } from "./test-support";

let w: FinanceWorld;
let bank: Actor;
let member: Actor;
let admin: Actor;

beforeAll(async () => {
  w = await financeWorld();
  bank = await w.actor("bank@zibo.demo");
  member = await w.actor("applicant1@zibo.demo");
  admin = await w.actor("admin@zibo.demo");
});

/** The plan lines of every statement `run` sends, each with the statement's SQL. */
async function plansOf(run: (ctx: ReturnType<FinanceWorld["ctx"]>) => Promise<unknown>, who: () => Actor) {
  const { plans } = await statementPlans(w.client, (db) => run({ ...w.ctx(who()), db }));
  expect(plans.length).toBeGreaterThan(0);
  if (process.env.SHOW_PLANS) console.log(plans.map((p) => `${p.sql}\n  ${p.plan.join("\n  ")}`).join("\n"));
  return plans;
}

/** No statement scans `table` whole; at least one searches it by `index`. */
function expectIndexed(plans: { sql: string; plan: string[] }[], table: string, index: string) {
  for (const p of plans)
    for (const line of p.plan) expect(line, `${line}\n  in ${p.sql}`).not.toMatch(new RegExp(`^SCAN ${table}\\b`));
  const lines = plans.flatMap((p) => p.plan);
  expect(
    lines.some((l) => l.startsWith(`SEARCH ${table} USING `) && l.includes(index)),
    lines.join("\n"),
  ).toBe(true);
}

describe("the 金融超市's lists at a real zone's size read by index", () => {
  it("a bank's needs: open, unexpired ones by financing_needs_status_idx, never a scan of the table", async () => {
    const plans = await plansOf(
      (ctx) => needsForBank(ctx, {}),
      () => bank,
    );
    expectIndexed(plans, "financing_needs", "financing_needs_status_idx");
    // The bank's own products and consents are looked up by their indexes too.
    expectIndexed(plans, "loan_products", "loan_products_bank_idx");
  });

  it("a page after the first uses the same index (the cursor is a condition on it, not an offset)", async () => {
    const after = btoa(JSON.stringify([0, Date.now(), "zzzz"])).replace(/=+$/, "");
    const plans = await plansOf(
      (ctx) => needsForBank(ctx, { after }),
      () => bank,
    );
    expectIndexed(plans, "financing_needs", "financing_needs_status_idx");
  });

  it("a member's loans walk loan_applications_enterprise_time_idx, newest first", async () => {
    const plans = await plansOf(
      (ctx) => myLoans(ctx, {}),
      () => member,
    );
    expectIndexed(plans, "loan_applications", "loan_applications_enterprise_time_idx");
    const page = plans.find((p) => p.sql.includes("limit"))!;
    // The index gives the order: no sort of the enterprise's whole history for one page.
    expect(page.plan.join("\n")).not.toContain("USE TEMP B-TREE FOR ORDER BY");
  });

  it("the loans API: a bank's by its bank_time index, the zone's walking loan_applications_time_idx", async () => {
    expectIndexed(
      await plansOf(
        (ctx) => listLoansFor(ctx, {}),
        () => bank,
      ),
      "loan_applications",
      "bank_time_idx",
    );
    const zone = await plansOf(
      (ctx) => listLoansFor(ctx, {}),
      () => admin,
    );
    const page = zone.find((p) => p.sql.includes("limit"))!;
    expect(page.plan.join("\n")).toMatch(/loan_applications USING (COVERING )?INDEX loan_applications_time_idx/);
    expect(page.plan.join("\n")).not.toContain("USE TEMP B-TREE FOR ORDER BY");
  });

  it("the bank's queue searches its own applications by index", async () => {
    expectIndexed(
      await plansOf(
        (ctx) => bankQueue(ctx, {}),
        () => bank,
      ),
      "loan_applications",
      "loan_applications_bank",
    );
  });

  it("the product catalogue walks loan_products_catalogue_idx in its order (lowest rate first)", async () => {
    const plans = await plansOf(
      (ctx) => listCatalogue(ctx.db, {}),
      () => member,
    );
    expectIndexed(plans, "loan_products", "loan_products_catalogue_idx");
    const page = plans.find((p) => p.sql.includes("limit"))!;
    expect(page.plan.join("\n")).not.toContain("USE TEMP B-TREE FOR ORDER BY");
  });
});
