/**
 * 金融超市's bank pages and the zone's statistics page through the real Worker:
 * who may open them; a product created (a bad range refused with nothing
 * stored), edited, published and withdrawn, and invisible to another bank;
 * open needs ranked for the bank with the enterprise's financial facts only
 * once it consented; an application carried 受理 → 授信 (outside the product's
 * range refused) → 放款, another declined with a referral; the statistics row.
 *
 * The zone database is shared by every workerd file, so each test makes its own
 * banks, staff, enterprises, needs and applications straight in the database
 * and looks only at those.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  banks,
  dataConsents,
  enterpriseQualifications,
  enterpriseYearlyFigures,
  financingNeeds,
  loanApplications,
  loanEvents,
  loanProducts,
  users,
} from "../../worker/db/schema";
import { shanghaiDate } from "../../worker/lib/calendar";
import { newId } from "../../worker/lib/ids";
import { call, dbFor, login, makeUser, sessionCookie } from "./auth-support";
import { enterpriseWithMember } from "./subsidies-support";

const slug = "zibo";
const host = `${slug}.localhost`;
const ORIGIN = `http://${host}:8787`;
const WAN = 1_000_000;
const db = () => dbFor(slug);
const day = (offset: number) => shanghaiDate(new Date(Date.now() + offset * 86_400_000));

const get = (path: string, cookie?: string) => call(host, "GET", path, { cookie });
/** A form post as the browser sends it; pairs, so checkboxes can repeat a name. */
const post = (path: string, fields: Record<string, string> | [string, string][], cookie?: string) =>
  call(host, "POST", path, {
    cookie,
    origin: ORIGIN,
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams(fields).toString(),
  });

/** A bank of its own with one member of staff signed in. */
async function bankWithUser() {
  const id = newId();
  const name = `页面测试银行${id.slice(0, 6)}`;
  await db().insert(banks).values({ id, name, branch: "高新区支行", createdAt: Date.now() });
  const u = await makeUser(slug, "bank");
  await db().update(users).set({ bankId: id }).where(eq(users.id, u.id));
  return { id, name, cookie: sessionCookie(await login(slug, u.email, u.password)) };
}

async function signIn(role: "enterprise" | "reviewer" | "zone_admin") {
  const u = await makeUser(slug, role);
  return sessionCookie(await login(slug, u.email, u.password));
}

/** An admitted enterprise (新材料, registered 2015) with a verified 高新技术企业 and last year's revenue of 4321万元. */
async function enterprise() {
  const e = await enterpriseWithMember();
  const now = Date.now();
  const lastYear = Number(day(0).slice(0, 4)) - 1;
  await db()
    .insert(enterpriseQualifications)
    .values({
      id: newId(),
      enterpriseId: e.id,
      code: "hnte",
      certificateNo: `GR${now}`,
      issuedOn: `${lastYear}-01-01`,
      validUntil: `${lastYear + 3}-01-01`,
      status: "verified",
      createdAt: now,
    });
  await db()
    .insert(enterpriseYearlyFigures)
    .values({ enterpriseId: e.id, year: lastYear, revenueFen: 4321 * WAN, employees: 80, updatedAt: now });
  return e;
}

/** A published product straight in the database: 50万–1000万, 4%–5%, 6–36 months, credit, 高新 and 2000万 revenue. */
async function product(bankId: string, name = `科技信用贷${bankId.slice(0, 4)}`) {
  const id = newId();
  const t = Date.now();
  await db()
    .insert(loanProducts)
    .values({
      id,
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
      qualifications: '["hnte"]',
      minYears: 2,
      minRevenueFen: 2000 * WAN,
      status: "published",
      createdBy: "test",
      createdAt: t,
      updatedAt: t,
      publishedAt: t,
    });
  return { id, name };
}

