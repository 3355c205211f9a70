/**
 * The 工作台 (GET /admin) and its JSON (GET /api/v1/admin/workbench): who may see it, what it
 * counts (applications per stage, open objections, returned items back in review, 资质 claims),
 * the oldest items with their numbers and links, the reviewer's narrower view, staff landing on it
 * after signing in, the queue's 有异议 mark — and every read in one batch.
 *
 * Other files run beside this one on the same zone database, so a count is checked against the
 * database's own count taken just before and just after the request (it must lie between them),
 * and this file's items are dated first so they lead their lists.
 */
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  enterpriseQualifications,
  loanApplications,
  loanProducts,
  subsidyApplications,
  subsidyObjections,
} from "../../worker/db/schema";
import { newId } from "../../worker/lib/ids";
import { call, dbFor, freshIp } from "./auth-support";
import { financeEnterprise } from "./finance-support";
import { disbursedLoan, fileClaim, poolWithBank } from "./risk-pool-support";
import { roundTrips } from "./round-trip-support";
import {
  api,
  APPS,
  atPublicity,
  demo,
  enterpriseWithMember,
  host,
  type Json,
  ORIGIN,
  review,
  slug,
  staffUser,
  submitted,
} from "./subsidies-support";

const WB = "/api/v1/admin/workbench";
const db = dbFor(slug);
const who: Record<"admin" | "reviewer" | "enterprise" | "bank", string> = {
  admin: "",
  reviewer: "",
  enterprise: "",
  bank: "",
};
let reviewer2 = "";
const made = { first: "", returned: "", publicity: "", claim: "", enterprise: "", objection: "", loan: "", bank: "" };

const section = (body: Json, key: string): Json => {
  const s = (body.sections as Json[]).find((x) => x.key === key);
  if (!s) throw new Error(`no section ${key} in ${(body.sections as Json[]).map((x) => x.key).join(", ")}`);
  return s;
};

/** The database's count before and after the request; the answer's count must lie between them. */
async function bracketed(count: () => Promise<number>, request: () => Promise<Json>) {
  const lo = await count();
  const body = await request();
  const hi = await count();
  return { body, lo: Math.min(lo, hi), hi: Math.max(lo, hi) };
}
const countOf = async (q: Promise<{ n: number }[]>) => Number((await q)[0]?.n ?? 0);
const inStage = (stage: string) =>
  countOf(
    db
      .select({ n: sql<number>`count(*)` })
      .from(subsidyApplications)
      .where(and(eq(subsidyApplications.status, "in_review"), eq(subsidyApplications.stage, stage))),
  );
const openObjections = () =>
  countOf(db.select({ n: sql<number>`count(*)` }).from(subsidyObjections).where(eq(subsidyObjections.status, "open")));
const pendingClaims = () =>
  countOf(
    db
      .select({ n: sql<number>`count(*)` })
      .from(enterpriseQualifications)
      .where(eq(enterpriseQualifications.status, "pending_review")),
  );
const workbench = async (cookie: string) => {
  const res = await api("GET", WB, { cookie });
  expect(res.status).toBe(200);
  return res.body;
};
const due = (id: string, dueOn: string) =>
  db.update(subsidyApplications).set({ dueOn }).where(eq(subsidyApplications.id, id));

