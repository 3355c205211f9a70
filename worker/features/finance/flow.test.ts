/**
 * The 金融超市 path against a real libSQL database: a bank publishes a product,
 * an enterprise posts a need and sees it ranked with reasons, applies with
 * consent; the bank accepts, approves within the product's ranges and
 * disburses, which meets the need; response times are flagged on the clock.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import zone from "../../../tenants/zibo/zone";
import { financingNeeds, loanEvents, outbox } from "../../db/schema";
import { actOnLoan } from "./act-on-loan";
import { applyForLoan } from "./loan-applications";
import { needsForBank } from "./bank-needs";
import { postNeed, productsForNeed } from "./needs";
import { createProduct, setProductStatus } from "./products";
import { listCatalogue } from "./catalogue";
import { financeStatistics } from "./finance-statistics";
import { flagOverdueLoans } from "./response-times";
import { financeWorld, product } from "./test-support";

const WAN = 1_000_000;

describe("金融超市 from product to loan", () => {
  it("publishes, matches, applies with consent, and carries the loan to disbursement", async () => {
    const w = await financeWorld();
    const bank = await w.actor("bank@zibo.demo");
    const member = await w.actor("applicant1@zibo.demo");
    const p = await createProduct(w.ctx(bank), product());
    expect((await listCatalogue(w.db, {})).rows.length).toBe(0);
    await setProductStatus(w.ctx(bank), p.id, "published");
    expect(
      (await listCatalogue(w.db, { amountFen: 300 * WAN, guarantee: "credit" })).rows.map((c) => c.product.id),
    ).toEqual([p.id]);
    expect((await listCatalogue(w.db, { guarantee: "mortgage" })).rows).toEqual([]);

    const need = await postNeed(w.ctx(member), {
      amountFen: 300 * WAN,
      termMonths: 12,
      purpose: "采购原材料",
      guarantees: ["credit"],
      neededBy: "2026-07-01",
      validUntil: "2026-09-30",
    });
    const ranked = await productsForNeed(w.ctx(member), need.id);
    expect(ranked.matches[0]!.productId).toBe(p.id);
    expect(ranked.matches[0]!.criteria.map((c) => [c.id, c.result])).toEqual([
      ["amount", "meets"],
      ["term", "meets"],
      ["guarantee", "meets"],
      ["industry", "meets"],
      ["qualifications", "meets"],
      ["years", "meets"],
      ["revenue", "meets"],
    ]);

    // Before consent the bank sees the need but none of the enterprise's financial data.
    const before = await needsForBank(w.ctx(bank));
    const seen = before.rows.find((r) => r.need.id === need.id)!;
    expect(seen.consented).toBe(false);
    expect(seen.facts).toMatchObject({ qualifications: null, revenueFen: null, yearsInOperation: null });

    const { application } = await applyForLoan(
      w.ctx(member),
      { productId: p.id, needId: need.id, amountFen: 300 * WAN, termMonths: 12, consent: true },
      "k1",
    );
    expect(
      (
        await applyForLoan(
          w.ctx(member),
          { productId: p.id, amountFen: 300 * WAN, termMonths: 12, consent: true },
          "k1",
        )
      ).created,
    ).toBe(false);
    const after = (await needsForBank(w.ctx(bank))).rows.find((r) => r.need.id === need.id)!;
    expect(after.consented).toBe(true);
    expect(after.facts.qualifications).toContain("hnte");

    await actOnLoan(w.ctx(bank), application.id, { action: "accept" });
    await expect(
      actOnLoan(w.ctx(bank), application.id, { action: "approve", amountFen: 2000 * WAN, rateBp: 400, termMonths: 12 }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await actOnLoan(w.ctx(bank), application.id, {
      action: "approve",
      amountFen: 280 * WAN,
      rateBp: 400,
      termMonths: 12,
    });
    const done = await actOnLoan(w.ctx(bank), application.id, {
      action: "disburse",
      amountFen: 280 * WAN,
      disbursedOn: "2026-06-01",
    });
    expect(done.application).toMatchObject({ status: "disbursed", disbursedAmountFen: 280 * WAN });
    expect((await w.db.select().from(financingNeeds).where(eq(financingNeeds.id, need.id)))[0]!.status).toBe("met");
    expect(
      (await w.db.select().from(outbox).where(eq(outbox.recipient, "applicant1@zibo.demo"))).filter((m) =>
        m.kind.startsWith("loan_"),
      ).length,
    ).toBe(3);
    const stats = await financeStatistics({ db: w.db, zone });
    expect(stats.loans).toMatchObject({ applications: 1, approvedFen: 280 * WAN, disbursedFen: 280 * WAN });
    expect(stats.needs).toMatchObject({ posted: 1, met: 1 });
  });

  it("flags an application not accepted within 3 working days, once, to the bank and the zone admin", async () => {
    const w = await financeWorld();
    const bank = await w.actor("bank@zibo.demo");
    const member = await w.actor("applicant1@zibo.demo");
    const p = await createProduct(w.ctx(bank), product());
    await setProductStatus(w.ctx(bank), p.id, "published");
    const { application } = await applyForLoan(
      w.ctx(member),
      { productId: p.id, amountFen: 300 * WAN, termMonths: 12, consent: true },
      null,
    );
    expect(application.acceptDueOn).toBe("2026-06-04"); // Monday 1 June: Tue, Wed, Thu
    const ctx = { db: w.db, zone, origin: "https://zibo.example.cn" };
    expect(await flagOverdueLoans({ ...ctx, now: new Date("2026-06-04T10:00:00Z") })).toBe(0);
    expect(await flagOverdueLoans({ ...ctx, now: new Date("2026-06-05T01:00:00Z") })).toBe(1);
    expect(await flagOverdueLoans({ ...ctx, now: new Date("2026-06-06T01:00:00Z") })).toBe(0);
    const mails = (await w.db.select().from(outbox).where(eq(outbox.kind, "loan_overdue")))
      .map((m) => m.recipient)
      .sort();
    expect(mails).toEqual(["admin@zibo.demo", "bank@zibo.demo"]);
    expect(
      (await w.db.select().from(loanEvents).where(eq(loanEvents.applicationId, application.id))).map((e) => e.action),
    ).toEqual(["submitted", "overdue"]);
  });
});
