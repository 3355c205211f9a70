/**
 * Financing needs against a real (in-memory) libSQL database: validation with
 * messages an enterprise can act on, and what a bank sees of the enterprise
 * behind a need — its industry always, its qualifications, years and revenue
 * only while it consents for that bank (PIPL: per bank, revocable).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { count, desc, eq } from "drizzle-orm";
import { enterpriseYearlyFigures, financingNeeds } from "../../db/schema";
import { grantConsent, revokeConsent } from "./consents";
import type { Actor } from "../../middleware/request-ctx";
import { needsForBank } from "./bank-needs";
import { NeedInput, postNeed } from "./needs";
import { createProduct, setProductStatus } from "./products";
import { financeWorld, product, type FinanceWorld } from "./test-support";

const WAN = 1_000_000;
const need = (over: Partial<NeedInput> = {}): NeedInput => ({
  amountFen: 300 * WAN,
  termMonths: 12,
  purpose: "采购原材料",
  guarantees: ["credit"],
  neededBy: "2026-07-01",
  validUntil: "2026-09-30",
  ...over,
});

function problems(input: unknown): Record<string, string[]> {
  const r = NeedInput.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const i of r.error.issues) {
    const key = i.path.join(".");
    out[key] = [...(out[key] ?? []), i.message];
  }
  return out;
}

describe("NeedInput", () => {
  it("accepts a need valid until the day the money is needed, or later", () => {
    expect(problems(need())).toEqual({});
    expect(problems(need({ neededBy: "2026-07-01", validUntil: "2026-07-01" }))).toEqual({});
  });
  it("refuses a need that expires before the money is needed", () => {
    expect(problems(need({ neededBy: "2026-07-01", validUntil: "2026-06-30" }))).toEqual({
      validUntil: ["有效期不能早于用款时间"],
    });
  });
  it("asks for at least 1万元: 9,999.99元 is refused, 1万元 accepted", () => {
    expect(problems(need({ amountFen: 10_000 * 100 - 1 }))).toEqual({ amountFen: ["金额至少1万元"] });
    expect(problems(need({ amountFen: 10_000 * 100 }))).toEqual({});
  });
  it("explains the other fields: dates, purpose, guarantee forms, term", () => {
    expect(problems(need({ neededBy: "2026-02-30" }))).toEqual({ neededBy: ["日期格式为 YYYY-MM-DD"] });
    expect(problems(need({ purpose: "周转" }))).toEqual({ purpose: ["请说明资金用途(至少4个字)"] });
    expect(problems(need({ neededBy: "2026-07-01".repeat(1000) })).neededBy?.[0]).toBe("日期格式为 YYYY-MM-DD");
    expect(problems(need({ guarantees: [] }))).toEqual({ guarantees: ["至少选择一种可提供的担保方式"] });
    expect(problems(need({ termMonths: 0 }))).toEqual({ termMonths: ["期限至少1个月"] });
  });
});

describe("posting a need", () => {
  let w: FinanceWorld;
  beforeAll(async () => {
    w = await financeWorld();
  });
  const needs = async () => (await w.db.select({ n: count() }).from(financingNeeds))[0]!.n;

  it("refuses a need already expired, and users who are not an enterprise's, changing nothing", async () => {
    const member = await w.actor("applicant1@zibo.demo");
    await expect(
      postNeed(w.ctx(member), need({ neededBy: "2026-05-01", validUntil: "2026-05-31" })),
    ).rejects.toMatchObject({ code: "validation_failed", status: 422, fields: { validUntil: "不能早于今天" } });
    await expect(postNeed(w.ctx(await w.actor("bank@zibo.demo")), need())).rejects.toMatchObject({
      code: "forbidden",
      message: "只有入驻企业的用户可以发布融资需求。",
    });
    expect(await needs()).toBe(0);
    // Valid through today (Shanghai) is still open.
    expect(await postNeed(w.ctx(member), need({ neededBy: "2026-06-01", validUntil: "2026-06-01" }))).toMatchObject({
      status: "open",
      enterpriseId: member.enterpriseId,
    });
  });

  it("refuses dates beyond a year from today (Asia/Shanghai, the request's clock), stating the range", async () => {
    const member = await w.actor("applicant2@zibo.demo");
    const range = "须在 2026-06-01 至 2027-06-01 之间";
    // 9999-12-31 once meant "never expires": the need stayed on every bank's page for good.
    await expect(postNeed(w.ctx(member), need({ validUntil: "9999-12-31" }))).rejects.toMatchObject({
      code: "validation_failed",
      status: 422,
      fields: { validUntil: `有效期${range}` },
    });
    await expect(
      postNeed(w.ctx(member), need({ neededBy: "2027-06-02", validUntil: "2027-06-02" })),
    ).rejects.toMatchObject({ status: 422, fields: { neededBy: `用款时间${range}` } });
    await expect(postNeed(w.ctx(member), need({ neededBy: "2026-05-31" }))).rejects.toMatchObject({
      status: 422,
      fields: { neededBy: `用款时间${range}` },
    });
    expect(await needs()).toBe(1);
    // The last day of the range is accepted; the clock is the request's, not the wall clock.
    expect(await postNeed(w.ctx(member), need({ neededBy: "2027-06-01", validUntil: "2027-06-01" }))).toMatchObject({
      status: "open",
      validUntil: "2027-06-01",
    });
    await expect(
      postNeed(
        w.ctx(member, new Date("2027-01-01T02:00:00Z")),
        need({ neededBy: "2027-06-01", validUntil: "2028-01-02" }),
      ),
    ).rejects.toMatchObject({ fields: { validUntil: "有效期须在 2027-01-01 至 2028-01-01 之间" } });
  });

  it("refuses a guarantee listed twice and more entries than there are guarantee forms", () => {
    expect(problems(need({ guarantees: ["credit", "credit"] }))).toEqual({ guarantees: ["担保方式不能重复"] });
    expect(Object.keys(problems(need({ guarantees: Array(100_000).fill("credit") })))).toEqual(["guarantees"]);
  });
});

describe("what a bank sees of the enterprise behind a need", () => {
  let w: FinanceWorld;
  let bank: Actor;
  let rival: Actor;
  let member: Actor;
  let needId: string;
  beforeAll(async () => {
    w = await financeWorld();
    bank = await w.actor("bank@zibo.demo");
    member = await w.actor("applicant1@zibo.demo");
    rival = await w.otherBank("bank-rival");
    for (const by of [bank, rival]) {
      const p = await createProduct(w.ctx(by), product());
      await setProductStatus(w.ctx(by), p.id, "published");
    }
    needId = (await postNeed(w.ctx(member), need())).id;
  });
  const seenBy = async (a: Actor) => {
    const row = (await needsForBank(w.ctx(a))).rows.find((r) => r.need.id === needId);
    expect(row).toBeDefined();
    return row!;
  };
  const hidden = { qualifications: null, yearsInOperation: null, revenueFen: null };

  it("before consent: the need and the industry, none of the financial data; those criteria are unknown", async () => {
    const row = await seenBy(bank);
    expect(row.consented).toBe(false);
    expect(row.facts).toEqual({ industry: "new-materials", ...hidden });
    expect(row.best!.criteria.filter((c) => c.result === "unknown").map((c) => c.id)).toEqual([
      "qualifications",
      "years",
      "revenue",
    ]);
  });

  it(
    "after consent for this bank: qualifications, years " + "in operation and latest revenue — to this bank only",
    async () => {
      await grantConsent(w.ctx(member), bank.bankId!);
      const [latest] = await w.db
        .select()
        .from(enterpriseYearlyFigures)
        .where(eq(enterpriseYearlyFigures.enterpriseId, member.enterpriseId!))
        .orderBy(desc(enterpriseYearlyFigures.year))
        .limit(1);
      const row = await seenBy(bank);
      expect(row.consented).toBe(true);
      // Registered 2010-03-18; today 2026-06-01 in Shanghai.
      expect(row.facts).toEqual({
        industry: "new-materials",
        qualifications: expect.arrayContaining(["hnte", "above-scale", "production"]),
        yearsInOperation: 16,
        revenueFen: latest!.revenueFen,
      });
      expect(row.best!.criteria.every((c) => c.result === "meets")).toBe(true);
      const other = await seenBy(rival);
      expect(other.consented).toBe(false);
      expect(other.facts).toMatchObject(hidden);
    },
  );

  it("after revoking: hidden again", async () => {
    await revokeConsent(w.ctx(member), bank.bankId!);
    const row = await seenBy(bank);
    expect(row.consented).toBe(false);
    expect(row.facts).toEqual({ industry: "new-materials", ...hidden });
  });

  it("is for banks only", async () => {
    await expect(needsForBank(w.ctx(member))).rejects.toMatchObject({ code: "forbidden", status: 403 });
  });
});