beforeAll(async () => {
  for (const k of Object.keys(who) as (keyof typeof who)[]) who[k] = await demo(k);
  reviewer2 = (await staffUser("reviewer")).cookie;
  const e = await enterpriseWithMember();
  made.enterprise = e.name;
  // In 初审, due long ago: late, and first in its stage's list.
  made.first = await submitted(e.member.cookie, 100);
  await due(made.first, "2001-01-02");
  // Returned for a correction and resubmitted: back in 初审, waiting again.
  made.returned = await submitted(e.member.cookie, 100);
  const back = await review(who.reviewer, made.returned, {
    action: "return",
    reason: "合同登记证明页不清晰,请重新上传。",
  });
  expect(back.status).toBe(200);
  const again = await api("POST", `${APPS}/${made.returned}/submit`, { cookie: e.member.cookie });
  expect(again.status).toBe(200);
  await due(made.returned, "2001-01-01");
  // On 公示 with an objection lodged by the public.
  made.publicity = await atPublicity(e.member.cookie, 100, who.reviewer, reviewer2);
  const lodged = await api("POST", `/api/v1/subsidies/publicity/${made.publicity}/objections`, {
    data: { name: "王某", contact: "13900000000", content: "该企业的技术合同并未实际履行,请园区核实。" },
  });
  expect(lodged.status).toBe(201);
  made.objection = lodged.body.id;
  await db.update(subsidyObjections).set({ lodgedAt: 1_000 }).where(eq(subsidyObjections.id, made.objection));
  // A loan application the bank left unanswered past its accept day. Already flagged and escalated, so the
  // overdue run other files fire never mails about it.
  const [product] = await db.select().from(loanProducts).limit(1);
  made.loan = newId();
  made.bank = product!.bankId;
  await db.insert(loanApplications).values({
    id: made.loan,
    numberYear: 2001,
    numberSeq: 900_000 + Math.floor(Math.random() * 99_999),
    productId: product!.id,
    bankId: product!.bankId,
    enterpriseId: e.id,
    createdBy: "test",
    amountFen: 100_000_000,
    termMonths: 12,
    status: "submitted",
    // Long ago, but in a year the 数据看板 can be asked for (2000–2100): its tests sum every year of data.
    submittedAt: Date.UTC(2000, 11, 29),
    acceptDueOn: "2001-01-01",
    escalatedAt: Date.UTC(2001, 0, 2),
    adminEscalatedAt: Date.UTC(2001, 0, 2),
  });
  // A 资质 claim waiting since the beginning of time.
  made.claim = newId();
  await db.insert(enterpriseQualifications).values({
    id: made.claim,
    enterpriseId: e.id,
    code: "specialised",
    status: "pending_review",
    createdAt: 1_000,
  });
});

describe("who may open the 工作台", () => {
  it("zone admins and reviewers get the page; members and banks 403; anonymous visitors go to 登录", async () => {
    for (const role of ["admin", "reviewer"] as const) {
      const res = await call(host, "GET", "/admin", { cookie: who[role], ip: freshIp() });
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toContain("no-store");
      const html = await res.text();
      expect(html).toContain("<h1>工作台</h1>");
      expect(html).toContain('href="/admin"');
    }
    for (const role of ["enterprise", "bank"] as const)
      expect((await call(host, "GET", "/admin", { cookie: who[role], ip: freshIp() })).status).toBe(403);
    const anonymous = await call(host, "GET", "/admin", { ip: freshIp() });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe("/login");
  });

  it("the API answers staff, refuses members and banks (403) and asks anonymous callers to sign in (401)", async () => {
    expect((await api("GET", WB, { cookie: who.admin })).status).toBe(200);
    expect((await api("GET", WB, { cookie: who.reviewer })).status).toBe(200);
    expect((await api("GET", WB, { cookie: who.enterprise })).status).toBe(403);
    expect((await api("GET", WB, { cookie: who.bank })).status).toBe(403);
    expect((await api("GET", WB)).status).toBe(401);
  });

  it("staff land on the 工作台 after signing in; members still land on the home page", async () => {
    const signIn = (email: string, password: string) =>
      call(host, "POST", "/login", {
        origin: ORIGIN,
        ip: freshIp(),
        contentType: "application/x-www-form-urlencoded",
        body: new URLSearchParams({ email, password }).toString(),
      });
    const staff = await signIn(`reviewer@${slug}.demo`, `Demo-${slug}-2026`);
    expect(staff.status).toBe(303);
    expect(staff.headers.get("location")).toBe("/admin");
    const member = await signIn(`enterprise@${slug}.demo`, `Demo-${slug}-2026`);
    expect(member.status).toBe(303);
    expect(member.headers.get("location")).toBe("/");
    // Already signed in, 登录 sends staff to their 工作台 too.
    const again = await call(host, "GET", "/login", { cookie: who.admin, ip: freshIp() });
    expect(again.headers.get("location")).toBe("/admin");
  });
});

