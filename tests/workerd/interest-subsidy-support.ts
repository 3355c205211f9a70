/**
 * The world of interest-subsidy.test.ts: a zone of its own (provisioned from Zibo's template) with a
 * small 贴息 programme published on top, two banks with a staff member each, two enterprises with a
 * member each, and loans written straight to the database (one approved to be disbursed by the test,
 * one approved and left so, one of the other enterprise already disbursed).
 */
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { banks, enterprises, loanApplications, loanProducts, users } from "../../worker/db/schema";
import { newId } from "../../worker/lib/ids";
import { call, dbFor, freshIp, login, makeUser, sessionCookie } from "./auth-support";
import { provisionTestZone } from "./platform-support";
import { roundTrips } from "./round-trip-support";
import type { Json } from "./subsidies-support";

export const SLUG = "wdtiexi";
export const HOST = `${SLUG}.localhost`;
const ORIGIN = `http://${HOST}:8787`;
export const db = () => dbFor(SLUG);
export const APPS = "/api/v1/subsidies/applications";
export const PROGRAMME = "wd-loan-interest";
export const TITLE = "科技贷款贴息(测试)";

export async function req(method: string, path: string, cookie: string, data?: unknown) {
  const res = await call(HOST, method, path, {
    cookie,
    ip: freshIp(),
    origin: ORIGIN,
    ...(data === undefined ? {} : { body: JSON.stringify(data) }),
  });
  const text = await res.text();
  let body: Json = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = { html: text };
  }
  return { status: res.status, body, text, location: res.headers.get("location"), waves: roundTrips(res).waves };
}
export const form = (path: string, cookie: string, fields: Record<string, string>) =>
  call(HOST, "POST", path, {
    cookie,
    ip: freshIp(),
    origin: ORIGIN,
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams(fields).toString(),
  });

async function person(role: "zone_admin" | "reviewer" | "bank" | "enterprise", set: Partial<Json> = {}) {
  const u = await makeUser(SLUG, role);
  if (Object.keys(set).length) await db().update(users).set(set).where(eq(users.id, u.id));
  return { ...u, cookie: sessionCookie(await login(SLUG, u.email, u.password, { ip: freshIp() })) };
}

const fact = (name: string, type: string, zh: string, more: Json = {}) => ({
  name,
  type,
  label: { zh, en: name },
  ...more,
});
/** 50% of the interest paid, at most 60% of the 1-year LPR interest: the usual shape of a 贴息 clause. */
const interestProgramme = {
  id: PROGRAMME,
  title: { zh: TITLE, en: "Loan interest subsidy (test)" },
  document: "zibo-zichuang-2017",
  clause: "15",
  excerpt: "对通过认定的高新技术企业,给予20万元的扶持资金",
  category: "other",
  applicants: { zh: "园区企业", kinds: ["enterprise"] },
  facts: [
    fact("loanFen", "money", "贷款金额", { prefill: { source: "loan", field: "amountFen" } }),
    fact("rate", "percent", "贷款年利率", { prefill: { source: "loan", field: "rate" } }),
    fact("fromDate", "date", "计息起始日", { prefill: { source: "loan", field: "disbursedOn" } }),
    fact("toDate", "date", "计息截止日"),
    fact("paidFen", "money", "已付利息"),
  ],
  amount: [
    {
      kind: "interest",
      label: "贷款贴息",
      principal: "loanFen",
      rate: "rate",
      from: "fromDate",
      to: "toDate",
      paid: "paidFen",
      share: 50,
      lpr: { percent: 60, term: "1y" },
    },
  ],
};
// 100万 at 4.50% for 2025-06-01..11-30 (183 days): contract interest 22,875元; 2万 paid → 1万; the LPR
// (3.00% throughout) gives 15,250元, 60% of it 9,150元: the cap.
const CASE = {
  name: "贴息: 已付2万,按LPR封顶",
  programme: PROGRAMME,
  facts: { loanFen: 100_000_000, rate: 4.5, fromDate: "2025-06-01", toDate: "2025-11-30", paidFen: 2_000_000 },
  expect: { eligible: true, amountFen: 915_000 },
};

export const ids = {
  bankA: newId(),
  bankB: newId(),
  firm: newId(),
  otherFirm: newId(),
  product: newId(),
  second: newId(),
};
export const loans = { disbursed: newId(), approved: newId(), others: newId() };

async function enterprise(id: string, name: string) {
  const now = Date.now();
  await db().insert(enterprises).values({ id, name, createdAt: now, updatedAt: now });
}
/** One open application per enterprise and product: the second loan of the firm is on another product. */
async function loan(id: string, enterpriseId: string, status: "approved" | "disbursed", productId = ids.product) {
  const now = Date.now();
  await db()
    .insert(loanApplications)
    .values({
      id,
      productId,
      bankId: ids.bankA,
      enterpriseId,
      createdBy: "test",
      amountFen: 100_000_000,
      termMonths: 12,
      status,
      submittedAt: now,
      acceptDueOn: "2099-01-01",
      approvedAmountFen: 100_000_000,
      approvedRateBp: 450,
      approvedTermMonths: 12,
      ...(status === "disbursed" ? { disbursedAmountFen: 100_000_000, disbursedOn: "2025-06-01" } : {}),
    });
}

/** The zone, its people, banks, enterprises, products and loans, and the 贴息 programme published. */
export async function interestWorld() {
  await provisionTestZone(SLUG, { zh: "贴息测试高新区", en: "Interest Subsidy Test Zone" }, "0535-5555555");
  const now = Date.now();
  await db()
    .insert(banks)
    .values([
      { id: ids.bankA, name: "贴息测试银行甲", branch: "测试支行", createdAt: now },
      { id: ids.bankB, name: "贴息测试银行乙", branch: "测试支行", createdAt: now },
    ]);
  await enterprise(ids.firm, "贴息测试科技有限公司");
  await enterprise(ids.otherFirm, "另一家测试公司");
  const [admin, reviewer, bankA, bankB, member, other] = await Promise.all([
    person("zone_admin"),
    person("reviewer"),
    person("bank", { bankId: ids.bankA }),
    person("bank", { bankId: ids.bankB }),
    person("enterprise", { enterpriseId: ids.firm }),
    person("enterprise", { enterpriseId: ids.otherFirm }),
  ]);
  const product = {
    bankId: ids.bankA,
    type: "credit" as const,
    minAmountFen: 1,
    maxAmountFen: 1_000_000_000,
    minRateBp: 300,
    maxRateBp: 600,
    minTermMonths: 1,
    maxTermMonths: 36,
    guarantees: '["credit"]',
    status: "published" as const,
    createdBy: bankA.id,
    createdAt: now,
    updatedAt: now,
  };
  await db()
    .insert(loanProducts)
    .values([
      { ...product, id: ids.product, name: "科技贴息贷" },
      { ...product, id: ids.second, name: "科技贴息贷二" },
    ]);
  await loan(loans.disbursed, ids.firm, "approved");
  await loan(loans.approved, ids.firm, "approved", ids.second);
  await loan(loans.others, ids.otherFirm, "disbursed");
  const stored = (await req("GET", "/api/v1/admin/policy/versions/1", admin.cookie)).body;
  const policySet = {
    ...stored.policySet,
    label: "新增贴息(测试)",
    programmes: [...stored.policySet.programmes, interestProgramme],
    cases: [...stored.policySet.cases, CASE],
  };
  const published = await req("POST", "/api/v1/admin/policy/versions", admin.cookie, { policySet, baseVersion: 1 });
  expect(published.status, published.text).toBe(201);
  return { admin, reviewer, bankA, bankB, member, other };
}
