/**
 * 消息中心: every kind of notice is written in the same batch as the change it reports — and not
 * when the change is refused or loses a race; staff get mail or SMS as they chose; a user sees and
 * marks only their own; the header's count comes with the session (no round trip of its own).
 */
import { env } from "cloudflare:workers";
import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { banks, enterprises, notices, outbox, users } from "../../worker/db/schema";
import { workerDeps, type WorkerEnv } from "../../worker/entry.worker";
import { newId } from "../../worker/lib/ids";
import { flagOverdueLoans } from "../../worker/features/finance/response-times";
import { loadZone } from "../../worker/middleware/zone-settings";
import { openTenantDb } from "../../worker/db/open";
import { call, dbFor, makeUser, sessionCookie } from "./auth-support";
import { unansweredLoan } from "./finance-support";
import { provisionTestZone } from "./platform-support";
import { roundTrips } from "./round-trip-support";
import {
  api,
  atPublicity,
  enterpriseWithMember,
  host,
  ORIGIN,
  review,
  slug,
  staffUser,
  submitted,
} from "./subsidies-support";

const db = () => dbFor(slug);
const adminLink = (id: string) => `/admin/subsidies/applications/${id}`;
const memberLink = (id: string) => `/subsidies/applications/${id}`;

/** The notices `userId` holds about one link, oldest first. */
async function noticesOf(userId: string, link: string) {
  return db()
    .select()
    .from(notices)
    .where(and(eq(notices.userId, userId), eq(notices.link, link)))
    .orderBy(notices.id);
}

/** Staff made for this file (two reviewers, so a race has two people in it). */
let reviewer: Awaited<ReturnType<typeof staffUser>>;
let reviewer2: Awaited<ReturnType<typeof staffUser>>;
let admin: Awaited<ReturnType<typeof staffUser>>;

beforeAll(async () => {
  reviewer = await staffUser("reviewer");
  reviewer2 = await staffUser("reviewer");
  admin = await staffUser("zone_admin");
});