describe("what the 工作台 counts", () => {
  it("applications waiting in 初审, oldest due first, late ones marked, with numbers and links", async () => {
    const { body, lo, hi } = await bracketed(
      () => inStage("first-review"),
      () => workbench(who.reviewer),
    );
    const s = section(body, "stage:first-review");
    expect(s).toMatchObject({
      kind: "stage",
      title: "待初审",
      link: "/admin/subsidies?status=in_review&stage=first-review",
    });
    expect(s.count).toBeGreaterThanOrEqual(lo);
    expect(s.count).toBeLessThanOrEqual(hi);
    expect(s.late).toBeGreaterThanOrEqual(2);
    const ids = (s.items as Json[]).map((i) => i.id);
    expect(ids.indexOf(made.returned)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(made.returned)).toBeLessThan(ids.indexOf(made.first));
    const first = (s.items as Json[]).find((i) => i.id === made.first)!;
    expect(first).toMatchObject({
      title: made.enterprise,
      dueOn: "2001-01-02",
      overdue: true,
      link: `/admin/subsidies/applications/${made.first}`,
    });
    expect(first.number).toMatch(/^ZB-\d{4}-\d{6}$/);
    expect(Date.parse(first.since)).not.toBeNaN();
  });

  it("an application resubmitted after a return is listed as such; one never returned is not", async () => {
    const s = section(await workbench(who.reviewer), "resubmitted");
    const ids = (s.items as Json[]).map((i) => i.id);
    expect(ids).toContain(made.returned);
    expect(ids).not.toContain(made.first);
    expect(s.count).toBeGreaterThanOrEqual(1);
    expect((s.items as Json[]).find((i) => i.id === made.returned)!.detail).toContain("初审");
  });

  it("an open objection: counted, its application first (lodged earliest), linked to the objections", async () => {
    const { body, lo, hi } = await bracketed(openObjections, () => workbench(who.reviewer));
    const s = section(body, "objections");
    expect(s.count).toBeGreaterThanOrEqual(Math.max(lo, 1));
    expect(s.count).toBeLessThanOrEqual(hi);
    expect(s.items[0]).toMatchObject({
      id: made.publicity,
      title: made.enterprise,
      link: `/admin/subsidies/applications/${made.publicity}#h-objections`,
    });
    expect(s.items[0].detail).toContain("技术合同并未实际履行");
    // The reviewer is told who decides it.
    expect(s.note).toContain("园区管理员");
  });

  it("a 资质 claim waiting: counted, oldest first, named by the qualification", async () => {
    const { body, lo, hi } = await bracketed(pendingClaims, () => workbench(who.admin));
    const s = section(body, "qualifications");
    expect(s.count).toBeGreaterThanOrEqual(Math.max(lo, 1));
    expect(s.count).toBeLessThanOrEqual(hi);
    expect(s.items[0]).toMatchObject({ id: made.claim, title: made.enterprise, link: "/admin/qualifications" });
    expect(s.items[0].detail).not.toBe("specialised");
  });

  it("reviewers see the stages they act at; payments and overdue loans are the admins'", async () => {
    const keys = (b: Json) => (b.sections as Json[]).map((s) => s.key);
    const reviewerKeys = keys(await workbench(who.reviewer));
    expect(reviewerKeys).toEqual(expect.arrayContaining(["stage:first-review", "stage:second-review", "objections"]));
    expect(reviewerKeys).not.toContain("stage:payment");
    expect(reviewerKeys).not.toContain("awards");
    expect(reviewerKeys).not.toContain("loans");
    expect(reviewerKeys.some((k) => k === "stage:publicity")).toBe(false);
    const adminKeys = keys(await workbench(who.admin));
    expect(adminKeys).toEqual(expect.arrayContaining(["stage:payment", "awards", "loans", "onboarding"]));
  });

  it("a loan application past its response time: the zone admin's, linked to the bank that must answer", async () => {
    const s = section(await workbench(who.admin), "loans");
    expect(s.count).toBeGreaterThanOrEqual(1);
    expect(s.late).toBe(s.count);
    expect(s.items[0]).toMatchObject({
      id: made.loan,
      dueOn: "2001-01-01",
      overdue: true,
      link: `/admin/banks/${made.bank}`,
    });
    expect(s.items[0].number).toMatch(/^ZB-DK-2001-\d{6}$/);
    expect(s.items[0].detail).toContain(`${made.enterprise}的申请 · 未受理`);
  });

  it("a 风险补偿 claim waiting: counted, late ones marked, filed first leads, linked to the claim", async () => {
    const { pool, bank, productId } = await poolWithBank(who.admin);
    const firm = await financeEnterprise();
    const loan = await disbursedLoan({ bankId: bank.id, productId, enterpriseId: firm.id });
    const filed = await fileClaim(bank.cookie, loan.id);
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const id = (filed.body.claim as Json).id as string;
    // Dated first, as this file's other items are: the list is in filing (rowid) order, its review day long past.
    await db.run(sql`update risk_claims set rowid = (select min(rowid) - 1 from risk_claims),
      review_due_on = '2001-01-05' where id = ${id}`);
    const waiting = async () =>
      Number((await db.all<{ n: number }>(sql`select count(*) n from risk_claims where status = 'submitted'`))[0]!.n);
    for (const role of ["admin", "reviewer"] as const) {
      const { body, lo, hi } = await bracketed(waiting, () => workbench(who[role]));
      const s = section(body, "risk_claims");
      expect(s.count).toBeGreaterThanOrEqual(Math.max(lo, 1));
      expect(s.count).toBeLessThanOrEqual(hi);
      expect(s.late).toBeGreaterThanOrEqual(1);
      expect(s.link).toBe("/admin/risk-pool?status=submitted");
      expect(s.items[0]).toMatchObject({
        id,
        dueOn: "2001-01-05",
        overdue: true,
        link: `/admin/risk-pool/claims/${id}`,
      });
      expect(s.items[0].detail).toContain(bank.name);
      expect(s.note === null).toBe(role === "admin");
    }
    expect(pool.id).toBeTruthy();
  });

  it("the page shows the counts, the oldest items and says so when a kind is empty", async () => {
    const html = await (await call(host, "GET", "/admin", { cookie: who.reviewer, ip: freshIp() })).text();
    expect(html).toContain(`href="/admin/subsidies/applications/${made.first}"`);
    expect(html).toContain(`href="/admin/subsidies/applications/${made.publicity}#h-objections"`);
    expect(html).toContain("已逾期");
    expect(html).toMatch(/公示异议待处理/);
    // Every kind either lists items or says there is nothing waiting.
    const body = await workbench(who.reviewer);
    for (const s of body.sections as Json[])
      if (s.count === 0) {
        expect(s.empty).toMatch(/^没有/);
        expect(html).toContain(s.empty);
      }
  });
});