/** An application as applyForLoan leaves it: submitted, with the enterprise's consent for the bank. */
async function application(
  p: { id: string },
  bankId: string,
  enterpriseId: string,
  over: Partial<typeof loanApplications.$inferInsert> = {},
) {
  const id = newId();
  const t = Date.now() - 60_000;
  await db()
    .insert(loanApplications)
    .values({
      id,
      productId: p.id,
      bankId,
      enterpriseId,
      createdBy: "test",
      amountFen: 300 * WAN,
      termMonths: 12,
      note: "用于采购设备",
      status: "submitted",
      submittedAt: t,
      acceptDueOn: day(3),
      ...over,
    });
  await db()
    .insert(loanEvents)
    .values({ applicationId: id, at: t, actor: "member@test", action: "submitted", note: "300万元,12个月" });
  await db()
    .insert(dataConsents)
    .values({ id: newId(), enterpriseId, bankId, grantedBy: "test", grantedAt: t })
    .onConflictDoNothing();
  return id;
}

const loan = async (id: string) => (await db().select().from(loanApplications).where(eq(loanApplications.id, id)))[0]!;
const location = (res: Response) => res.headers.get("location") ?? "";

const GOOD: [string, string][] = [
  ["name", "科技快速贷"],
  ["type", "credit"],
  ["minAmount", "50"],
  ["maxAmount", "1000"],
  ["minRate", "3.45"],
  ["maxRate", "4.8"],
  ["minTerm", "6"],
  ["maxTerm", "36"],
  ["guarantees", "credit"],
  ["guarantees", "guarantee"],
  ["industries", "new-materials"],
  ["qualifications", "hnte"],
  ["minYears", "2"],
  ["minRevenue", "2000"],
  ["region", "淄博市"],
  ["features", "纯信用,随借随还"],
  ["materials", "营业执照\r\n近两年财务报表\r\n"],
  ["contactName", "王经理"],
  ["contactPhone", "0533-1234567"],
];
const withField = (name: string, value: string) => GOOD.map(([k, v]): [string, string] => [k, k === name ? value : v]);

describe("who may open the bank pages and the statistics", () => {
  it("sends anonymous visitors to 登录, refuses other roles, and keeps every page private", async () => {
    for (const path of ["/bank/products", "/bank/new-product", "/bank/needs", "/bank/loans", "/admin/finance"]) {
      const anon = await get(path);
      expect(anon.status, path).toBe(303);
      expect(location(anon)).toBe("/login");
    }
    const member = await signIn("enterprise");
    for (const path of ["/bank/products", "/bank/needs", "/bank/loans", "/admin/finance"])
      expect((await get(path, member)).status, path).toBe(403);
    expect((await get("/bank/products", await signIn("reviewer"))).status).toBe(403);
    const bank = await bankWithUser();
    expect((await get("/admin/finance", bank.cookie)).status).toBe(403);
    for (const path of ["/bank/products", "/bank/new-product", "/bank/needs", "/bank/loans"]) {
      const res = await get(path, bank.cookie);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
    }
    const html = await (await get("/bank/products", bank.cookie)).text();
    expect(html).toContain('href="/bank/needs">融资需求</a>');
    expect(html).toContain('href="/bank/loans">贷款申请</a>');
  });
});

