/**
 * The public 金融超市 and the enterprise's pages through the real Worker,
 * without JavaScript: the catalogue's filters narrow the list; a product page
 * offers the apply form to members only; applying without the separate consent
 * is a 422 that says so and writes nothing, with it a 303 to the application
 * and a consent row; a posted need ranks a fitting product first, criterion by
 * criterion; 数据授权 grants and revokes; another enterprise's loan or need is a
 * 404, anonymous visitors go to 登录.
 *
 * The database is shared with every workerd suite: each test makes its own bank,
 * products (straight into the database, tagged so filters see only them) and
 * enterprise (./finance-support).
 */
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { dataConsents, financingNeeds, loanApplications, loanProducts } from "../../worker/db/schema";
import { newId } from "../../worker/lib/ids";
import { call, dbFor } from "./auth-support";
import { bankWithStaff, financeEnterprise, inDays, WAN } from "./finance-support";

const host = "zibo.localhost";
const ORIGIN = `http://${host}:8787`;
const db = () => dbFor("zibo");
const get = (path: string, cookie?: string) => call(host, "GET", path, { cookie });
const post = (path: string, fields: Record<string, string> | [string, string][], cookie?: string) =>
  call(host, "POST", path, {
    cookie,
    origin: ORIGIN,
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams(fields).toString(),
  });
const html = async (res: Response) => (await res.text()).replace(/<!-- -->/g, "");

type ProductRow = typeof loanProducts.$inferInsert;
/** A published product of `bankId`, straight into the database. */
async function product(bankId: string, name: string, over: Partial<ProductRow> = {}) {
  const t = Date.now();
  const row: ProductRow = {
    id: newId(),
    bankId,
    name,
    type: "credit",
    minAmountFen: 50 * WAN,
    maxAmountFen: 1000 * WAN,
    minRateBp: 400,
    maxRateBp: 500,
    minTermMonths: 6,
    maxTermMonths: 36,
    guarantees: '["credit"]',
    industries: "[]",
    qualifications: "[]",
    minYears: 0,
    minRevenueFen: 0,
    features: "测试产品",
    materials: '["营业执照"]',
    status: "published",
    createdBy: "test",
    createdAt: t,
    updatedAt: t,
    publishedAt: t,
    ...over,
  };
  await db().insert(loanProducts).values(row);
  return row;
}

const tag = () => `T${newId().slice(0, 8)}`;
const catalogue = async (query: Record<string, string>) => {
  const res = await get(`/finance?${new URLSearchParams(query)}`);
  return { status: res.status, text: await html(res) };
};
const applyKey = (text: string) => /name="idempotencyKey" value="([^"]+)"/.exec(text)?.[1] ?? "";

