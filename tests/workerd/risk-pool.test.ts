/**
 * The 风险补偿资金池 through the real Worker: loans register at 放款 only with the 放款 write and only
 * under an enrolled product; a bank files, withdraws and sees only its own; zone admins decide and
 * record recoveries, each with its ledger, audit and notice rows; reviewers read; anyone else is
 * refused; refusals are 4xx with a Chinese message and write nothing. Races: risk-pool-races.test.ts.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, notices, riskClaims, riskPoolLedger, riskPools, users } from "../../worker/db/schema";
import { ORGANISATION_SUSPENDED } from "../../worker/features/auth/guard";
import { registerDisbursedLoanStatement } from "../../worker/features/risk-pool/register-loan";
import { call, dbFor, login, sessionCookie } from "./auth-support";
import { act, api, applied, demo, financeEnterprise, inDays, slug, WAN, type Json } from "./finance-support";
import { host, ORIGIN } from "./subsidies-support";
import {
  BANK_POOL,
  CLAIMS,
  disbursedLoan,
  fileClaim,
  POOLS,
  poolBody,
  poolWithBank,
  registration,
} from "./risk-pool-support";

const db = () => dbFor(slug);
let admin: string;
let reviewer: string;
let firm: Awaited<ReturnType<typeof financeEnterprise>>;
let a: Awaited<ReturnType<typeof poolWithBank>>;
let b: Awaited<ReturnType<typeof poolWithBank>>;

const claimRow = async (id: string) => (await db().select().from(riskClaims).where(eq(riskClaims.id, id)))[0]!;
const poolRow = async (id: string) => (await db().select().from(riskPools).where(eq(riskPools.id, id)))[0]!;
const claimsOfLoan = (loanId: string) => db().select().from(riskClaims).where(eq(riskClaims.loanId, loanId));
const noticesTo = (userId: string, kind: string) =>
  db()
    .select()
    .from(notices)
    .where(and(eq(notices.userId, userId), eq(notices.kind, kind as "risk_claim_filed")));
const form = (path: string, cookie: string, data: Record<string, string>) =>
  call(host, "POST", path, {
    cookie,
    origin: ORIGIN,
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams(data).toString(),
  });

beforeAll(async () => {
  [admin, reviewer, firm] = await Promise.all([demo("admin"), demo("reviewer"), financeEnterprise()]);
  a = await poolWithBank(admin);
  b = await poolWithBank(admin);
});

describe("registering a loan at 放款", () => {
  it("registers an enrolled product's loan with the 放款 write: principal, first-loan and credit flags", async () => {
    const first = await disbursedLoan({ bankId: a.bank.id, productId: a.productId, enterpriseId: firm.id });
    const second = await disbursedLoan({ bankId: a.bank.id, productId: a.productId, enterpriseId: firm.id });
    expect([first.registered, second.registered]).toEqual([true, true]);
    const r1 = await registration(first.id);
    expect(r1).toMatchObject({ poolId: a.pool.id, bankId: a.bank.id, principalFen: 100 * WAN, credit: true });
    expect(r1!.firstLoan).toBe(true);
    expect((await registration(second.id))!.firstLoan).toBe(false);
  });

  it("registers nothing when the 放款 did not land (a stale revision) or the product is in no pool", async () => {
    const loan = await disbursedLoan({ bankId: a.bank.id, productId: a.productId, enterpriseId: firm.id });
    // Run again as a raced 放款 would: the revision it expects is not the row's.
    const again = await db().batch([
      registerDisbursedLoanStatement(db(), { loanId: loan.id, revisionAfter: 2, now: new Date() }),
    ]);
    expect(again[0].rowsAffected).toBe(0);
    const unenrolled = await api("DELETE", `${POOLS}/${a.pool.id}/products/${a.productId}`, { cookie: admin });
    expect(unenrolled.status).toBe(200);
    const outside = await disbursedLoan({ bankId: a.bank.id, productId: a.productId, enterpriseId: firm.id });
    expect(outside.registered).toBe(false);
    expect(await registration(outside.id)).toBeUndefined();
    const back = await api("POST", `${POOLS}/${a.pool.id}/products`, {
      cookie: admin,
      data: { productId: a.productId },
    });
    expect(back.status).toBe(201);
  });

  it("registers a loan disbursed through the bank's 放款 (act-on-loan), and only then", async () => {
    const member = await financeEnterprise();
    const app = await applied(member.cookie, a.productId);
    expect((await act(a.bank.cookie, app.id, { action: "accept" })).status).toBe(200);
    const approve = { action: "approve", amountFen: 200 * WAN, rateBp: 450, termMonths: 12 };
    expect((await act(a.bank.cookie, app.id, approve)).status).toBe(200);
    expect(await registration(app.id)).toBeUndefined();
    const paid = await act(a.bank.cookie, app.id, { action: "disburse", amountFen: 150 * WAN, disbursedOn: inDays(0) });
    expect(paid.status).toBe(200);
    expect(await registration(app.id)).toMatchObject({
      poolId: a.pool.id,
      principalFen: 150 * WAN,
      firstLoan: true,
      credit: true,
      disbursedOn: inDays(0),
    });
  });

  it("refuses enrolling a product already in another pool (409)", async () => {
    const res = await api("POST", `${POOLS}/${b.pool.id}/products`, {
      cookie: admin,
      data: { productId: a.productId },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/已纳入风险补偿资金池/);
  });
});

describe("a claim from filing to recovery", () => {
  it("is filed (admins told), approved (debit, ledger, audit, bank told), then credited back", async () => {
    const fresh = await financeEnterprise();
    const loan = await disbursedLoan({ bankId: b.bank.id, productId: b.productId, enterpriseId: fresh.id });
    const filed = await fileClaim(b.bank.cookie, loan.id, { outstandingFen: 60 * WAN });
    expect(filed.status).toBe(201);
    const id = filed.body.claim.id as string;
    const [adminUser] = await db()
      .select()
      .from(users)
      .where(eq(users.email, `admin@${slug}.demo`));
    expect((await noticesTo(adminUser!.id, "risk_claim_filed")).some((n) => n.link.endsWith(id))).toBe(true);
    const before = await poolRow(b.pool.id);
    const detail = await api("GET", `${CLAIMS}/${id}`, { cookie: reviewer });
    expect(detail.status).toBe(200);
    // The enterprise's first loan on the platform: 首贷, 80%.
    expect(detail.body.claim.proposal).toEqual({ amountFen: 48 * WAN, cutBy: null });
    const approved = await api("POST", `${CLAIMS}/${id}/approve`, { cookie: admin, data: { note: "材料齐全" } });
    expect(approved.status).toBe(200);
    expect(approved.body.claim).toMatchObject({ status: "approved", amountFen: 48 * WAN });
    expect((await poolRow(b.pool.id)).balanceFen).toBe(before.balanceFen - 48 * WAN);
    expect((await noticesTo(b.bank.staff[0]!.id, "risk_claim_decided")).length).toBeGreaterThan(0);
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "risk_pool.claim_approved"), eq(auditLog.target, id)));
    expect(audit).toHaveLength(1);
    // 追回 20万 → 80% = 16万 back; then 100万 more → only the 32万 still unreturned.
    const r1 = await api("POST", `${CLAIMS}/${id}/recoveries`, {
      cookie: admin,
      data: { recoveredFen: 20 * WAN, note: "处置抵押物" },
    });
    expect(r1.body).toEqual({ creditedFen: 16 * WAN });
    const r2 = await api("POST", `${CLAIMS}/${id}/recoveries`, {
      cookie: admin,
      data: { recoveredFen: 100 * WAN, note: "法院执行" },
    });
    expect(r2.body).toEqual({ creditedFen: 32 * WAN });
    const r3 = await api("POST", `${CLAIMS}/${id}/recoveries`, {
      cookie: admin,
      data: { recoveredFen: WAN, note: "再追回" },
    });
    expect(r3.status).toBe(409);
    expect((await claimRow(id)).recoveredFen).toBe(48 * WAN);
    expect((await poolRow(b.pool.id)).balanceFen).toBe(before.balanceFen);
    const ledger = await db().select().from(riskPoolLedger).where(eq(riskPoolLedger.claimId, id));
    expect(ledger.map((l) => l.deltaFen).sort((x, y) => x - y)).toEqual([-48 * WAN, 16 * WAN, 32 * WAN]);
  });

  it("is rejected with a reason (told to the bank), or withdrawn by its bank while it waits", async () => {
    const l1 = await disbursedLoan({ bankId: b.bank.id, productId: b.productId, enterpriseId: firm.id });
    const l2 = await disbursedLoan({ bankId: b.bank.id, productId: b.productId, enterpriseId: firm.id });
    const c1 = (await fileClaim(b.bank.cookie, l1.id)).body.claim.id as string;
    const c2 = (await fileClaim(b.bank.cookie, l2.id)).body.claim.id as string;
    const rejected = await api("POST", `${CLAIMS}/${c1}/reject`, {
      cookie: admin,
      data: { reason: "未在合作协议范围内" },
    });
    expect(rejected.body.claim).toMatchObject({ status: "rejected", decisionNote: "未在合作协议范围内" });
    const told = await noticesTo(b.bank.staff[0]!.id, "risk_claim_decided");
    expect(told.some((n) => n.body.includes("未在合作协议范围内"))).toBe(true);
    expect((await api("POST", `${BANK_POOL}/claims/${c2}/withdraw`, { cookie: b.bank.cookie })).status).toBe(200);
    const twice = await api("POST", `${BANK_POOL}/claims/${c2}/withdraw`, { cookie: b.bank.cookie });
    expect(twice.status).toBe(409);
    expect((await claimRow(c2)).status).toBe("withdrawn");
    const late = await api("POST", `${CLAIMS}/${c2}/approve`, { cookie: admin, data: {} });
    expect(late.status).toBe(409);
    // A withdrawn or rejected claim frees the loan for a new one.
    expect((await fileClaim(b.bank.cookie, l2.id)).status).toBe(201);
  });
});

describe("refusals write nothing", () => {
  it("refuses a claim outside its loan's facts or its deadline, with a message on the field", async () => {
    const loan = await disbursedLoan({ bankId: a.bank.id, productId: a.productId, enterpriseId: firm.id });
    const cases: [Json, number, RegExp][] = [
      [{ outstandingFen: 101 * WAN }, 422, /不能超过登记的贷款本金/],
      [{ defaultedOn: inDays(1) }, 422, /不能晚于今天/],
      [{ defaultedOn: inDays(-90) }, 422, /不能早于放款日期/],
      [{ defaultedOn: "2026-02-30" }, 422, /YYYY-MM-DD/],
      [{ recoveryEfforts: "催收" }, 422, /至少 10 个字/],
      [{ outstandingFen: -5 }, 422, /须大于0/],
      [{ outstandingFen: 1e14 }, 422, /不超过1000亿元/],
    ];
    for (const [over, status, message] of cases) {
      const res = await fileClaim(a.bank.cookie, loan.id, over);
      expect(res.status, JSON.stringify(over)).toBe(status);
      expect(JSON.stringify(res.body.error), JSON.stringify(over)).toMatch(message);
    }
    expect(await claimsOfLoan(loan.id)).toEqual([]);
  });

  it("refuses a claim filed after the pool's working days from the default date (409)", async () => {
    const w = await poolWithBank(admin, { fileWithinDays: 5 });
    const loan = await disbursedLoan({
      bankId: w.bank.id,
      productId: w.productId,
      enterpriseId: firm.id,
      disbursedOn: "2024-01-02",
    });
    const res = await fileClaim(w.bank.cookie, loan.id, { defaultedOn: "2025-01-06" });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain("已超过申请时限:违约后 5 个工作日内(2025-01-13 前)");
    expect(await claimsOfLoan(loan.id)).toEqual([]);
  });

  it("refuses a second live claim for one loan (409)", async () => {
    const loan = await disbursedLoan({ bankId: a.bank.id, productId: a.productId, enterpriseId: firm.id });
    expect((await fileClaim(a.bank.cookie, loan.id)).status).toBe(201);
    const again = await fileClaim(a.bank.cookie, loan.id);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/待审核的补偿申请/);
    expect(await claimsOfLoan(loan.id)).toHaveLength(1);
  });

  it("refuses a pool with a percent over 100, caps out of order or missing fields, and creates none", async () => {
    const name = `拒绝的资金池${Date.now() % 1e6}`;
    const bad: Json[] = [
      { coverage: { rules: [{ when: {}, percent: 120, label: "超额" }], defaultPercent: 50 } },
      { perLoanCapFen: 900 * WAN, perBankCapFen: 800 * WAN },
      { sizeFen: undefined },
      { fileWithinDays: 0 },
      { basis: "x".repeat(501) },
    ];
    for (const over of bad) {
      const res = await api("POST", POOLS, { cookie: admin, data: poolBody({ name, ...over }) });
      expect(res.status, JSON.stringify(over)).toBe(422);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await db().select().from(riskPools).where(eq(riskPools.name, name))).toEqual([]);
  });
});

describe("who sees and does what", () => {
  it("shows a bank only its own exposure and claims; another bank's claim or loan is a 404", async () => {
    const loanB = await disbursedLoan({ bankId: b.bank.id, productId: b.productId, enterpriseId: firm.id });
    const claimB = (await fileClaim(b.bank.cookie, loanB.id)).body.claim.id as string;
    const mine = await api("GET", BANK_POOL, { cookie: a.bank.cookie });
    expect(mine.status).toBe(200);
    expect(mine.body.pools.map((p: Json) => p.id)).toEqual([a.pool.id]);
    expect(mine.body.loans.every((l: Json) => l.poolId === a.pool.id)).toBe(true);
    expect(JSON.stringify(mine.body)).not.toContain(claimB);
    expect(JSON.stringify(mine.body)).not.toContain(loanB.id);
    expect(mine.body.pools[0]).not.toHaveProperty("balanceFen");
    expect((await api("GET", `${BANK_POOL}/claims/${claimB}`, { cookie: a.bank.cookie })).status).toBe(404);
    expect((await api("POST", `${BANK_POOL}/claims/${claimB}/withdraw`, { cookie: a.bank.cookie })).status).toBe(404);
    expect((await fileClaim(a.bank.cookie, loanB.id)).status).toBe(404);
    expect((await claimRow(claimB)).status).toBe("submitted");
    const own = await api("GET", `${BANK_POOL}/claims/${claimB}`, { cookie: b.bank.cookie });
    expect(own.status).toBe(200);
    expect(own.body.claim.pool.balanceFen).toBe(0);
  });

  it("lets reviewers read but not act, and refuses enterprises, banks (on the zone's API) and anonymous", async () => {
    expect((await api("GET", POOLS, { cookie: reviewer })).status).toBe(200);
    expect((await api("POST", POOLS, { cookie: reviewer, data: poolBody() })).status).toBe(403);
    const loan = await disbursedLoan({ bankId: a.bank.id, productId: a.productId, enterpriseId: firm.id });
    const id = (await fileClaim(a.bank.cookie, loan.id)).body.claim.id as string;
    expect((await api("POST", `${CLAIMS}/${id}/approve`, { cookie: reviewer, data: {} })).status).toBe(403);
    expect((await api("GET", POOLS, { cookie: firm.cookie })).status).toBe(403);
    expect((await api("GET", BANK_POOL, { cookie: firm.cookie })).status).toBe(403);
    expect((await api("GET", POOLS, { cookie: a.bank.cookie })).status).toBe(403);
    expect((await api("GET", `${CLAIMS}/${id}`, { cookie: a.bank.cookie })).status).toBe(403);
    expect((await api("GET", BANK_POOL)).status).toBe(401);
    expect((await api("GET", POOLS)).status).toBe(401);
    expect((await claimRow(id)).status).toBe("submitted");
  });

  it("refuses a suspended bank (403, the suspension message) and files nothing", async () => {
    const w = await poolWithBank(admin);
    const loan = await disbursedLoan({ bankId: w.bank.id, productId: w.productId, enterpriseId: firm.id });
    expect((await api("POST", `/api/v1/admin/banks/${w.bank.id}/suspend`, { cookie: admin })).status).toBe(200);
    const [staff] = await db().select().from(users).where(eq(users.id, w.bank.staff[0]!.id));
    const cookie = sessionCookie(await login(slug, staff!.email, "Correct-Horse-42"));
    for (const res of [await api("GET", BANK_POOL, { cookie }), await fileClaim(cookie, loan.id)]) {
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(ORGANISATION_SUSPENDED.bank);
    }
    expect(await claimsOfLoan(loan.id)).toEqual([]);
    expect((await api("POST", `/api/v1/admin/banks/${w.bank.id}/reactivate`, { cookie: admin })).status).toBe(200);
  });

  it("draws the pages: staff overview (forms for admins only), claim detail, a bank's own page", async () => {
    const page = async (path: string, cookie?: string) => {
      const res = await call(host, "GET", path, { cookie });
      return { status: res.status, html: await res.text(), location: res.headers.get("location") };
    };
    const forAdmin = await page("/admin/risk-pool", admin);
    expect(forAdmin.status).toBe(200);
    expect(forAdmin.html).toContain(a.pool.name);
    expect(forAdmin.html).toContain('action="/admin/risk-pool/pools"');
    const forReviewer = await page("/admin/risk-pool", reviewer);
    expect(forReviewer.status).toBe(200);
    expect(forReviewer.html).not.toContain('action="/admin/risk-pool/pools"');
    const bankPage = await page("/bank/risk-pool", a.bank.cookie);
    expect(bankPage.status).toBe(200);
    expect(bankPage.html).toContain(a.pool.name);
    expect(bankPage.html).not.toContain(b.pool.name);
    expect((await page("/bank/risk-pool", firm.cookie)).status).toBe(403);
    expect((await page("/admin/risk-pool")).location).toBe("/login");
    const [claim] = await db().select().from(riskClaims).where(eq(riskClaims.bankId, a.bank.id)).limit(1);
    expect((await page(`/admin/risk-pool/claims/${claim!.id}`, reviewer)).status).toBe(200);
  });

  it("takes the forms: a refused claim redraws with the message (422), a pool is set up in 万元", async () => {
    const loan = await disbursedLoan({ bankId: a.bank.id, productId: a.productId, enterpriseId: firm.id });
    const refused = await form("/bank/risk-pool/claims", a.bank.cookie, {
      loanId: loan.id,
      outstanding: "101",
      defaultedOn: inDays(-2),
      recoveryEfforts: "已多次催收并提起诉讼,企业无可执行财产。",
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("未偿本金不能超过登记的贷款本金");
    expect(await claimsOfLoan(loan.id)).toEqual([]);
    const name = `表单资金池${Date.now() % 1e6}`;
    const created = await form("/admin/risk-pool/pools", admin, {
      name,
      size: "4000",
      perLoanCap: "300",
      perBankCap: "1000",
      "rule.0.label": "首贷信用贷",
      "rule.0.firstLoan": "yes",
      "rule.0.credit": "yes",
      "rule.0.percent": "90",
      defaultPercent: "50",
      fileWithinDays: "20",
      reviewWithinDays: "15",
      basis: "演示:参照珠海市中小微企业贷款风险补偿资金池",
    });
    expect(created.status).toBe(303);
    const [row] = await db().select().from(riskPools).where(eq(riskPools.name, name));
    expect(row).toMatchObject({ sizeFen: 4000 * WAN, balanceFen: 4000 * WAN, perLoanCapFen: 300 * WAN });
    expect(JSON.parse(row!.coverage)).toEqual({
      rules: [{ when: { firstLoan: true, credit: true }, percent: 90, label: "首贷信用贷" }],
      defaultPercent: 50,
    });
  });
});