describe("我的产品", () => {
  it("refuses a bad range with a message per field and stores nothing", async () => {
    const bank = await bankWithUser();
    const res = await post("/bank/products", withField("minAmount", "2000"), bank.cookie);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("最低额度不能高于最高额度");
    expect(html).toContain('value="科技快速贷"');
    const typo = await post("/bank/products", withField("maxRate", "四点八").concat([["minTerm", "x"]]), bank.cookie);
    expect(typo.status).toBe(422);
    expect(await typo.text()).toContain("请填写年利率(%),最多两位小数");
    const noGuarantee = await post(
      "/bank/products",
      GOOD.filter(([k]) => k !== "guarantees"),
      bank.cookie,
    );
    expect(noGuarantee.status).toBe(422);
    expect(await noGuarantee.text()).toContain("至少选择一种担保方式");
    expect(await db().select().from(loanProducts).where(eq(loanProducts.bankId, bank.id))).toEqual([]);
  });

  it("creates, edits, publishes and withdraws; another bank cannot open it", async () => {
    const bank = await bankWithUser();
    const created = await post("/bank/products", GOOD, bank.cookie);
    expect(created.status).toBe(303);
    const m = /^\/bank\/products\/([a-z2-7]{26})\?done=created$/.exec(location(created));
    expect(m).not.toBeNull();
    const id = m![1]!;
    const [row] = await db().select().from(loanProducts).where(eq(loanProducts.id, id));
    expect(row).toMatchObject({
      bankId: bank.id,
      status: "draft",
      minAmountFen: 50 * WAN,
      maxAmountFen: 1000 * WAN,
      minRateBp: 345,
      maxRateBp: 480,
      guarantees: '["credit","guarantee"]',
      materials: '["营业执照","近两年财务报表"]',
      minRevenueFen: 2000 * WAN,
    });

    const edit = await get(`/bank/products/${id}?done=created`, bank.cookie);
    expect(edit.status).toBe(200);
    const form = await edit.text();
    expect(form).toContain("产品已保存为草稿");
    expect(form).toMatch(/name="minRate"[^>]*value="3.45"/);
    expect(form).toMatch(/name="maxRate"[^>]*value="4.8"/);

    const saved = await post(
      `/bank/products/${id}`,
      withField("name", `科技快速贷${bank.id.slice(0, 4)}`).concat([["revision", String(row!.revision)]]),
      bank.cookie,
    );
    expect(saved.status).toBe(303);
    expect(location(saved)).toBe(`/bank/products/${id}?done=saved`);
    const name = `科技快速贷${bank.id.slice(0, 4)}`;
    const badEdit = await post(`/bank/products/${id}`, withField("minTerm", "48"), bank.cookie);
    expect(badEdit.status).toBe(422);
    expect(await badEdit.text()).toContain("最短期限不能长于最长期限");
    expect((await db().select().from(loanProducts).where(eq(loanProducts.id, id)))[0]).toMatchObject({
      name,
      minTermMonths: 6,
    });

    const other = await bankWithUser();
    expect((await get(`/bank/products/${id}`, other.cookie)).status).toBe(404);
    expect((await post(`/bank/products/${id}`, GOOD, other.cookie)).status).toBe(404);
    expect((await post(`/bank/products/${id}/status`, { action: "publish" }, other.cookie)).status).toBe(404);
    expect((await get("/bank/products/not-an-id", bank.cookie)).status).toBe(404);

    const published = await post(`/bank/products/${id}/status`, { action: "publish" }, bank.cookie);
    expect(published.status).toBe(303);
    expect(location(published)).toBe("/bank/products?done=published");
    const list = await (await get("/bank/products?done=published", bank.cookie)).text();
    expect(list).toContain(`href="/bank/products/${id}">${name}</a>`);
    expect(list).toContain('<span class="tag pst-published">已发布</span>');
    expect(list).toContain("产品已发布");
    const catalogue = await get(`/finance?q=${encodeURIComponent(name)}`);
    expect(catalogue.status).toBe(200);
    expect(await catalogue.text()).toContain(`/finance/products/${id}`);
    expect(await (await get("/bank/products", other.cookie)).text()).not.toContain(name);

    expect((await post(`/bank/products/${id}/status`, { action: "withdraw" }, bank.cookie)).status).toBe(303);
    expect(await (await get(`/finance?q=${encodeURIComponent(name)}`)).text()).not.toContain(`/finance/products/${id}`);
    expect(await (await get("/bank/products", bank.cookie)).text()).toContain(
      '<span class="tag pst-withdrawn">已下架</span>',
    );
    expect((await post(`/bank/products/${id}/status`, { action: "delete" }, bank.cookie)).status).toBe(422);
  });
});

