/**
 * Helpers for the 金融超市 API suites. The workerd database is shared with every
 * other suite, so each test makes its own banks (a row in banks and staff with
 * bank_id set) and its own admitted enterprises (with a verified 高新技术企业
 * qualification and last year's revenue, so the matcher has facts to show or
 * withhold), and tags product names so catalogue filters see only its own.
 */
import { eq } from "drizzle-orm";
import {
  banks,
  enterpriseQualifications,
  enterpriseYearlyFigures,
  loanApplications,
  loanProducts,
  users,
} from "../../worker/db/schema";
import { newId } from "../../worker/lib/ids";
import { dbFor, login, makeUser, sessionCookie } from "./auth-support";
import { api, enterpriseWithMember, slug, WAN, type Json } from "./subsidies-support";

export { api, demo, runScheduled, slug, WAN, type Json } from "./subsidies-support";

export const FIN = "/api/v1/finance";
export const BANK = "/api/v1/bank";
/** Last year's revenue of every enterprise made here: 5432万元, a figure no bank may see without consent. */
export const REVENUE_FEN = 5432 * WAN;

/** A day n days from today, Asia/Shanghai. */
export const inDays = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

/** A bank of its own with `staff` signed-in users. */
export async function bankWithStaff(staff = 1) {
  const db = dbFor(slug);
  const id = newId();
  const name = `测试银行${id.slice(0, 6)}`;
  await db.insert(banks).values({ id, name, branch: "淄博分行", createdAt: Date.now() });
  const people: { id: string; email: string; cookie: string }[] = [];
  for (let i = 0; i < staff; i++) {
    const u = await makeUser(slug, "bank");
    await db.update(users).set({ bankId: id }).where(eq(users.id, u.id));
    people.push({ id: u.id, email: u.email, cookie: sessionCookie(await login(slug, u.email, u.password)) });
  }
  return { id, name, staff: people, cookie: people[0]?.cookie ?? "" };
}

/**
 * An admitted enterprise (新材料, registered 2015) with a verified hnte and last year's revenue, and one member signed in.
 */
export async function financeEnterprise() {
  const e = await enterpriseWithMember();
  const db = dbFor(slug);
  const now = Date.now();
  const lastYear = Number(inDays(0).slice(0, 4)) - 1;
  await db.insert(enterpriseQualifications).values({
    id: newId(),
    enterpriseId: e.id,
    code: "hnte",
    certificateNo: `GR${lastYear}37000${now % 10000}`,
    issuedOn: `${lastYear}-01-01`,
    validUntil: `${lastYear + 3}-01-01`,
    status: "verified",
    createdAt: now,
  });
  await db
    .insert(enterpriseYearlyFigures)
    .values({ enterpriseId: e.id, year: lastYear, revenueFen: REVENUE_FEN, employees: 80, updatedAt: now });
  return { id: e.id, name: e.name, email: e.member.email, cookie: e.member.cookie };
}

/** A product every enterprise made here fits, unless `over` says otherwise; `tag` keeps its name findable. */
export const productBody = (tag: string, over: Json = {}): Json => ({
  name: `科技信用贷${tag}`,
  type: "credit",
  minAmountFen: 50 * WAN,
  maxAmountFen: 1000 * WAN,
  minRateBp: 400,
  maxRateBp: 500,
  minTermMonths: 6,
  maxTermMonths: 36,
  guarantees: ["credit"],
  industries: ["new-materials"],
  qualifications: ["hnte"],
  minYears: 2,
  minRevenueFen: 2000 * WAN,
  features: "纯信用,随借随还",
  materials: ["营业执照", "近两年财务报表"],
  ...over,
});

/** Created and published by the bank; the product's JSON. */
export async function publishedProduct(cookie: string, body: Json): Promise<Json> {
  const created = await api("POST", `${BANK}/products`, { cookie, data: body });
  if (created.status !== 201) throw new Error(`create product: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await api("POST", `${BANK}/products/${created.body.product.id}/publish`, { cookie });
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  return published.body.product as Json;
}

/** 300万元 for 12 months on credit, needed in ten days. */
export async function postedNeed(cookie: string, over: Json = {}): Promise<Json> {
  const res = await api("POST", `${FIN}/needs`, {
    cookie,
    data: {
      amountFen: 300 * WAN,
      termMonths: 12,
      purpose: "采购原材料,扩大生产",
      guarantees: ["credit"],
      neededBy: inDays(10),
      validUntil: inDays(60),
      ...over,
    },
  });
  if (res.status !== 201) throw new Error(`post need: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.need as Json;
}

/** An application for the product, with consent; the application's JSON. */
export async function applied(cookie: string, productId: string, over: Json = {}): Promise<Json> {
  const res = await api("POST", `${FIN}/loans`, {
    cookie,
    data: { productId, amountFen: 300 * WAN, termMonths: 12, consent: true, ...over },
  });
  if (res.status !== 201) throw new Error(`apply: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.application as Json;
}

export const act = (cookie: string, id: string, data: Json) =>
  api("POST", `${FIN}/loans/${id}/actions`, { cookie, data });

/**
 * A loan application its bank has left unanswered: submitted (30万元, 12 months) on a published credit
 * product of its own, to be accepted or declined by `acceptDueOn` — written straight to the zone's
 * database, so a test of the overdue run (finance/response-times.ts) picks its own due day. Due days
 * in 2099 keep it away from the runs other files fire with the real clock. `number`: its year and
 * sequence, for a test that looks for it in mail.
 */
export async function unansweredLoan(
  zoneSlug: string,
  o: {
    bankId: string;
    enterpriseId: string;
    /** The product's author, a user of the bank. */
    createdBy: string;
    productName: string;
    acceptDueOn: string;
    number?: { year: number; seq: number };
  },
): Promise<{ id: string; productId: string }> {
  const db = dbFor(zoneSlug);
  const [id, productId, at] = [newId(), newId(), Date.now()];
  await db.insert(loanProducts).values({
    id: productId,
    bankId: o.bankId,
    name: o.productName,
    type: "credit",
    minAmountFen: 1,
    maxAmountFen: 100_000_000,
    minRateBp: 300,
    maxRateBp: 500,
    minTermMonths: 1,
    maxTermMonths: 36,
    guarantees: '["credit"]',
    status: "published",
    createdBy: o.createdBy,
    createdAt: at,
    updatedAt: at,
  });
  await db.insert(loanApplications).values({
    id,
    ...(o.number && { numberYear: o.number.year, numberSeq: o.number.seq }),
    productId,
    bankId: o.bankId,
    enterpriseId: o.enterpriseId,
    createdBy: "test",
    amountFen: 3_000_000,
    termMonths: 12,
    status: "submitted",
    submittedAt: at,
    acceptDueOn: o.acceptDueOn,
  });
  return { id, productId };
}
