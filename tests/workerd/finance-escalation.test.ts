/**
 * When an overdue loan application reaches the zone admins is the zone's setting
 * (finance.escalation.afterWorkingDays, 园区设置): the bank's staff are told the day after its
 * due day, once; the zone admins once that many working days have passed after the due day
 * with it still not acted on — at once with the bank when it is 0, the default, as before the
 * setting existed. Runs on a zone of this file's own, provisioned here, with due days in 2099 so
 * the cron other files fire with the real clock never finds them overdue; the job runs as
 * runScheduled runs it (the zone's stored settings applied), with deps.now moved day by day.
 * The setting is saved through the API and the 园区设置 form. The tests run in order (the setting
 * one sets 2 days for the rest); the zone is this file's alone.
 */
import { env } from "cloudflare:workers";
import { asc, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";
import { openTenantDb } from "../../worker/db/open";
import { meteredClient, RoundTripMeter } from "../../worker/db/round-trips";
import { banks, enterprises, loanApplications, loanEvents, outbox, users } from "../../worker/db/schema";
import { workerDeps, type WorkerEnv } from "../../worker/entry.worker";
import { newId } from "../../worker/lib/ids";
import { loadZone } from "../../worker/middleware/zone-settings";
import { flagOverdueLoans } from "../../worker/features/finance/response-times";
import { flagOverdueLoansJob } from "../../worker/scheduled/flag-overdue-loans";
import { dbFor, freshIp, makeUser, sessionCookie } from "./auth-support";
import { unansweredLoan } from "./finance-support";
import { provisionTestZone } from "./platform-support";
import type { Json } from "./subsidies-support";

const SLUG = "wdescalate";
const HOST = `${SLUG}.localhost`;
const SETTINGS = "/api/v1/admin/zone/settings";
const deps = workerDeps(env as WorkerEnv);
const app = createApp(deps);
const db = () => dbFor(SLUG);
const T = Date.now();

function req(method: string, path: string, cookie?: string, data?: unknown) {
  const headers = new Headers({ "cf-connecting-ip": freshIp(), origin: `http://${HOST}:8787` });
  if (cookie) headers.set("cookie", cookie);
  if (data !== undefined) headers.set("content-type", "application/json");
  const body = data === undefined ? undefined : JSON.stringify(data);
  return app.request(`http://${HOST}${path}`, { method, headers, body, redirect: "manual" });
}

async function signIn(role: "zone_admin" | "bank") {
  const u = await makeUser(SLUG, role);
  const res = await req("POST", "/api/v1/auth/login", undefined, { email: u.email, password: u.password });
  return { ...u, cookie: sessionCookie(res) };
}

/** This zone as the scheduled run opens it: its database and its stored settings applied. */
async function openZone() {
  const tenant = (await deps.directory.get(SLUG))!;
  const zoneDb = openTenantDb(deps.openClient(tenant.dbName));
  const zone = await loadZone(deps.directory.baseZone(tenant), () => zoneDb);
  return { zone, zoneDb };
}

/** The scheduled job on this zone alone, on `day` at 10:00 in Shanghai. */
async function runOn(day: string) {
  const { zone, zoneDb } = await openZone();
  await flagOverdueLoansJob({ deps: { ...deps, now: () => new Date(`${day}T02:00:00Z`) }, zone, db: zoneDb });
}

let bankId = "";
let enterpriseId = "";
let banker: Awaited<ReturnType<typeof signIn>>;
let admin: Awaited<ReturnType<typeof signIn>>;
let seq = 0;

/** A submitted application due on `dueOn`, on a product of its own; its number ends in its sequence. */
async function submitted(dueOn: string) {
  seq++;
  const { id } = await unansweredLoan(SLUG, {
    bankId,
    enterpriseId,
    createdBy: banker.id,
    productName: `升级测试产品${seq}`,
    acceptDueOn: dueOn,
    number: { year: 2099, seq },
  });
  return { id, number: `2099-${String(seq).padStart(6, "0")}` };
}

/** What the application's row, timeline and mails say: who was told, and of what. */
async function told(app: { id: string; number: string }) {
  const [row] = await db().select().from(loanApplications).where(eq(loanApplications.id, app.id));
  const events = await db()
    .select()
    .from(loanEvents)
    .where(eq(loanEvents.applicationId, app.id))
    .orderBy(asc(loanEvents.id));
  const mails = await db()
    .select()
    .from(outbox)
    .where(like(outbox.body, `%${app.number}%`));
  return {
    flagged: row!.escalatedAt !== null,
    escalated: row!.adminEscalatedAt !== null,
    events: events.map((e) => [e.action, e.actor]),
    mails: mails
      .map((m) => [m.recipient === banker.email ? "bank" : m.recipient === admin.email ? "admin" : m.recipient, m.kind])
      .sort(),
    notes: events.map((e) => e.note),
  };
}

beforeAll(async () => {
  await provisionTestZone(SLUG, { zh: "升级测试高新区", en: "Escalation Test Zone" }, "0535-6666666");
  bankId = newId();
  enterpriseId = newId();
  await db().insert(banks).values({ id: bankId, name: "升级测试银行", branch: "烟台分行", createdAt: T });
  await db().insert(enterprises).values({ id: enterpriseId, name: "升级测试企业", createdAt: T });
  banker = await signIn("bank");
  await db().update(users).set({ bankId }).where(eq(users.id, banker.id));
  admin = await signIn("zone_admin");
});

describe("loan escalation to the zone admins", () => {
  it("by default (0) tells the bank and the zone admins in the same run, once, as before the setting", async () => {
    const a = await submitted("2099-06-01"); // a Monday
    await runOn("2099-06-01"); // its due day: not late yet
    expect(await told(a)).toMatchObject({ flagged: false, escalated: false, events: [], mails: [] });
    await runOn("2099-06-02");
    const after = await told(a);
    expect(after).toMatchObject({
      flagged: true,
      escalated: true,
      events: [["overdue", "system"]],
      mails: [
        ["admin", "loan_overdue"],
        ["bank", "loan_overdue"],
      ],
    });
    expect(after.notes[0]).toContain("已同时上报园区管理员");
    await runOn("2099-06-03");
    expect(await told(a)).toEqual(after);
  });

  it("is set by the zone admin through the settings API; 31 days is a 422 naming the field", async () => {
    const put = await req("PUT", SETTINGS, admin.cookie, { finance: { escalation: { afterWorkingDays: 2 } } });
    expect(put.status).toBe(200);
    const settings = (await put.json()) as Json;
    expect(settings.finance).toEqual({
      acceptWorkingDays: 3,
      decideWorkingDays: 10,
      escalation: { afterWorkingDays: 2 },
      lpr: [],
    });

    const bad = await req("PUT", SETTINGS, admin.cookie, { finance: { escalation: { afterWorkingDays: 31 } } });
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as Json;
    expect(body.error.fields).toEqual({
      "finance.escalation.afterWorkingDays": "上报园区管理员的天数最多 30 个工作日",
    });
    const now = (await (await req("GET", SETTINGS, admin.cookie)).json()) as Json;
    expect(now.finance.escalation).toEqual({ afterWorkingDays: 2 });
    // The bank's queue states the rule the zone set.
    const page = await (await req("GET", "/bank/loans", banker.cookie)).text();
    expect(page).toContain("超时 2 个工作日后仍未办理的报园区管理员");
  });

  it(
    "with 2 days: the bank first, nobody new before 2 working days have passed, then the admins once; " +
      "one acted on meanwhile is never escalated",
    async () => {
      const late = await submitted("2099-06-01"); // Monday: Tuesday and Wednesday pass, Thursday escalates
      const acted = await submitted("2099-06-01");
      const weekend = await submitted("2099-06-04"); // Thursday: Friday and Monday pass, Tuesday escalates

      await runOn("2099-06-02");
      const bankOnly = {
        flagged: true,
        escalated: false,
        events: [["overdue", "system"]],
        mails: [["bank", "loan_overdue"]],
      };
      expect(await told(late)).toMatchObject(bankOnly);
      expect(await told(acted)).toMatchObject(bankOnly);
      expect(await told(weekend)).toMatchObject({ flagged: false, events: [], mails: [] });

      await runOn("2099-06-03");
      expect(await told(late)).toMatchObject(bankOnly);

      const declined = await req("POST", `/api/v1/finance/loans/${acted.id}/actions`, banker.cookie, {
        action: "decline",
        reason: "申请额度超出本产品的授信政策",
      });
      expect(declined.status).toBe(200);

      await runOn("2099-06-04");
      const escalated = await told(late);
      expect(escalated).toMatchObject({
        flagged: true,
        escalated: true,
        events: [
          ["overdue", "system"],
          ["escalated", "system"],
        ],
        mails: [
          ["admin", "loan_escalated"],
          ["bank", "loan_overdue"],
        ],
      });
      expect(escalated.notes[1]).toContain("超过时限 2 个工作日仍未受理或拒绝");
      const shown = (await (await req("GET", `/api/v1/finance/loans/${late.id}`, banker.cookie)).json()) as Json;
      expect(shown.application).toMatchObject({
        escalatedAt: expect.any(String),
        adminEscalatedAt: expect.any(String),
      });
      const [row] = await db().select().from(loanApplications).where(eq(loanApplications.id, acted.id));
      expect(row).toMatchObject({ status: "declined", adminEscalatedAt: null });
      expect((await told(acted)).mails).toEqual([["bank", "loan_overdue"]]);

      await runOn("2099-06-04");
      expect(await told(late)).toEqual(escalated);

      await runOn("2099-06-05");
      expect(await told(weekend)).toMatchObject(bankOnly);
      await runOn("2099-06-08"); // Monday: only Friday has passed
      expect(await told(weekend)).toMatchObject(bankOnly);
      await runOn("2099-06-09");
      expect(await told(weekend)).toMatchObject({
        escalated: true,
        mails: [
          ["admin", "loan_escalated"],
          ["bank", "loan_overdue"],
        ],
      });
      expect(await told(late)).toEqual(escalated);
    },
  );

  it("one accepted after its escalation starts over: its decide-by day flags and escalates anew", async () => {
    const app = await submitted("2099-06-01");
    await runOn("2099-06-02");
    await runOn("2099-06-04");
    expect(await told(app)).toMatchObject({ flagged: true, escalated: true });
    const accepted = await req("POST", `/api/v1/finance/loans/${app.id}/actions`, banker.cookie, { action: "accept" });
    expect(accepted.status).toBe(200);
    // Accepting counted its decide-by day from the real today; put it in this file's 2099 (a Wednesday).
    await db().update(loanApplications).set({ decideDueOn: "2099-06-10" }).where(eq(loanApplications.id, app.id));
    await runOn("2099-06-10"); // its decide-by day: not late yet
    const first = [
      ["admin", "loan_escalated"],
      ["bank", "loan_overdue"],
    ];
    expect(await told(app)).toMatchObject({ flagged: false, mails: first });
    await runOn("2099-06-11");
    expect((await told(app)).mails).toEqual([...first, ["bank", "loan_overdue"]]);
    await runOn("2099-06-12"); // Thursday has passed, Friday not yet
    expect((await told(app)).mails).toEqual([...first, ["bank", "loan_overdue"]]);
    await runOn("2099-06-13");
    const done = await told(app);
    expect(done.events.map(([action]) => action)).toEqual(["overdue", "escalated", "accept", "overdue", "escalated"]);
    expect(done.notes[4]).toContain("超过时限 2 个工作日仍未授信决定(应于 2099-06-10 前)");
    expect(done.mails).toEqual([
      ["admin", "loan_escalated"],
      ["admin", "loan_escalated"],
      ["bank", "loan_overdue"],
      ["bank", "loan_overdue"],
    ]);
    await runOn("2099-06-15");
    expect(await told(app)).toEqual(done);
  });
  it("the 金融超市 section of 园区设置 shows it and saves it, refusing 31 beside the field", async () => {
    const page = await (await req("GET", "/admin/settings", admin.cookie)).text();
    expect(page).toContain("逾期后几个工作日上报园区管理员");
    expect(page).toMatch(/name="finance\.escalation\.afterWorkingDays"[^>]*value="2"/);
    const version = /name="version" value="(\d+)"/.exec(page)![1]!;
    const post = (days: string) => {
      const headers = new Headers({
        cookie: admin.cookie,
        origin: `http://${HOST}:8787`,
        "cf-connecting-ip": freshIp(),
        "content-type": "application/x-www-form-urlencoded",
      });
      const body = new URLSearchParams({
        version,
        "finance.acceptWorkingDays": "3",
        "finance.decideWorkingDays": "10",
        "finance.escalation.afterWorkingDays": days,
      }).toString();
      return app.request(`http://${HOST}/admin/settings/finance`, {
        method: "POST",
        headers,
        body,
        redirect: "manual",
      });
    };
    const refused = await post("31");
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("上报园区管理员的天数最多 30 个工作日");
    const saved = await post("１"); // full-width, as a Chinese keyboard may type it
    expect(saved.status).toBe(303);
    const now = (await (await req("GET", SETTINGS, admin.cookie)).json()) as Json;
    expect(now.finance).toEqual({
      acceptWorkingDays: 3,
      decideWorkingDays: 10,
      escalation: { afterWorkingDays: 1 },
      lpr: [],
    });
  });

  it("works off a backlog a chunk per run, in two round trips each, telling each application once", async () => {
    // Three applications due on Wednesday 2099-07-01, flagged on Thursday (1 day: not yet the admins').
    const backlog = [await submitted("2099-07-01"), await submitted("2099-07-01"), await submitted("2099-07-01")];
    const { zone } = await openZone();
    const tenant = (await deps.directory.get(SLUG))!;
    const run = async () => {
      const meter = new RoundTripMeter();
      const zoneDb = openTenantDb(meteredClient(deps.openClient(tenant.dbName), meter));
      const now = new Date("2099-07-02T02:00:00Z");
      const changed = await flagOverdueLoans({ db: zoneDb, zone, now, origin: "https://x.test", limit: 2 });
      return { changed, waves: meter.waves };
    };
    // Read the chunk with its bankers and admins, then write every notice: two round trips a run.
    expect(await run()).toEqual({ changed: 2, waves: 2 });
    const told1 = await Promise.all(backlog.map(told));
    expect(told1.filter((t) => t.flagged)).toHaveLength(2);
    expect(await run()).toEqual({ changed: 1, waves: 2 });
    expect(await run()).toEqual({ changed: 0, waves: 1 });
    for (const a of backlog)
      expect(await told(a)).toMatchObject({
        flagged: true,
        escalated: false,
        events: [["overdue", "system"]],
        mails: [["bank", "loan_overdue"]],
      });
  });
});