describe("融资需求", () => {
  it("ranks a fresh enterprise's need for the bank and shows its finances only after consent", async () => {
    const bank = await bankWithUser();
    const p = await product(bank.id);
    const e = await enterprise();
    const needId = newId();
    const t = Date.now();
    await db()
      .insert(financingNeeds)
      .values({
        id: needId,
        enterpriseId: e.id,
        createdBy: e.member.id,
        amountFen: 300 * WAN,
        termMonths: 12,
        purpose: `采购原材料${needId.slice(0, 4)}`,
        guarantees: '["credit"]',
        neededBy: day(10),
        validUntil: day(60),
        status: "open",
        createdAt: t,
        updatedAt: t,
      });
    const card = async () => {
      const html = await (await get("/bank/needs", bank.cookie)).text();
      const start = html.indexOf(`id="h-need-${needId}"`);
      expect(start).toBeGreaterThan(-1);
      return html.slice(start, html.indexOf("</article>", start));
    };
    const before = await card();
    expect(before).toContain(e.name);
    expect(before).toContain("新材料");
    expect(before).toContain(`采购原材料${needId.slice(0, 4)}`);
    expect(before).toContain("300万元");
    expect(before).toContain(`最匹配的产品:${p.name}`);
    expect(before).toContain("营业收入未填报或未授权");
    expect(before).toContain("企业未授权查看财务信息");
    expect(before).not.toContain("4,321万元");

    await db()
      .insert(dataConsents)
      .values({ id: newId(), enterpriseId: e.id, bankId: bank.id, grantedBy: e.member.id, grantedAt: Date.now() });
    const after = await card();
    expect(after).not.toContain("企业未授权查看财务信息");
    expect(after).toContain("4,321万元");
    expect(after).toContain("高新技术企业");

    // A bank with no published product sees none of it.
    const empty = await (await get("/bank/needs", (await bankWithUser()).cookie)).text();
    expect(empty).toContain("你行还没有已发布的产品");
    expect(empty).not.toContain(needId);
  });
});

