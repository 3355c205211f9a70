/**
 * 年度报表 (issue 18): the zone admin opens a year's report; completion by enterprise agrees with the
 * figures rows; 催报 tells the active members of unfiled enterprises (消息中心 + mail) once a day; the
 * scheduled reminder goes out once on its day however often it runs; reviewers read, others are
 * refused; bad input is a 422 that changes nothing; every request keeps its round-trip budget.
 * A test zone of its own, so the demo zone's data stays as other suites expect it.
 */
import { env } from "cloudflare:workers";
import { and, eq, inArray, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  enterpriseYearlyFigures,
  enterprises,
  notices,
  outbox,
  reportChases,
  reportWindows,
  users,
} from "../../worker/db/schema";
import { openTenantDb } from "../../worker/db/open";
import { workerDeps, type WorkerEnv } from "../../worker/entry.worker";
import { remindUnfiled } from "../../worker/features/yearly-reports/remind-unfiled";
import { calendarOf, shanghaiDate } from "../../worker/lib/calendar";
import { newId } from "../../worker/lib/ids";
import { workingDayBefore } from "../../worker/lib/yearly-report";
import { loadZone } from "../../worker/middleware/zone-settings";
import { call, dbFor, login, makeUser, sessionCookie } from "./auth-support";
import { provisionTestZone } from "./platform-support";
import { roundTrips } from "./round-trip-support";
import type { Json } from "./subsidies-support";

const SLUG = "wdyearly";
const HOST = `${SLUG}.localhost`;
const ORIGIN = `http://${HOST}:8787`;
const db = () => dbFor(SLUG);
const THIS_YEAR = Number(shanghaiDate(new Date()).slice(0, 4));
const Y = THIS_YEAR - 1;
const inDays = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

async function api(method: string, path: string, cookie?: string, data?: unknown) {
  const res = await call(HOST, method, path, { cookie, body: data === undefined ? undefined : JSON.stringify(data) });
  const text = await res.text();
  return { res, status: res.status, body: (text ? JSON.parse(text) : null) as Json, waves: roundTrips(res).waves };
}
function form(path: string, cookie: string, fields: Record<string, string>) {
  return call(HOST, "POST", path, {
    cookie,
    origin: ORIGIN,
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams(fields).toString(),
  });
}

const FULL = {
  revenueFen: 500_000_000,
  rdExpenseFen: 30_000_000,
  taxPaidFen: 8_000_000,
  exportsFen: 0,
  employees: 60,
  rdStaff: 12,
  inventionPatentsFiled: 3,
  inventionPatentsGranted: 1,
  validInventionPatents: 5,
};

let admin: string;
let reviewer: string;
let member: string;
const firm: Record<"filed" | "partial" | "unfiled" | "suspended" | "nobody", string> = {} as never;
const memberOf: Record<string, { active: string[]; disabled: string[] }> = {};

async function person(role: "zone_admin" | "reviewer" | "enterprise" | "bank", enterpriseId?: string) {
  const u = await makeUser(SLUG, role);
  if (enterpriseId) await db().update(users).set({ enterpriseId }).where(eq(users.id, u.id));
  return u;
}
const cookieOf = async (u: { email: string; password: string }) =>
  sessionCookie(await login(SLUG, u.email, u.password));

beforeAll(async () => {
  await provisionTestZone(SLUG, { zh: "年报测试高新区", en: "Yearly Report Test Zone" }, "0535-6666666");
  admin = await cookieOf(await person("zone_admin"));
  reviewer = await cookieOf(await person("reviewer"));
  const T = Date.now();
  for (const key of Object.keys({
    filed: 1,
    partial: 1,
    unfiled: 1,
    suspended: 1,
    nobody: 1,
  }) as (keyof typeof firm)[]) {
    const id = newId();
    firm[key] = id;
    await db()
      .insert(enterprises)
      .values({ id, name: `年报${key}测试企业`, createdAt: T, status: key === "suspended" ? "suspended" : "active" });
    memberOf[id] = { active: [], disabled: [] };
    if (key === "nobody") continue;
    const a = await person("enterprise", id);
    memberOf[id]!.active.push(a.id);
    if (key === "unfiled") {
      const d = await person("enterprise", id);
      await db().update(users).set({ status: "disabled" }).where(eq(users.id, d.id));
      memberOf[id]!.disabled.push(d.id);
      member = await cookieOf(a);
    }
  }
  await db()
    .insert(enterpriseYearlyFigures)
    .values([
      { enterpriseId: firm.filed, year: Y, ...FULL, updatedAt: T },
      { enterpriseId: firm.partial, year: Y, revenueFen: 1_000_000, employees: 5, updatedAt: T },
      // Last year's full figures: the form for Y opens with them.
      { enterpriseId: firm.unfiled, year: Y - 1, ...FULL, revenueFen: 123_456_78, updatedAt: T },
    ]);
});