describe("the 补正后重新提交 card opens the queue filtered the same way", () => {
  it("links to the queue's resubmitted filter, which lists the resubmitted application, not the others", async () => {
    const admin = section(await workbench(who.admin), "resubmitted");
    expect(admin.link).toBe("/admin/subsidies?status=in_review&resubmitted=1");
    const reviewer = section(await workbench(who.reviewer), "resubmitted");
    expect(reviewer.link).toMatch(/^\/admin\/subsidies\?status=in_review(&stage=[a-z-]+)?&resubmitted=1$/);
    const html = await (await call(host, "GET", "/admin", { cookie: who.admin, ip: freshIp() })).text();
    expect(html).toContain('href="/admin/subsidies?status=in_review&amp;resubmitted=1"');

    const page = await call(host, "GET", `${admin.link}&q=${encodeURIComponent(made.enterprise)}`, {
      cookie: who.reviewer,
      ip: freshIp(),
    });
    expect(page.status).toBe(200);
    expect(roundTrips(page).waves).toBeLessThanOrEqual(2);
    const text = await page.text();
    expect(text).toContain(`/admin/subsidies/applications/${made.returned}"`);
    expect(text).not.toContain(`/admin/subsidies/applications/${made.first}"`);
    expect(text).not.toContain(`/admin/subsidies/applications/${made.publicity}"`);
    expect(text).toMatch(/<input id="f-resubmitted" type="checkbox" name="resubmitted" value="1" checked/);
    expect(text).toContain("共 1 份申报");
    // Without the filter the same search finds all three of this file's applications.
    const all = await call(host, "GET", `/admin/subsidies?q=${encodeURIComponent(made.enterprise)}`, {
      cookie: who.reviewer,
      ip: freshIp(),
    });
    const allText = await all.text();
    for (const id of [made.returned, made.first, made.publicity])
      expect(allText).toContain(`/admin/subsidies/applications/${id}"`);
    expect(allText).not.toMatch(/name="resubmitted" value="1" checked/);
  });

  it("the API's ?resubmitted=1 answers the same list, counted like the card; a bad value is a 422", async () => {
    const q = `q=${encodeURIComponent(made.enterprise)}`;
    const list = await api("GET", `${APPS}?resubmitted=1&${q}`, { cookie: who.admin });
    expect(list.status).toBe(200);
    expect((list.body.applications as Json[]).map((a) => a.id)).toEqual([made.returned]);
    expect(list.body.total).toBe(1);
    // "0" is no filter at all.
    const off = await api("GET", `${APPS}?resubmitted=0&${q}`, { cookie: who.admin });
    expect(off.body.total).toBe(3);
    // Another status and resubmitted: nothing is both.
    const awarded = await api("GET", `${APPS}?status=awarded&resubmitted=1&${q}`, { cookie: who.admin });
    expect(awarded.body.total).toBe(0);
    // The card's count and the queue's total agree, whatever the other files add meanwhile (within their bracket).
    const count = async () =>
      Number((await api("GET", `${APPS}?resubmitted=1&limit=1`, { cookie: who.admin })).body.total);
    const { body, lo, hi } = await bracketed(count, () => workbench(who.admin));
    const card = section(body, "resubmitted");
    expect(card.count).toBeGreaterThanOrEqual(lo);
    expect(card.count).toBeLessThanOrEqual(hi);

    const bad = await api("GET", `${APPS}?resubmitted=yes`, { cookie: who.admin });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain("仅看退回后重新提交只能是 1(是)或 0(否)");
    const badPage = await call(host, "GET", "/admin/subsidies?resubmitted=yes", { cookie: who.admin, ip: freshIp() });
    expect(badPage.status).toBe(422);
    expect(await badPage.text()).toContain("筛选条件有误(仅看退回后重新提交)");
  });
});

