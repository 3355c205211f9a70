/**
 * The 金融超市 pages, without JavaScript, on an application's limits and its
 * early end: the apply form refuses an amount or term outside the product's
 * ranges (422, the range named, nothing written); while an application is in
 * progress the product page links to it instead of offering the form again;
 * the enterprise withdraws it from its page (the form asks to confirm first),
 * the bank is told and sees it withdrawn with nothing left to do; the bank's
 * view names whom to call and what the money is for; /bank leads to the
 * 金融超市 pages; consequential buttons ask for confirmation.
 *
 * The zone database is shared by every workerd file: each test makes its own
 * bank, product and enterprise (./finance-support) and looks only at those.
 */
import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { dataConsents, financingNeeds, loanApplications, loanProducts, outbox } from "../../worker/db/schema";
import { newId } from "../../worker/lib/ids";
import { call, dbFor, login, makeUser, sessionCookie } from "./auth-support";
import { bankWithStaff, financeEnterprise, inDays, WAN } from "./finance-support";

const host = "zibo.localhost";
const ORIGIN = `http://${host}:8787`;
const db = () => dbFor("zibo");
const get = (path: string, cookie?: string) => call(host, "GET", path, { cookie });
const post = (path: string, fields: Record<string, string>, cookie?: string) =>
  call(host, "POST", path, {
    cookie,
    origin: ORIGIN,
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams(fields).toString(),
  });
const html = async (res: Response) => (await res.text()).replace(/<!-- -->/g, "");
const applyKey = (text: string) => /name="idempotencyKey" value="([^"]+)"/.exec(text)?.[1] ?? "";
/** The opening tag of the form posting to `action`. */
const formTag = (text: string, action: string) =>
  new RegExp(`<form[^>]*action="${action}"[^>]*>`).exec(text)?.[0] ?? "";

/** A published 50万–500万元, 6–36 month credit product straight in the database. */
async function product(bankId: string) {
  const t = Date.now();
  const row = {
    id: newId(),
    bankId,
    name: `科技保险贷${newId().slice(0, 6)}`,
    type: "credit" as const,
    minAmountFen: 50 * WAN,
    maxAmountFen: 500 * WAN,
    minRateBp: 400,
    maxRateBp: 500,
    minTermMonths: 6,
    maxTermMonths: 36,
    guarantees: '["credit"]',
    status: "published" as const,
    createdBy: "test",
    createdAt: t,
    updatedAt: t,
    publishedAt: t,
  };
  await db().insert(loanProducts).values(row);
  return row;
}

/** Applies through the product page's form; the application's id. */
async function applyThroughForm(productId: string, cookie: string, fields: Record<string, string> = {}) {
  const key = applyKey(await html(await get(`/finance/products/${productId}`, cookie)));
  const res = await post(
    "/finance/loans",
    { productId, idempotencyKey: key, amount: "300", term: "12", consent: "yes", ...fields },
    cookie,
  );
  expect(res.status).toBe(303);
  return /^\/finance\/loans\/([a-z0-9]+)\?done=applied$/.exec(res.headers.get("location") ?? "")![1]!;
}

describe("applying from the product page", () => {
  it("refuses an amount or term outside the product's ranges, naming the range, and writes nothing", async () => {
    const bank = await bankWithStaff(0);
    const p = await product(bank.id);
    const member = await financeEnterprise();
    const key = applyKey(await html(await get(`/finance/products/${p.id}`, member.cookie)));
    const fields = { productId: p.id, idempotencyKey: key, amount: "600", term: "12", consent: "yes" };

    const over = await post("/finance/loans", fields, member.cookie);
    expect(over.status).toBe(422);
    const text = await html(over);
    expect(text).toContain('<p class="field-error" id="f-amount-error">申请金额须在50万元至500万元之间</p>');
    expect(/<input[^>]*name="amount"[^>]*>/.exec(text)?.[0]).toContain('value="600"');
    const term = await html(await post("/finance/loans", { ...fields, amount: "300", term: "48" }, member.cookie));
    expect(term).toContain("期限须在6至36个月之间");

    expect(await db().select().from(loanApplications).where(eq(loanApplications.enterpriseId, member.id))).toEqual([]);
    expect(await db().select().from(dataConsents).where(eq(dataConsents.enterpriseId, member.id))).toEqual([]);
  });

  it("shows an application in progress instead of the form, and the form again once it is withdrawn", async () => {
    const bank = await bankWithStaff(1);
    const p = await product(bank.id);
    const member = await financeEnterprise();
    const id = await applyThroughForm(p.id, member.cookie);

    const page = await html(await get(`/finance/products/${p.id}`, member.cookie));
    expect(page).not.toContain('action="/finance/loans"');
    expect(page).toContain("你已申请过这个产品,正在办理中。");
    expect(page).toContain(`<a class="btn secondary" href="/finance/loans/${id}">查看这笔申请</a>`);
    expect(page).toContain('<span class="tag lst-submitted">已提交,待受理</span>');
    // A second application posted anyway (an old tab) is refused, and the page still points to the first.
    const again = await post(
      "/finance/loans",
      { productId: p.id, idempotencyKey: crypto.randomUUID(), amount: "100", term: "12", consent: "yes" },
      member.cookie,
    );
    expect(again.status).toBe(409);
    expect(await html(again)).toContain(`href="/finance/loans/${id}"`);
    // Another enterprise is offered the form as before.
    expect(await html(await get(`/finance/products/${p.id}`, (await financeEnterprise()).cookie))).toContain(
      'action="/finance/loans"',
    );

    // 撤回申请 on the application's page: the form asks to confirm.
    const loanPage = await html(await get(`/finance/loans/${id}`, member.cookie));
    expect(formTag(loanPage, `/finance/loans/${id}/withdraw`)).toContain('data-confirm="确定撤回这笔贷款申请吗?');
    expect((await post(`/finance/loans/${id}/withdraw`, { reason: "长".repeat(201) }, member.cookie)).status).toBe(422);
    const stranger = await financeEnterprise();
    expect((await post(`/finance/loans/${id}/withdraw`, {}, stranger.cookie)).status).toBe(404);

    const done = await post(`/finance/loans/${id}/withdraw`, { reason: "资金已到位", revision: "0" }, member.cookie);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`/finance/loans/${id}?done=withdrawn`);
    expect((await db().select().from(loanApplications).where(eq(loanApplications.id, id)))[0]!.status).toBe(
      "withdrawn",
    );
    const after = await html(await get(`/finance/loans/${id}?done=withdrawn`, member.cookie));
    expect(after).toContain(`申请已撤回,已通知${bank.name}。`);
    expect(after).toContain("你已撤回这笔申请,银行不再办理。");
    expect(after).toContain("撤回原因:资金已到位");
    expect(after).not.toContain(`action="/finance/loans/${id}/withdraw"`);
    const mail = await db()
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, "loan_withdrawn"), like(outbox.body, `%/bank/loans/${id}%`)));
    expect(mail.map((m) => m.recipient)).toEqual([bank.staff[0]!.email]);

    // The bank sees it withdrawn, with nothing to do; its forms are gone and a stale post is refused.
    const bankPage = await html(await get(`/bank/loans/${id}`, bank.cookie));
    expect(bankPage).toContain("企业已撤回这笔申请,无需再办理。");
    expect(bankPage).not.toContain('name="action" value="accept"');
    expect((await post(`/bank/loans/${id}`, { action: "accept" }, bank.cookie)).status).toBe(409);

    // The product page offers the form again.
    expect(await html(await get(`/finance/products/${p.id}`, member.cookie))).toContain('action="/finance/loans"');
  });
});