describe("金融超市 catalogue and product page", () => {
  it("narrows the list by type, guarantee, amount, term, rate and industry", async () => {
    const bank = await bankWithStaff(0);
    const t = tag();
    const a = await product(bank.id, `信用${t}`, { minRateBp: 450, maxRateBp: 550, industries: "[]" });
    const b = await product(bank.id, `知产${t}`, {
      type: "ip_pledge",
      guarantees: '["pledge"]',
      minAmountFen: 100 * WAN,
      maxAmountFen: 2000 * WAN,
      minRateBp: 390,
      maxRateBp: 490,
      minTermMonths: 12,
      maxTermMonths: 60,
      industries: '["new-materials"]',
    });
    await product(bank.id, `草稿${t}`, { status: "draft" });
    const names = (text: string) => [a.name, b.name, `草稿${t}`].filter((n) => text.includes(n));

    const all = await catalogue({ q: t });
    expect(all.status).toBe(200);
    expect(names(all.text)).toEqual([a.name, b.name]);
    // Lowest rate first; the draft is nobody's to see.
    expect(all.text.indexOf(b.name)).toBeLessThan(all.text.indexOf(a.name));
    expect(all.text).toContain(bank.name);
    expect(all.text).toContain("符合条件的产品 2 个");
    expect(names((await catalogue({ q: t, type: "ip_pledge" })).text)).toEqual([b.name]);
    expect(names((await catalogue({ q: t, guarantee: "credit" })).text)).toEqual([a.name]);
    expect(names((await catalogue({ q: t, amount: "1500" })).text)).toEqual([b.name]);
    expect(names((await catalogue({ q: t, term: "48" })).text)).toEqual([b.name]);
    expect(names((await catalogue({ q: t, rate: "4.2" })).text)).toEqual([b.name]);
    expect(names((await catalogue({ q: t, industry: "electronic-information" })).text)).toEqual([a.name]);
    const none = await catalogue({ q: t, amount: "0.5" });
    expect(names(none.text)).toEqual([]);
    expect(none.text).toContain("没有符合这些条件的产品");

    // A mistyped amount is named, and the other filters still apply.
    const bad = await catalogue({ q: t, amount: "三百" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("请填写金额(万元)");
    expect(names(bad.text)).toEqual([a.name, b.name]);
  });

  it("offers the apply form to enterprise members only, with the consent unticked", async () => {
    const bank = await bankWithStaff(1);
    const p = await product(bank.id, `表单${tag()}`);
    const anonymous = await html(await get(`/finance/products/${p.id}`));
    expect(anonymous).toContain(p.name);
    expect(anonymous).toContain("50万元至1,000万元");
    expect(anonymous).not.toContain('action="/finance/loans"');
    expect(anonymous).toContain('href="/login"');
    const banker = await html(await get(`/finance/products/${p.id}`, bank.cookie));
    expect(banker).not.toContain('action="/finance/loans"');
    const member = await financeEnterprise();
    const res = await get(`/finance/products/${p.id}`, member.cookie);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const page = await html(res);
    expect(page).toContain('action="/finance/loans"');
    expect(page).toContain(`同意${bank.name}查看本企业的资质、成立年限和营业收入(可在数据授权中撤回)`);
    expect(/<input[^>]*name="consent"[^>]*>/.exec(page)?.[0]).not.toContain("checked");
    // A draft is nobody's but its bank's; a mistyped id is a 404 too.
    const draft = await product(bank.id, `草稿${tag()}`, { status: "draft" });
    expect((await get(`/finance/products/${draft.id}`, member.cookie)).status).toBe(404);
    expect((await get(`/finance/products/${draft.id}`, bank.cookie)).status).toBe(200);
    expect((await get("/finance/products/NOT_AN_ID")).status).toBe(404);
  });

  it(
    "refuses an application without consent (422, nothing written) and takes one with it (303, " +
      "consent and application)",
    async () => {
      const bank = await bankWithStaff(0);
      const p = await product(bank.id, `申请${tag()}`);
      const member = await financeEnterprise();
      const key = applyKey(await html(await get(`/finance/products/${p.id}`, member.cookie)));
      expect(key).not.toBe("");
      const fields = { productId: p.id, idempotencyKey: key, amount: "300", term: "12", need: "", note: "" };

      const refused = await post("/finance/loans", fields, member.cookie);
      expect(refused.status).toBe(422);
      const text = await html(refused);
      expect(text).toContain("申请贷款须同意该金融机构查看企业的资质、成立年限和营业收入。");
      expect(text).toContain('value="300"');
      const none = await db().select().from(loanApplications).where(eq(loanApplications.enterpriseId, member.id));
      expect(none).toEqual([]);
      expect(await db().select().from(dataConsents).where(eq(dataConsents.enterpriseId, member.id))).toEqual([]);

      const done = await post("/finance/loans", { ...fields, consent: "yes" }, member.cookie);
      expect(done.status).toBe(303);
      const id = /^\/finance\/loans\/([a-z0-9]+)\?done=applied$/.exec(done.headers.get("location") ?? "")?.[1];
      expect(id).toBeTruthy();
      // A second click (same key) is the same application.
      expect((await post("/finance/loans", { ...fields, consent: "yes" }, member.cookie)).headers.get("location")).toBe(
        done.headers.get("location"),
      );
      const [app] = await db().select().from(loanApplications).where(eq(loanApplications.enterpriseId, member.id));
      expect(app).toMatchObject({
        id,
        productId: p.id,
        bankId: bank.id,
        amountFen: 300 * WAN,
        termMonths: 12,
        status: "submitted",
      });
      const consents = await db()
        .select()
        .from(dataConsents)
        .where(
          and(
            eq(dataConsents.enterpriseId, member.id),
            eq(dataConsents.bankId, bank.id),
            isNull(dataConsents.revokedAt),
          ),
        );
      expect(consents.length).toBe(1);

      const status = await html(await get(`/finance/loans/${id}?done=applied`, member.cookie));
      expect(status).toContain("已提交,待受理");
      expect(status).toContain(bank.name);
      expect(status).toContain("提交申请");
      const mine = await html(await get("/finance/loans", member.cookie));
      expect(mine).toContain(`href="/finance/loans/${id}"`);
      expect(mine).toContain("300万元");
    },
  );
});

describe("financing needs, ranking and consent", () => {
  it("posts a need and ranks the product that fits first, criterion by criterion", async () => {
    const bank = await bankWithStaff(0);
    const t = tag();
    // Accepts a mortgage, at a rate and an amount no other suite's product beats, so it ranks first in the shared
    // catalogue.
    const fits = await product(bank.id, `抵押${t}`, {
      type: "mortgage",
      guarantees: '["mortgage"]',
      minRateBp: 1,
      maxRateBp: 300,
      maxAmountFen: 1e14,
      industries: '["new-materials"]',
      qualifications: '["hnte"]',
      minYears: 2,
      minRevenueFen: 1000 * WAN,
    });
    const fails = await product(bank.id, `质押${t}`, { guarantees: '["pledge"]', minRateBp: 1 });
    const member = await financeEnterprise();

    const empty = await post(
      "/finance/needs",
      [
        ["amount", "abc"],
        ["term", "12"],
        ["purpose", "短"],
        ["neededBy", inDays(10)],
        ["validUntil", inDays(60)],
      ],
      member.cookie,
    );
    expect(empty.status).toBe(422);
    const refusal = await html(empty);
    for (const message of ["请填写金额(万元)", "请说明资金用途", "至少选择一种可提供的担保方式"])
      expect(refusal).toContain(message);
    expect(await db().select().from(financingNeeds).where(eq(financingNeeds.enterpriseId, member.id))).toEqual([]);

    const res = await post(
      "/finance/needs",
      [
        ["amount", "300"],
        ["term", "12"],
        ["purpose", "购置研发设备"],
        ["guarantees", "mortgage"],
        ["neededBy", inDays(10)],
        ["validUntil", inDays(60)],
      ],
      member.cookie,
    );
    expect(res.status).toBe(303);
    const location = res.headers.get("location") ?? "";
    const needId = /^\/finance\/needs\/([a-z0-9]+)\?done=posted$/.exec(location)?.[1];
    expect(needId).toBeTruthy();
    const page = await html(await get(location, member.cookie));
    const first = /第1名<\/span><h3><a href="([^"]+)">([^<]+)<\/a>/.exec(page);
    expect(first?.[1]).toBe(`/finance/products/${fits.id}?need=${needId}`);
    expect(first?.[2]).toBe(fits.name);
    const block = page.slice(page.indexOf(fits.name), page.indexOf("</li></ul>", page.indexOf(fits.name)));
    for (const text of [
      "金额",
      "期限",
      "担保方式",
      "可接受抵押方式",
      "资质",
      "持有高新技术企业",
      "经营年限",
      "年营业收入",
    ])
      expect(block).toContain(text);
    expect(block).not.toContain("不符合");
    expect(page.indexOf(fails.name)).toBeGreaterThan(page.indexOf(fits.name));
    expect(page).toContain("产品要求质押");

    // From the ranked list to the product page with the need chosen, amount and term filled in.
    const product$ = await html(await get(`/finance/products/${fits.id}?need=${needId}`, member.cookie));
    expect(product$).toMatch(new RegExp(`<option value="${needId}" selected`));
    expect(/<input[^>]*name="amount"[^>]*>/.exec(product$)?.[0]).toContain('value="300"');
    expect(/<input[^>]*name="term"[^>]*>/.exec(product$)?.[0]).toContain('value="12"');

    const closed = await post(`/finance/needs/${needId}/close`, { status: "met" }, member.cookie);
    expect(closed.headers.get("location")).toBe(`/finance/needs/${needId}?done=met`);
    expect((await db().select().from(financingNeeds).where(eq(financingNeeds.id, needId!)))[0]!.status).toBe("met");
    expect(await html(await get("/finance/needs", member.cookie))).toContain("已满足");
  });

  it("grants and revokes a bank's access on 数据授权", async () => {
    const bank = await bankWithStaff(0);
    const member = await financeEnterprise();
    const before = await html(await get("/finance/consents", member.cookie));
    expect(before).toContain("目前没有授权任何机构");
    expect(before).toContain(`action="/finance/consents/${bank.id}"`);

    const granted = await post(`/finance/consents/${bank.id}`, { action: "grant" }, member.cookie);
    expect(granted.status).toBe(303);
    expect(granted.headers.get("location")).toBe("/finance/consents?done=granted");
    const active = () =>
      db()
        .select()
        .from(dataConsents)
        .where(
          and(
            eq(dataConsents.enterpriseId, member.id),
            eq(dataConsents.bankId, bank.id),
            isNull(dataConsents.revokedAt),
          ),
        );
    expect((await active()).length).toBe(1);
    const after = await html(await get("/finance/consents?done=granted", member.cookie));
    expect(after.slice(after.indexOf("已授权的机构"), after.indexOf("本园区的其他金融机构"))).toContain(bank.name);

    expect((await post(`/finance/consents/${bank.id}`, { action: "revoke" }, member.cookie)).status).toBe(303);
    expect(await active()).toEqual([]);
    expect(await html(await get("/finance/consents", member.cookie))).toContain("授权记录");
    expect((await post(`/finance/consents/${bank.id}`, { action: "maybe" }, member.cookie)).status).toBe(400);
    expect((await post(`/finance/consents/no-such-bank`, { action: "grant" }, member.cookie)).status).toBe(404);
  });

  it("keeps each enterprise's needs and loans its own, and sends visitors to 登录", async () => {
    const bank = await bankWithStaff(0);
    const p = await product(bank.id, `隔离${tag()}`);
    const owner = await financeEnterprise();
    const other = await financeEnterprise();
    const key = applyKey(await html(await get(`/finance/products/${p.id}`, owner.cookie)));
    const applied = await post(
      "/finance/loans",
      { productId: p.id, idempotencyKey: key, amount: "100", term: "12", consent: "yes" },
      owner.cookie,
    );
    const loanPath = (applied.headers.get("location") ?? "").replace(/\?.*$/, "");
    const need = await post(
      "/finance/needs",
      [
        ["amount", "100"],
        ["term", "6"],
        ["purpose", "补充流动资金"],
        ["guarantees", "credit"],
        ["neededBy", inDays(5)],
        ["validUntil", inDays(30)],
      ],
      owner.cookie,
    );
    const needPath = (need.headers.get("location") ?? "").replace(/\?.*$/, "");

    const own = await get(loanPath, owner.cookie);
    expect(own.status).toBe(200);
    expect(own.headers.get("cache-control")).toBe("private, no-store");
    expect((await get(loanPath, other.cookie)).status).toBe(404);
    expect((await get(needPath, other.cookie)).status).toBe(404);
    expect((await post(`${needPath}/close`, { status: "closed" }, other.cookie)).status).toBe(404);
    expect(await html(await get("/finance/loans", other.cookie))).toContain("还没有贷款申请");
    for (const path of ["/finance/loans", loanPath, "/finance/needs", "/finance/consents"]) {
      const res = await get(path);
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/login");
    }
    // A bank's staff are no enterprise members.
    expect((await get("/finance/needs", (await bankWithStaff(1)).cookie)).status).toBe(403);
  });
});