/** What the database says, counted by hand: active enterprises and their rows for Y. */
async function expectedCounts() {
  const active = await db().select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.status, "active"));
  const rows = await db()
    .select()
    .from(enterpriseYearlyFigures)
    .where(
      and(
        eq(enterpriseYearlyFigures.year, Y),
        inArray(
          enterpriseYearlyFigures.enterpriseId,
          active.map((a) => a.id),
        ),
      ),
    );
  const complete = rows.filter((r) => Object.keys(FULL).every((k) => r[k as keyof typeof FULL] !== null));
  return {
    enterprises: active.length,
    filed: complete.length,
    incomplete: rows.length - complete.length,
    unfiled: active.length - rows.length,
  };
}

const reportNotices = (userIds: string[]) =>
  db()
    .select()
    .from(notices)
    .where(and(inArray(notices.userId, userIds), eq(notices.kind, "report_due")));

describe("opening the yearly report", () => {
  it("refuses bad input with a 422 in Chinese and opens nothing", async () => {
    for (const data of [
      { year: THIS_YEAR + 1, dueOn: inDays(30) },
      { year: Y, dueOn: inDays(-1) },
      { year: Y, dueOn: "2026-02-30" },
      { year: "2025", dueOn: inDays(30) },
      { year: Y },
    ]) {
      const r = await api("POST", "/api/v1/admin/reports", admin, data);
      expect(r.status, JSON.stringify(data)).toBe(422);
      expect(JSON.stringify(r.body)).toMatch(/[\u4e00-\u9fff]/);
    }
    const page = await form("/admin/reports", admin, { year: "20x5", dueOn: inDays(30) });
    expect(page.status).toBe(422);
    expect(await page.text()).toContain("年度请填写四位数字");
    expect(await db().select().from(reportWindows)).toEqual([]);
  });

  it("lets only zone admins open it; reviewers read, members and strangers are refused", async () => {
    expect((await api("POST", "/api/v1/admin/reports", reviewer, { year: Y, dueOn: inDays(30) })).status).toBe(403);
    expect((await api("POST", "/api/v1/admin/reports", member, { year: Y, dueOn: inDays(30) })).status).toBe(403);
    expect((await api("GET", "/api/v1/admin/reports", member)).status).toBe(403);
    expect((await api("GET", "/api/v1/admin/reports")).status).toBe(401);
    expect((await call(HOST, "GET", "/admin/reports", { cookie: member })).status).toBe(403);

    const opened = await form("/admin/reports", admin, { year: String(Y), dueOn: inDays(30) });
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe(`/admin/reports/${Y}?done=opened`);
    expect(roundTrips(opened).waves).toBeLessThanOrEqual(3);
    const again = await api("POST", "/api/v1/admin/reports", admin, { year: Y, dueOn: inDays(40) });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("已在收集中");
    const [w] = await db().select().from(reportWindows);
    expect(w).toMatchObject({ year: Y, dueOn: inDays(30), status: "open" });

    const list = await api("GET", "/api/v1/admin/reports", reviewer);
    expect(list.status).toBe(200);
    expect(list.waves).toBeLessThanOrEqual(2);
    expect(list.body.windows).toHaveLength(1);
    expect(list.body.windows[0].counts).toEqual(await expectedCounts());
  });
});

