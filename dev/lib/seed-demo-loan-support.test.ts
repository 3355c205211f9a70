/**
 * Changzhi's demo 贴息 and 风险补偿资金池 (issue 19): the pool marked 演示 with its public source, the
 * loans taken through the 金融超市 and registered by their 放款, a 贴息 application the engine computed
 * from the loan's record, a claim the bank filed — and a second seed adds nothing.
 */
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { zones } from "../../tenants/index";
import { openMemoryTenantDb } from "../../worker/db/memory-db";
import {
  loanApplications,
  riskClaims,
  riskPoolLedger,
  riskPoolLoans,
  riskPoolProducts,
  riskPools,
  subsidyApplications,
  subsidyEvents,
} from "../../worker/db/schema";
import type { Evaluation } from "../../worker/engines/policy/evaluate";
import { prepareTenant } from "./prepare-tenant";
import { demoBankId, demoEnterpriseId, seedDemoAccounts } from "./seed-demo";
import { seedDemoEnterprises } from "./seed-demo-enterprises";
import { seedDemoFinance } from "./seed-demo-finance";
import { DEMO_LOAN_KEYS, DEMO_POOL_NAME, DEMO_SUBSIDY_KEY, seedDemoLoanSupport } from "./seed-demo-loan-support";

const WAN = 1_000_000;

async function seeded(slug: string, now: Date) {
  const zone = zones.get(slug)!;
  const { client, db } = await openMemoryTenantDb();
  await prepareTenant(client, zone);
  await seedDemoAccounts(db, zone, now);
  await seedDemoEnterprises(db, zone, now);
  await seedDemoFinance(db, zone, now);
  return { zone, client, db };
}

describe("Changzhi's demo loan support", () => {
  it("seeds the pool, two registered loans, a computed 贴息 application and a claim, once", async () => {
    const now = new Date("2026-10-20T02:00:00Z");
    const { zone, client, db } = await seeded("changzhi", now);
    // Pool, enrolment, two loans, the application, the claim.
    expect(await seedDemoLoanSupport(db, zone, now)).toBe(6);

    const [pool] = await db.select().from(riskPools);
    expect(pool).toMatchObject({
      name: DEMO_POOL_NAME,
      sizeFen: 4000 * WAN,
      balanceFen: 4000 * WAN,
      perLoanCapFen: 300 * WAN,
      status: "active",
    });
    expect(pool!.basis).toContain("演示数据");
    expect(pool!.basis).toContain("https://kjjr.zhsti.net/technology.html");
    expect(await db.select({ kind: riskPoolLedger.kind }).from(riskPoolLedger)).toEqual([{ kind: "fund" }]);
    expect(await db.select().from(riskPoolProducts)).toHaveLength(1);

    const loans = await db.select().from(loanApplications).orderBy(asc(loanApplications.submittedAt));
    expect(loans.map((l) => [l.idempotencyKey, l.status, l.bankId])).toEqual(
      [...DEMO_LOAN_KEYS].reverse().map((k) => [k, "disbursed", demoBankId("changzhi")]),
    );
    const registered = await db.select().from(riskPoolLoans);
    expect(registered.map((r) => r.loanId).sort()).toEqual(loans.map((l) => l.id).sort());
    expect(registered.every((r) => r.firstLoan && !r.credit && r.productType === "guarantee")).toBe(true);

    const [app] = await db.select().from(subsidyApplications);
    const interestLoan = loans.find((l) => l.idempotencyKey === DEMO_LOAN_KEYS[0])!;
    expect(app).toMatchObject({
      programmeId: "changzhi-loan-interest-subsidy",
      enterpriseId: demoEnterpriseId("changzhi"),
      idempotencyKey: DEMO_SUBSIDY_KEY,
      loanId: interestLoan.id,
      status: "in_review",
      stage: zone.subsidy.stages[0]!.key,
      interestConfirmedFen: null,
    });
    // 500万元 at 3.85% from 2026-06-22 to 2026-10-10 (111 days): half the interest is 2,967,709 fen, more than
    // 60% of the 1年期LPR (3.00%) interest, 4,625,000 × 60% = 2,775,000.
    expect(JSON.parse(app!.facts)).toEqual({
      loanAmount: 500 * WAN,
      loanRate: 3.85,
      interestFrom: "2026-06-22",
      interestTo: "2026-10-10",
      interestPaid: 5_935_417,
      productType: "guarantee",
    });
    const evaluation = JSON.parse(app!.evaluation!) as Evaluation;
    expect(evaluation.eligible).toBe(true);
    expect(app!.amountFen).toBe(2_775_000);
    expect(evaluation.steps.map((s) => s.description).join("\n")).toContain("1年期LPR 3.00%");
    const events = await db.select().from(subsidyEvents).where(eq(subsidyEvents.applicationId, app!.id));
    expect(events.map((e) => e.action)).toEqual(["created", "submitted"]);

    const [claim] = await db.select().from(riskClaims);
    const claimLoan = loans.find((l) => l.idempotencyKey === DEMO_LOAN_KEYS[1])!;
    expect(claim).toMatchObject({
      loanId: claimLoan.id,
      bankId: demoBankId("changzhi"),
      status: "submitted",
      outstandingFen: 240 * WAN,
      coveragePercent: 90,
      coverageLabel: "首贷",
      defaultedOn: "2026-10-05",
    });

    expect(await seedDemoLoanSupport(db, zone, now)).toBe(0);
    const counts = await client.execute(
      "SELECT (SELECT count(*) FROM risk_pools), (SELECT count(*) FROM loan_applications), " +
        "(SELECT count(*) FROM subsidy_applications), (SELECT count(*) FROM risk_claims)",
    );
    expect(Array.from(counts.rows[0]!, Number)).toEqual([1, 2, 1, 1]);
    client.close();
  });

  it("seeds nothing in the other demo zones", async () => {
    const now = new Date("2026-10-20T02:00:00Z");
    const { zone, client, db } = await seeded("zibo", now);
    expect(await seedDemoLoanSupport(db, zone, now)).toBe(0);
    expect(await db.select().from(riskPools)).toEqual([]);
    client.close();
  });
});
