/**
 * Money as people type it, through the real Worker, on the forms that used to
 * refuse it (worker/lib/amount-input.ts is the one parser): the staff's 核定金额
 * and 拨付金额 take "10万", 政策计算器 takes "8千万" and a negative growth margin,
 * and the 金融超市's 万元 fields take "0.5亿" — each stored as the exact fen.
 *
 * The zone databases are shared by every workerd file: each test makes its own
 * enterprise, application and accounts, and looks only at those.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { financingNeeds, subsidyPayments } from "../../worker/db/schema";
import { call, dbFor } from "./auth-support";
import { financeEnterprise, inDays } from "./finance-support";
import { makeApplication, makeEnterprise, post, row, signIn, today, WAN } from "./subsidy-pages-support";

const get = (path: string) => call("zibo.localhost", "GET", path, {});
const invalidField = (html: string, id: string) =>
  new RegExp(`id="${id}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="${id}"`).test(html);

describe("the staff's amount fields take amounts with their unit", () => {
  it("passes a review with 核定金额 “10万” as 10万元", async () => {
    const e = await makeEnterprise();
    const { id } = await makeApplication(e.id, "first-review");
    const { cookie } = await signIn("reviewer");
    const res = await post(
      `/admin/subsidies/applications/${id}/review`,
      { action: "pass", amount: "10万", reason: "部分合同未登记", revision: String((await row(id)).revision) },
      cookie,
    );
    expect(res.status).toBe(303);
    expect(await row(id)).toMatchObject({ stage: "second-review", amountFen: 10 * WAN });
  });

  it("records a payment typed “１５万元” (full-width) as 15万元, and says what is wrong with “15万万”", async () => {
    const e = await makeEnterprise();
    const { id } = await makeApplication(e.id, "awarded");
    const admin = await signIn("zone_admin");
    const typo = await post(
      `/admin/subsidies/applications/${id}/payments`,
      { amount: "15万万", paidOn: today(), voucherNo: `V-${id}` },
      admin.cookie,
    );
    expect(typo.status).toBe(422);
    expect(await typo.text()).toContain("请填写以元为单位的金额,如 3,000,000;也可写 300万 或 3亿。");
    const paid = await post(
      `/admin/subsidies/applications/${id}/payments`,
      { amount: "１５万元", paidOn: today(), voucherNo: `V-${id}` },
      admin.cookie,
    );
    expect(paid.status).toBe(303);
    expect(await row(id)).toMatchObject({ status: "paid" });
    expect(
      (await dbFor("zibo").select().from(subsidyPayments).where(eq(subsidyPayments.applicationId, id))).map(
        (p) => p.amountFen,
      ),
    ).toEqual([15 * WAN]);
  });

  it("refuses an amount finer than a fen with the reason, changing nothing", async () => {
    const e = await makeEnterprise();
    const { id } = await makeApplication(e.id, "first-review");
    const before = await row(id);
    const { cookie } = await signIn("reviewer");
    const res = await post(
      `/admin/subsidies/applications/${id}/review`,
      { action: "pass", amount: "10.0000001万", reason: "x", revision: String(before.revision) },
      cookie,
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("金额最小到分:以万元为单位最多六位小数。");
    expect(await row(id)).toEqual(before);
  });
});

describe("政策计算器 takes amounts with their unit and negative margins", () => {
  it("reads 营业收入 “8千万” as 8,000万元", async () => {
    const res = await get(
      "/policies/programmes/zibo-rd-inclusive?_calc=1" +
        `&revenue=${encodeURIComponent("8千万")}&rdExpense=${encodeURIComponent("400万")}`,
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("即 8,000万元");
    expect(html).toContain("即 400万元");
    expect(invalidField(html, "f-revenue")).toBe(false);
  });

  it("takes a margin below the zone's growth as a negative number of points, where the fact says to", async () => {
    const res = await get(
      "/policies/programmes/zibo-growth30-10to20?_calc=1" +
        `&marginYear1=${encodeURIComponent("-3")}&marginYear2=${encodeURIComponent("－2.5%")}`,
    );
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(invalidField(html, "f-marginYear1")).toBe(false);
    expect(invalidField(html, "f-marginYear2")).toBe(false);
    expect(html).not.toContain("请填写百分数");
  });
});

describe("the 金融超市 forms take 万元, or the unit typed", () => {
  it("posts a need of “0.5亿” as 5,000万元, and names a misplaced comma", async () => {
    const member = await financeEnterprise();
    const fields = (amount: string) => [
      ["amount", amount],
      ["term", "12"],
      ["purpose", "购置研发设备"],
      ["guarantees", "mortgage"],
      ["neededBy", inDays(10)],
      ["validUntil", inDays(60)],
    ];
    const comma = await post("/finance/needs", Object.fromEntries(fields("1,5")), member.cookie);
    expect(comma.status).toBe(422);
    expect(await comma.text()).toContain("千分位逗号的位置不对");
    expect(await dbFor("zibo").select().from(financingNeeds).where(eq(financingNeeds.enterpriseId, member.id))).toEqual(
      [],
    );
    const res = await post("/finance/needs", Object.fromEntries(fields("0.5亿")), member.cookie);
    expect(res.status).toBe(303);
    expect(
      (await dbFor("zibo").select().from(financingNeeds).where(eq(financingNeeds.enterpriseId, member.id))).map(
        (n) => n.amountFen,
      ),
    ).toEqual([5000 * WAN]);
  });
});