describe("completion by enterprise", () => {
  it("counts and lists exactly what the figures rows say, filtered and paged", async () => {
    const all = await api("GET", `/api/v1/admin/reports/${Y}/enterprises`, reviewer);
    expect(all.status).toBe(200);
    expect(all.waves).toBeLessThanOrEqual(2);
    const counts = await expectedCounts();
    expect(all.body.window.counts).toEqual(counts);
    expect(all.body.total).toBe(counts.enterprises);
    const byId = new Map((all.body.enterprises as Json[]).map((e) => [e.enterpriseId, e]));
    expect(byId.get(firm.filed)).toMatchObject({ status: "filed", missing: [] });
    expect(byId.get(firm.partial)?.status).toBe("incomplete");
    expect(byId.get(firm.partial)?.missing).toContain("研发费用");
    expect(byId.get(firm.unfiled)?.status).toBe("unfiled");
    // A suspended enterprise is not in the report.
    expect(byId.has(firm.suspended)).toBe(false);

    const pending = await api("GET", `/api/v1/admin/reports/${Y}/enterprises?status=pending`, admin);
    expect(pending.body.total).toBe(counts.incomplete + counts.unfiled);
    expect((pending.body.enterprises as Json[]).every((e) => e.status !== "filed")).toBe(true);
    const named = await api(
      "GET",
      `/api/v1/admin/reports/${Y}/enterprises?q=${encodeURIComponent("年报partial")}`,
      admin,
    );
    expect(named.body.enterprises.map((e: Json) => e.enterpriseId)).toEqual([firm.partial]);

    for (const bad of ["status=late", "page=0", `q=${"长".repeat(51)}`])
      expect((await api("GET", `/api/v1/admin/reports/${Y}/enterprises?${bad}`, admin)).status, bad).toBe(422);
    expect((await api("GET", `/api/v1/admin/reports/${Y - 5}/enterprises`, admin)).status).toBe(404);

    const page = await call(HOST, "GET", `/admin/reports/${Y}?status=unfiled`, { cookie: reviewer });
    expect(page.status).toBe(200);
    expect(roundTrips(page).waves).toBeLessThanOrEqual(2);
    const html = await page.text();
    expect(html).toContain("年报unfiled测试企业");
    expect(html).not.toContain("年报filed测试企业");
    // Reviewers read: no chase or close button.
    expect(html).not.toContain("/chase");
  });
});