describe("notices written with the change they report", () => {
  it("a submitted 申报 tells the zone's reviewers and admins (mail by default) and its own members", async () => {
    const e = await enterpriseWithMember();
    const id = await submitted(e.member.cookie, 50);
    for (const staff of [reviewer, admin]) {
      const [n, ...more] = await noticesOf(staff.id, adminLink(id));
      expect(more).toEqual([]);
      expect(n).toMatchObject({ kind: "application_submitted", readAt: null });
      expect(n!.title).toContain("新申报");
    }
    const [m] = await noticesOf(e.member.id, memberLink(id));
    expect(m).toMatchObject({ kind: "application_progress" });
    expect(m!.title).toContain("申报已提交");
    // Staff mail selected from the notices: one to the reviewer, kind as the notice's.
    const mails = await db()
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, reviewer.email), eq(outbox.kind, "application_submitted")));
    expect(mails.filter((x) => x.body.includes(adminLink(id)))).toHaveLength(1);
  });

  it("a refused submit and a repeated one write no notice", async () => {
    const e = await enterpriseWithMember();
    const created = await api("POST", "/api/v1/subsidies/applications", {
      cookie: e.member.cookie,
      data: { programme: "zibo-tech-contract", facts: { contractAmountFen: 50_000_000 } },
    });
    const id = created.body.application.id as string;
    // No materials attached: refused, nothing changes.
    const refused = await api("POST", `/api/v1/subsidies/applications/${id}/submit`, { cookie: e.member.cookie });
    expect(refused.status).toBe(422);
    expect(await noticesOf(reviewer.id, adminLink(id))).toEqual([]);
    expect(await noticesOf(e.member.id, memberLink(id))).toEqual([]);
    const done = await submitted(e.member.cookie, 50);
    const again = await api("POST", `/api/v1/subsidies/applications/${done}/submit`, { cookie: e.member.cookie });
    expect(again.status).toBe(200);
    expect(await noticesOf(reviewer.id, adminLink(done))).toHaveLength(1);
  });

  it("a return that loses the race writes nothing; the resubmission tells staff", async () => {
    const e = await enterpriseWithMember();
    const id = await submitted(e.member.cookie, 50);
    const reason = "合同登记证明不清晰,请重新上传。";
    const [a, b] = await Promise.all([
      review(reviewer.cookie, id, { action: "return", reason }),
      review(reviewer2.cookie, id, { action: "return", reason }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const returned = (await noticesOf(e.member.id, memberLink(id))).filter((n) => n.kind === "application_returned");
    expect(returned).toHaveLength(1);
    const resubmit = await api("POST", `/api/v1/subsidies/applications/${id}/submit`, { cookie: e.member.cookie });
    expect(resubmit.status).toBe(200);
    const staff = await noticesOf(admin.id, adminLink(id));
    expect(staff.map((n) => n.kind)).toEqual(["application_submitted", "application_resubmitted"]);
  });

  it("an objection tells the zone admins (not reviewers) and the members; none for one refused", async () => {
    const e = await enterpriseWithMember();
    const id = await atPublicity(e.member.cookie, 50, reviewer.cookie, reviewer2.cookie);
    const lodge = await api("POST", `/api/v1/subsidies/publicity/${id}/objections`, {
      data: { name: "王五", contact: "13900000000", content: "该企业的技术合同并未实际履行,请核实。" },
    });
    expect(lodge.status).toBe(201);
    const [n, ...more] = (await noticesOf(admin.id, adminLink(id))).filter((x) => x.kind === "objection_lodged");
    expect(more).toEqual([]);
    expect(n!.title).toBe("公示期间收到异议");
    expect((await noticesOf(reviewer.id, adminLink(id))).some((x) => x.kind === "objection_lodged")).toBe(false);
    const member = await noticesOf(e.member.id, memberLink(id));
    expect(member.at(-1)!.title).toBe("公示期间收到异议");
    // An objection to something not on 公示 is refused: no notice.
    const before = (await noticesOf(admin.id, adminLink(id))).length;
    const other = await submitted(e.member.cookie, 50);
    const refused = await api("POST", `/api/v1/subsidies/publicity/${other}/objections`, {
      data: { name: "王五", contact: "13900000000", content: "该企业的技术合同并未实际履行,请核实。" },
    });
    expect(refused.status).toBe(404);
    expect((await noticesOf(admin.id, adminLink(other))).some((x) => x.kind === "objection_lodged")).toBe(false);
    expect(await noticesOf(admin.id, adminLink(id))).toHaveLength(before);
  });
});

describe("staff choose how notices reach them", () => {
  it("in-app only sends no mail; SMS goes to a known mobile; without a mobile, mail", async () => {
    const quiet = await staffUser("reviewer");
    const texted = await staffUser("reviewer");
    const noMobile = await staffUser("reviewer");
    await db().update(users).set({ mobile: "13912345678" }).where(eq(users.id, texted.id));
    const choose = (cookie: string, channel: string) =>
      api("PUT", "/api/v1/notices/preferences", {
        cookie,
        data: { preferences: [{ kind: "application_submitted", channel }] },
      });
    const q = await choose(quiet.cookie, "in_app");
    expect(q.status).toBe(200);
    expect(q.body.preferences).toContainEqual({ kind: "application_submitted", channel: "in_app" });
    expect(q.body.preferences).toContainEqual({ kind: "application_resubmitted", channel: "email" });
    expect((await choose(texted.cookie, "sms")).status).toBe(200);
    expect((await choose(noMobile.cookie, "sms")).status).toBe(200);

    const e = await enterpriseWithMember();
    const id = await submitted(e.member.cookie, 50);
    const sent = async (recipient: string) =>
      (
        await db()
          .select()
          .from(outbox)
          .where(and(eq(outbox.recipient, recipient), like(outbox.body, `%${id}%`)))
      ).map((m) => m.channel);
    expect(await noticesOf(quiet.id, adminLink(id))).toHaveLength(1);
    expect(await sent(quiet.email)).toEqual([]);
    expect(await sent("13912345678")).toEqual(["sms"]);
    expect(await sent(texted.email)).toEqual([]);
    expect(await sent(noMobile.email)).toEqual(["email"]);
  });

  it("refuses a kind the role does not receive, an unknown channel, and enterprise members", async () => {
    const bad = await api("PUT", "/api/v1/notices/preferences", {
      cookie: reviewer.cookie,
      data: { preferences: [{ kind: "objection_lodged", channel: "sms" }] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain("不接收");
    const channel = await api("PUT", "/api/v1/notices/preferences", {
      cookie: reviewer.cookie,
      data: { preferences: [{ kind: "application_submitted", channel: "fax" }] },
    });
    expect(channel.status).toBe(422);
    const e = await enterpriseWithMember();
    expect((await api("GET", "/api/v1/notices/preferences", { cookie: e.member.cookie })).status).toBe(403);
    expect((await api("GET", "/api/v1/notices/preferences")).status).toBe(401);
  });

  it("the 提醒方式 form saves the choices and redraws a bad one with a message", async () => {
    const who = await staffUser("zone_admin");
    const form = (body: string) =>
      call(host, "POST", "/account/notices", {
        cookie: who.cookie,
        origin: ORIGIN,
        contentType: "application/x-www-form-urlencoded",
        body,
      });
    const ok = await form(
      "kind%3Aapplication_submitted=in_app&kind%3Aapplication_resubmitted=email&kind%3Aobjection_lodged=sms",
    );
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/account/notices?saved=1");
    const page = await (await call(host, "GET", "/account/notices?saved=1", { cookie: who.cookie })).text();
    expect(page).toContain("已保存");
    expect(page).toMatch(/<option value="in_app" selected[^>]*>仅站内消息/);
    expect(page).toContain("贷款申请逾期上报");
    // A form without a kind (opened before the kind existed) keeps that kind's choice.
    expect((await form("kind%3Aloan_escalated=in_app")).status).toBe(303);
    expect((await form("kind%3Aapplication_submitted=email")).status).toBe(303);
    const kept = await api("GET", "/api/v1/notices/preferences", { cookie: who.cookie });
    expect(kept.body.preferences).toContainEqual({ kind: "loan_escalated", channel: "in_app" });
    expect(kept.body.preferences).toContainEqual({ kind: "application_submitted", channel: "email" });
    const bad = await form("kind%3Aapplication_submitted=fax");
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("请从列表中选择");
  });
});

describe("reading one's own notices", () => {
  it("lists, counts in the header, marks one and all read; another user's id is 404", async () => {
    const e = await enterpriseWithMember();
    const ids = [await submitted(e.member.cookie, 50), await submitted(e.member.cookie, 50)];
    const who = await staffUser("reviewer");
    // Made after the submissions: none of its own yet.
    const empty = await api("GET", "/api/v1/notices", { cookie: who.cookie });
    expect(empty.body).toMatchObject({ notices: [], total: 0, unread: 0 });

    const list = await api("GET", "/api/v1/notices", { cookie: e.member.cookie });
    expect(list.status).toBe(200);
    expect(list.body.unread).toBe(2);
    expect(list.body.notices.map((n: { link: string }) => n.link)).toEqual([memberLink(ids[1]!), memberLink(ids[0]!)]);
    const first = list.body.notices[1];

    const page = await call(host, "GET", "/notices", { cookie: e.member.cookie });
    expect(roundTrips(page).waves).toBeLessThanOrEqual(2);
    const html = await page.text();
    expect(html).toContain("消息 (2)");
    expect(html).toContain("未读");

    // Someone else's notice is not theirs to read or mark.
    const theirs = await api("POST", `/api/v1/notices/${first.id}/read`, { cookie: who.cookie });
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.message).toBe("没有这条消息。");
    expect((await api("POST", "/api/v1/notices/99999999/read", { cookie: who.cookie })).status).toBe(404);

    // Opening it from the list marks it read and goes to its page.
    const open = await call(host, "POST", `/notices/${first.id}/read`, {
      cookie: e.member.cookie,
      origin: ORIGIN,
      contentType: "application/x-www-form-urlencoded",
      body: "open=1",
    });
    expect(open.status).toBe(303);
    expect(open.headers.get("location")).toBe(memberLink(ids[0]!));
    expect(roundTrips(open).waves).toBeLessThanOrEqual(3);
    const after = await call(host, "GET", "/notices", { cookie: e.member.cookie });
    expect(await after.text()).toContain("消息 (1)");

    const all = await call(host, "POST", "/notices", {
      cookie: e.member.cookie,
      origin: ORIGIN,
      contentType: "application/x-www-form-urlencoded",
      body: "back=%2Fnotices",
    });
    expect(all.status).toBe(303);
    expect(all.headers.get("location")).toBe("/notices?done=all");
    const cleared = await api("GET", "/api/v1/notices", { cookie: e.member.cookie });
    expect(cleared.body.unread).toBe(0);
    expect(cleared.body.notices.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
    const rows = await db().select().from(notices).where(eq(notices.userId, e.member.id));
    expect(rows.every((r) => r.readAt !== null)).toBe(true);
  });

  it("the API answers in one wave after the session's; marking read in at most 3; bad ids 4xx", async () => {
    const e = await enterpriseWithMember();
    await submitted(e.member.cookie, 50);
    const res = await call(host, "GET", "/api/v1/notices", { cookie: e.member.cookie });
    expect(res.status).toBe(200);
    expect(roundTrips(res).waves).toBeLessThanOrEqual(2);
    const me = await call(host, "GET", "/api/v1/me", { cookie: e.member.cookie });
    expect(roundTrips(me).waves).toBe(1);
    const mark = await call(host, "PATCH", "/api/v1/notices", {
      cookie: e.member.cookie,
      body: JSON.stringify({ read: true }),
    });
    expect(mark.status).toBe(200);
    expect(roundTrips(mark).waves).toBeLessThanOrEqual(3);
    expect(((await mark.json()) as { marked: number }).marked).toBe(1);
    expect((await api("POST", "/api/v1/notices/abc/read", { cookie: e.member.cookie })).status).toBe(422);
    expect((await api("GET", "/api/v1/notices?after=-1", { cookie: e.member.cookie })).status).toBe(422);
    expect((await api("GET", "/api/v1/notices")).status).toBe(401);
  });
});

describe("overdue loan applications", () => {
  const SLUG = "wdnotices";
  const deps = workerDeps(env as WorkerEnv);
  const zdb = () => dbFor(SLUG);

  it("tell the bank's own staff once, with the run that flags them; other banks' staff nothing", async () => {
    await provisionTestZone(SLUG, { zh: "消息测试高新区", en: "Notices Test Zone" }, "0535-7777777");
    const T = Date.now();
    const [bankId, otherBank, enterpriseId] = [newId(), newId(), newId()];
    await zdb()
      .insert(banks)
      .values([
        { id: bankId, name: "消息测试银行", branch: "烟台分行", createdAt: T },
        { id: otherBank, name: "另一家银行", branch: "烟台分行", createdAt: T },
      ]);
    await zdb().insert(enterprises).values({ id: enterpriseId, name: "消息测试企业", createdAt: T });
    const banker = await makeUser(SLUG, "bank");
    const stranger = await makeUser(SLUG, "bank");
    await zdb().update(users).set({ bankId }).where(eq(users.id, banker.id));
    await zdb().update(users).set({ bankId: otherBank }).where(eq(users.id, stranger.id));
    const { id: appId } = await unansweredLoan(SLUG, {
      bankId,
      enterpriseId,
      createdBy: banker.id,
      productName: "消息测试产品",
      acceptDueOn: "2099-06-01",
    });
    const tenant = (await deps.directory.get(SLUG))!;
    const zoneDb = openTenantDb(deps.openClient(tenant.dbName));
    const zone = await loadZone(deps.directory.baseZone(tenant), () => zoneDb);
    const run = (day: string) =>
      flagOverdueLoans({ db: zoneDb, zone, now: new Date(`${day}T02:00:00Z`), origin: "http://wdnotices.localhost" });
    const mine = (userId: string) =>
      zdb()
        .select()
        .from(notices)
        .where(and(eq(notices.userId, userId), eq(notices.link, `/bank/loans/${appId}`)));
    await run("2099-06-01");
    expect(await mine(banker.id)).toEqual([]);
    expect(await run("2099-06-02")).toBe(1);
    const [n, ...more] = await mine(banker.id);
    expect(more).toEqual([]);
    expect(n).toMatchObject({ kind: "loan_overdue", title: "贷款申请超时未办理" });
    expect(await mine(stranger.id)).toEqual([]);
    const mails = await zdb().select().from(outbox).where(eq(outbox.recipient, banker.email));
    expect(mails.map((m) => m.kind)).toEqual(["loan_overdue"]);
    // The next run finds it flagged already: nothing new.
    await run("2099-06-03");
    expect(await mine(banker.id)).toHaveLength(1);
    // The banker's header counts it.
    const res = await call(`${SLUG}.localhost`, "POST", "/api/v1/auth/login", {
      body: JSON.stringify({ email: banker.email, password: banker.password }),
    });
    const page = await call(`${SLUG}.localhost`, "GET", "/notices", { cookie: sessionCookie(res) });
    expect(await page.text()).toContain("消息 (1)");
  });
});