describe("贷款申请 and 金融超市统计", () => {
  it(
    "accepts, refuses an approval outside the product's range, approves, disburses; declines " +
      "another with a referral",
    async () => {
      const bank = await bankWithUser();
      const p = await product(bank.id);
      const elsewhere = await bankWithUser();
      const referral = await product(elsewhere.id, `知识产权质押贷${elsewhere.id.slice(0, 4)}`);
      const e = await enterprise();
      const id = await application(p, bank.id, e.id);

      const queue = await (await get("/bank/loans", bank.cookie)).text();
      expect(queue).toContain(`href="/bank/loans/${id}">${e.name}</a>`);
      expect(queue).toContain("前受理或拒绝");
      const page = await get(`/bank/loans/${id}`, bank.cookie);
      expect(page.status).toBe(200);
      expect(page.headers.get("cache-control")).toBe("private, no-store");
      const html = await page.text();
      expect(html).toContain("4,321万元");
      expect(html).toContain("用于采购设备");
      expect(html).toContain("提交申请");
      expect((await get(`/bank/loans/${id}`, elsewhere.cookie)).status).toBe(404);
      expect((await post(`/bank/loans/${id}`, { action: "accept" }, elsewhere.cookie)).status).toBe(404);

      const accepted = await post(`/bank/loans/${id}`, { action: "accept", revision: "0" }, bank.cookie);
      expect(accepted.status).toBe(303);
      expect(location(accepted)).toBe(`/bank/loans/${id}?done=accept`);
      expect(await (await get(location(accepted), bank.cookie)).text()).toContain("已受理,已通知企业");
      const revision = (await loan(id)).revision;

      const tooMuch = await post(
        `/bank/loans/${id}`,
        { action: "approve", amount: "2000", rate: "4.5", term: "12" },
        bank.cookie,
      );
      expect(tooMuch.status).toBe(422);
      const refused = await tooMuch.text();
      expect(refused).toContain("授信金额须在产品额度50万元至1,000万元之内");
      expect(refused).toContain('value="2000"');
      const badRate = await post(
        `/bank/loans/${id}`,
        { action: "approve", amount: "280", rate: "6", term: "12" },
        bank.cookie,
      );
      expect(badRate.status).toBe(422);
      expect(await badRate.text()).toContain("年利率须在4%至5%之间");
      const allWrong = await (
        await post(`/bank/loans/${id}`, { action: "approve", amount: "2000", rate: "9", term: "40" }, bank.cookie)
      ).text();
      for (const said of ["授信金额须在产品额度50万元至1,000万元之内", "年利率须在4%至5%之间", "期限须在"])
        expect(allWrong, "every wrong field at once").toContain(said);
      expect(await loan(id)).toMatchObject({ status: "accepted", revision, approvedAmountFen: null });

      expect(
        (await post(`/bank/loans/${id}`, { action: "approve", amount: "280", rate: "4.5", term: "12" }, bank.cookie))
          .status,
      ).toBe(303);
      expect(await loan(id)).toMatchObject({
        status: "approved",
        approvedAmountFen: 280 * WAN,
        approvedRateBp: 450,
        approvedTermMonths: 12,
      });
      const late = await post(`/bank/loans/${id}`, { action: "decline", reason: "资料不全,无法授信" }, bank.cookie);
      expect(late.status).toBe(409);
      expect(await late.text()).toContain("不能这样办理");
      expect(
        (await post(`/bank/loans/${id}`, { action: "disburse", amount: "280", disbursedOn: day(0) }, bank.cookie))
          .status,
      ).toBe(303);
      expect(await loan(id)).toMatchObject({ status: "disbursed", disbursedAmountFen: 280 * WAN, disbursedOn: day(0) });
      expect(await (await get(`/bank/loans/${id}`, bank.cookie)).text()).toContain("这笔申请已办结");

      const second = await application(p, bank.id, e.id, { amountFen: 100 * WAN });
      const short = await post(`/bank/loans/${second}`, { action: "decline", reason: "不" }, bank.cookie);
      expect(short.status).toBe(422);
      expect(await short.text()).toContain("请写明拒绝理由");
      const declineForm = await (await get(`/bank/loans/${second}`, bank.cookie)).text();
      expect(declineForm).toContain(`<option value="${referral.id}">${elsewhere.name} · ${referral.name}</option>`);
      expect(declineForm).not.toContain(`<option value="${p.id}">`);
      const declined = await post(
        `/bank/loans/${second}`,
        { action: "decline", reason: "经营年限与抵押物不符合本产品要求", referral: referral.id },
        bank.cookie,
      );
      expect(declined.status).toBe(303);
      expect(await loan(second)).toMatchObject({
        status: "declined",
        referralProductId: referral.id,
        declineReason: "经营年限与抵押物不符合本产品要求",
      });
      const events = await db()
        .select()
        .from(loanEvents)
        .where(and(eq(loanEvents.applicationId, second), eq(loanEvents.action, "decline")));
      expect(events[0]?.note).toContain("附推荐产品");

      const overdue = await application(p, bank.id, e.id, { acceptDueOn: day(-2) });
      const flagged = await (await get("/bank/loans", bank.cookie)).text();
      const row = flagged.slice(
        flagged.indexOf(`/bank/loans/${overdue}`),
        flagged.indexOf("</tr>", flagged.indexOf(`/bank/loans/${overdue}`)),
      );
      expect(row).toContain("已超时");

      const stats = await get("/admin/finance", await signIn("reviewer"));
      expect(stats.status).toBe(200);
      expect(stats.headers.get("cache-control")).toBe("private, no-store");
      const statsHtml = await stats.text();
      expect(statsHtml).toContain(
        `<th scope="row">${bank.name}</th><td class="num" data-label="申请">3</td>` +
          `<td class="num" data-label="授信">1</td><td class="num" data-label="拒绝">1</td>`,
      );
      expect((await get("/admin/finance", await signIn("zone_admin"))).status).toBe(200);
    },
  );
});