describe("催报", () => {
  it("tells the active members of one unfiled enterprise once a day (notice + mail), refusing the second", async () => {
    const { active, disabled } = memberOf[firm.unfiled]!;
    const res = await form(`/admin/reports/${Y}/chase`, admin, { enterpriseId: firm.unfiled, status: "pending" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/admin/reports/${Y}?status=pending&done=chased&n=1`);
    expect(roundTrips(res).waves).toBeLessThanOrEqual(3);
    const told = await reportNotices([...active, ...disabled]);
    expect(told.map((n) => n.userId)).toEqual(active);
    expect(told[0]).toMatchObject({ title: `请填报 ${Y} 年度报表`, link: `/enterprise/figures?year=${Y}` });
    const emails = await db()
      .select({ email: users.email })
      .from(users)
      .where(inArray(users.id, [...active, ...disabled]));
    const mail = await db()
      .select()
      .from(outbox)
      .where(
        and(
          inArray(
            outbox.recipient,
            emails.map((e) => e.email),
          ),
          eq(outbox.kind, "report_due"),
        ),
      );
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body).toContain(`${ORIGIN}/enterprise/figures?year=${Y}`);

    // A mangled form is refused; it never becomes a chase of everyone.
    const mangled = await form(`/admin/reports/${Y}/chase`, admin, { enterpriseId: "x".repeat(65) });
    expect(mangled.status).toBe(422);
    expect((await form(`/admin/reports/${Y}/chase`, reviewer, { enterpriseId: firm.partial })).status).toBe(403);
    expect(await db().select().from(reportChases).where(eq(reportChases.enterpriseId, firm.partial))).toEqual([]);

    const twice = await api("POST", `/api/v1/admin/reports/${Y}/reminders`, admin, { enterpriseIds: [firm.unfiled] });
    expect(twice.status).toBe(429);
    expect(twice.body.error.message).toContain("今天已经催报过");
    expect(await reportNotices(active)).toHaveLength(1);

    const filed = await api("POST", `/api/v1/admin/reports/${Y}/reminders`, admin, { enterpriseIds: [firm.filed] });
    expect(filed.status).toBe(409);
    expect(filed.body.error.message).toContain("已填报齐全");
    const nobody = await api("POST", `/api/v1/admin/reports/${Y}/reminders`, admin, { enterpriseIds: [firm.nobody] });
    expect(nobody.status).toBe(409);
    expect(nobody.body.error.message).toContain("没有可用的成员账号");
    expect((await api("POST", `/api/v1/admin/reports/${Y}/reminders`, admin, { enterpriseIds: [] })).status).toBe(422);
    expect(
      (await api("POST", `/api/v1/admin/reports/${Y}/reminders`, admin, { enterpriseIds: ["x".repeat(65)] })).status,
    ).toBe(422);
    expect(
      (await api("POST", `/api/v1/admin/reports/${Y}/reminders`, reviewer, { enterpriseIds: [firm.partial] })).status,
    ).toBe(403);
    expect(await db().select().from(reportChases).where(eq(reportChases.enterpriseId, firm.filed))).toEqual([]);
  });

  it("chases every enterprise not filed completely that someone can be told about, and no one twice", async () => {
    const all = await api("POST", `/api/v1/admin/reports/${Y}/reminders`, admin, {});
    expect(all.status).toBe(200);
    expect(all.waves).toBeLessThanOrEqual(3);
    // partial (and any template enterprise with members); not unfiled (chased today), filed, suspended, nobody.
    const chased = await db().select().from(reportChases).where(eq(reportChases.source, "staff"));
    const ids = chased.map((c) => c.enterpriseId);
    expect(ids).toContain(firm.partial);
    expect(ids.filter((id) => id === firm.unfiled)).toHaveLength(1);
    for (const id of [firm.filed, firm.suspended, firm.nobody]) expect(ids).not.toContain(id);
    expect(all.body.chased).toBe(chased.length - 1);
    expect(await reportNotices(memberOf[firm.partial]!.active)).toHaveLength(1);
    expect(await reportNotices(memberOf[firm.suspended]!.active)).toEqual([]);
    const again = await api("POST", `/api/v1/admin/reports/${Y}/reminders`, admin, {});
    expect(again.status).toBe(409);
    expect(await reportNotices(memberOf[firm.partial]!.active)).toHaveLength(1);
  });
});

describe("the scheduled reminder", () => {
  const deps = workerDeps(env as WorkerEnv);

  it("reminds unfiled members on the 7th working day before the due date, once however often it runs", async () => {
    const tenant = (await deps.directory.get(SLUG))!;
    const zoneDb = openTenantDb(deps.openClient(tenant.dbName));
    const zone = await loadZone(deps.directory.baseZone(tenant), () => zoneDb);
    const year = Y - 1;
    const dueOn = `${THIS_YEAR + 1}-03-31`;
    await db().insert(reportWindows).values({ year, dueOn, status: "open", openedAt: Date.now() });
    const day = workingDayBefore(dueOn, 7, calendarOf(zone));
    const run = (d: string) => remindUnfiled({ db: zoneDb, zone, now: new Date(`${d}T02:00:00Z`), origin: ORIGIN });
    const before = await run(workingDayBefore(dueOn, 8, calendarOf(zone)));
    expect(before).toBe(0);
    const first = await run(day);
    expect(first).toBeGreaterThan(0);
    expect(await run(day)).toBe(0);
    const mine = (id: string) =>
      db()
        .select()
        .from(notices)
        .where(and(inArray(notices.userId, memberOf[id]!.active), like(notices.title, `%${year} 年度%`)));
    // The unfiled firm filed nothing for Y − 1 either (it has those figures: it is filed for that year).
    expect(await mine(firm.unfiled)).toEqual([]);
    expect(await mine(firm.partial)).toHaveLength(1);
    expect(await mine(firm.filed)).toHaveLength(1);
    const [w] = await db().select().from(reportWindows).where(eq(reportWindows.year, year));
    expect(w!.remindedOn).toBe(day);
    expect(await run(workingDayBefore(dueOn, 1, calendarOf(zone)))).toBe(first);
    expect(await mine(firm.partial)).toHaveLength(2);
  });
});

describe("members filing", () => {
  it("shows the open report on the enterprise page and opens the form prefilled from last year", async () => {
    const home = await call(HOST, "GET", "/enterprise", { cookie: member });
    expect(home.status).toBe(200);
    expect(roundTrips(home).waves).toBeLessThanOrEqual(2);
    const html = await home.text();
    expect(html).toContain(`填报 ${Y} 年度报表`);
    const doc = await api("GET", "/api/v1/enterprise", member);
    expect(doc.status).toBe(200);
    expect(doc.body.openReports).toContainEqual({ year: Y, dueOn: inDays(30), status: "unfiled", missing: [] });
    const page = await call(HOST, "GET", `/enterprise/figures?year=${Y}`, { cookie: member });
    expect(roundTrips(page).waves).toBeLessThanOrEqual(2);
    const formHtml = await page.text();
    expect(formHtml).toContain("已按上年数据预填,请核对后提交");
    expect(formHtml).toContain('value="123456.78"');
    expect(formHtml).toContain('name="validInventionPatents"');
  });

  it("files the report through the form and the API keeps fields it was not sent", async () => {
    const fields = {
      year: String(Y),
      revenue: "200万",
      rdExpense: "30万",
      rdSuperDeduction: "",
      taxPaid: "8万",
      exports: "0",
      employees: "40",
      rdStaff: "9",
      inventionPatentsFiled: "2",
      inventionPatentsGranted: "1",
      validInventionPatents: "4",
    };
    const bad = await form("/enterprise/figures", member, { ...fields, inventionPatentsFiled: "-1" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("发明专利申请数请填写 0 或正整数");
    const saved = await form("/enterprise/figures", member, fields);
    expect(saved.status).toBe(303);
    const [row] = await db()
      .select()
      .from(enterpriseYearlyFigures)
      .where(and(eq(enterpriseYearlyFigures.enterpriseId, firm.unfiled), eq(enterpriseYearlyFigures.year, Y)));
    expect(row).toMatchObject({ revenueFen: 200_000_000, exportsFen: 0, validInventionPatents: 4 });
    const listed = await api("GET", `/api/v1/admin/reports/${Y}/enterprises?status=filed`, admin);
    expect(listed.body.enterprises.map((e: Json) => e.enterpriseId)).toContain(firm.unfiled);
    expect(listed.body.window.counts).toEqual(await expectedCounts());
    const home = await (await call(HOST, "GET", "/enterprise", { cookie: member })).text();
    expect(home).toContain(`${Y} 年度报表已填报`);

    // An API client that predates the report's fields leaves them as they are.
    const put = await api("PUT", `/api/v1/enterprise/figures/${Y}`, member, { revenueFen: 210_000_000 });
    expect(put.status).toBe(200);
    expect(put.body.figures).toMatchObject({ revenueFen: 210_000_000, validInventionPatents: 4, exportsFen: 0 });
    const tooMany = await api("PUT", `/api/v1/enterprise/figures/${Y}`, member, { inventionPatentsFiled: 1e8 });
    expect(tooMany.status).toBe(422);
  });

  it("feeds the 数据看板: its yearly report counts and sums agree with the completion list and the rows", async () => {
    const stats = await api("GET", `/api/v1/admin/statistics?year=${Y}`, reviewer);
    expect(stats.status).toBe(200);
    const completion = await api("GET", `/api/v1/admin/reports/${Y}/enterprises`, reviewer);
    const r = stats.body.yearlyReport;
    expect(r.year).toBe(Y);
    expect(r.filed).toBe(completion.body.window.counts.filed);
    expect(r.incomplete).toBe(completion.body.window.counts.incomplete);
    expect(r.filed).toBeGreaterThan(0);
    // The sums cover the active enterprises' rows for the year (a suspended enterprise's are left out).
    const rows = await db()
      .select({
        revenueFen: enterpriseYearlyFigures.revenueFen,
        patents: enterpriseYearlyFigures.validInventionPatents,
      })
      .from(enterpriseYearlyFigures)
      .innerJoin(enterprises, eq(enterprises.id, enterpriseYearlyFigures.enterpriseId))
      .where(and(eq(enterpriseYearlyFigures.year, Y), eq(enterprises.status, "active")));
    expect(r.revenueFen).toBe(rows.reduce((n, x) => n + (x.revenueFen ?? 0), 0));
    expect(r.validInventionPatents).toBe(rows.reduce((n, x) => n + (x.patents ?? 0), 0));
    const page = await (await call(HOST, "GET", `/admin/statistics?year=${Y}`, { cookie: admin })).text();
    expect(page).toContain(`${Y} 年度企业报表`);
    expect(page).toContain(`href="/admin/reports/${Y}?status=filed"`);
  });
});

describe("closing", () => {
  it("closes once; the member is no longer asked and chasing is refused", async () => {
    expect((await api("POST", `/api/v1/admin/reports/${Y}/close`, reviewer)).status).toBe(403);
    const closed = await api("POST", `/api/v1/admin/reports/${Y}/close`, admin);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe("closed");
    expect((await api("POST", `/api/v1/admin/reports/${Y}/close`, admin)).status).toBe(409);
    expect((await api("POST", `/api/v1/admin/reports/${Y - 9}/close`, admin)).status).toBe(404);
    const chase = await api("POST", `/api/v1/admin/reports/${Y}/reminders`, admin, {});
    expect(chase.status).toBe(409);
    expect(chase.body.error.message).toContain("已经截止收集");
    const home = await (await call(HOST, "GET", "/enterprise", { cookie: member })).text();
    expect(home).not.toContain(`${Y} 年度报表`);
  });
});