describe("objections in the queue and on the application", () => {
  it("the queue marks the row with 有异议, from its own query; the API row says hasOpenObjection", async () => {
    const page = await call(host, "GET", "/admin/subsidies?status=in_review&stage=publicity", {
      cookie: who.reviewer,
      ip: freshIp(),
    });
    expect(page.status).toBe(200);
    expect(roundTrips(page).waves).toBeLessThanOrEqual(2);
    const html = await page.text();
    const row = html.split("<tr>").find((r) => r.includes(`/admin/subsidies/applications/${made.publicity}"`));
    expect(row).toBeDefined();
    expect(row).toContain("有异议");
    const list = await api("GET", `${APPS}?status=in_review&stage=publicity&limit=200`, { cookie: who.reviewer });
    const item = (list.body.applications as Json[]).find((a) => a.id === made.publicity);
    expect(item?.hasOpenObjection).toBe(true);
    const firstRow = html.split("<tr>").find((r) => r.includes(`/admin/subsidies/applications/${made.first}"`));
    expect(firstRow ?? "").not.toContain("有异议");
  });

  it("the staff application page shows the objection's text, when, and its status", async () => {
    const html = await (
      await call(host, "GET", `/admin/subsidies/applications/${made.publicity}`, {
        cookie: who.reviewer,
        ip: freshIp(),
      })
    ).text();
    expect(html).toContain("公示异议");
    expect(html).toContain("该企业的技术合同并未实际履行,请园区核实。");
    expect(html).toContain("待处理");
  });
});

describe("round trips", () => {
  it("the page and the API read everything in one batch after the session (≤ 2 waves), for both roles", async () => {
    for (const role of ["admin", "reviewer"] as const) {
      const page = await call(host, "GET", "/admin", { cookie: who[role], ip: freshIp() });
      expect(page.status).toBe(200);
      expect(roundTrips(page).waves).toBeLessThanOrEqual(2);
      const json = await call(host, "GET", WB, { cookie: who[role], ip: freshIp() });
      expect(json.status).toBe(200);
      expect(roundTrips(json).waves).toBeLessThanOrEqual(2);
    }
  });
});