describe("the bank's pages", () => {
  it("show whom to call and what the money is for on an application", async () => {
    const bank = await bankWithStaff(1);
    const p = await product(bank.id);
    const member = await financeEnterprise();
    const needId = newId();
    const t = Date.now();
    await db()
      .insert(financingNeeds)
      .values({
        id: needId,
        enterpriseId: member.id,
        createdBy: "test",
        amountFen: 300 * WAN,
        termMonths: 12,
        purpose: "采购高纯氧化铝原料",
        guarantees: '["credit"]',
        neededBy: inDays(10),
        validUntil: inDays(60),
        status: "open",
        createdAt: t,
        updatedAt: t,
      });
    const id = await applyThroughForm(p.id, member.cookie, { need: needId });
    const page = await html(await get(`/bank/loans/${id}`, bank.cookie));
    expect(page).toContain("<dt>联系人</dt><dd>李四</dd>");
    expect(page).toContain('<dt>联系电话</dt><dd><a href="tel:13800138000">13800138000</a></dd>');
    expect(page).toContain(`<a href="mailto:${member.email}">${member.email}</a>`);
    expect(page).toContain("<dt>资金用途</dt><dd>采购高纯氧化铝原料");
    // Declining asks to confirm first.
    expect(/<button[^>]*data-confirm="([^"]+)"[^>]*>拒绝<\/button>/.exec(page)?.[1]).toContain(
      "确定拒绝这笔贷款申请吗",
    );
  });

  it("lead from 我的机构 to the 金融超市 pages, and ask before 下架", async () => {
    const bank = await bankWithStaff(1);
    const mine = await html(await get("/bank", bank.cookie));
    expect(mine).not.toContain("即将开放");
    for (const path of ["/bank/products", "/bank/needs", "/bank/loans"]) expect(mine).toContain(`<a href="${path}">`);
    const p = await product(bank.id);
    const list = await html(await get("/bank/products", bank.cookie));
    expect(/<button[^>]*value="withdraw"[^>]*>/.exec(list)?.[0]).toContain(`data-confirm="确定下架“${p.name}”吗?`);
    const edit = await html(await get(`/bank/products/${p.id}`, bank.cookie));
    expect(/<button[^>]*value="withdraw"[^>]*>/.exec(edit)?.[0]).toContain("data-confirm=");
  });
});

it("aligns the statistics' numeric columns under right-aligned headers", async () => {
  const reviewer = await makeUser("zibo", "reviewer");
  const cookie = sessionCookie(await login("zibo", reviewer.email, reviewer.password));
  const finance = await html(await get("/admin/finance", cookie));
  for (const label of ["申请", "授信", "拒绝", "超时", "平均受理用时", "平均决定用时"])
    expect(finance).toContain(`<th scope="col" class="num">${label}</th>`);
  expect(finance).toContain('<th scope="col">机构</th>');
  const subsidies = await html(await get("/admin/subsidies/dashboard", cookie));
  for (const label of ["待办", "平均用时", "已办结", "累计拨付"])
    expect(subsidies).toContain(`<th scope="col" class="num">${label}</th>`);
});

it("撤回授权 asks to confirm first", async () => {
  const bank = await bankWithStaff(0);
  const member = await financeEnterprise();
  expect((await post(`/finance/consents/${bank.id}`, { action: "grant" }, member.cookie)).status).toBe(303);
  const page = await html(await get("/finance/consents", member.cookie));
  expect(/<button[^>]*aria-label="撤回[^"]*"[^>]*>/.exec(page)?.[0]).toContain(
    `data-confirm="确定撤回对${bank.name}的授权吗?`,
  );
});
