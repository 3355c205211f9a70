/**
 * Zone staff accounts in 用户管理 (issue 17): the admin invites a reviewer or an admin with a
 * one-time link, the invitee sets a password and works at once; roles move between reviewer and
 * zone_admin, never leaving the zone without an active admin (two admins racing included); the
 * list searches by email or name, filters by role and names each user's organisation. Reads take
 * ≤ 2 database waves, writes ≤ 3.
 */
import { env } from "cloudflare:workers";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, invitations, outbox, users } from "../../worker/db/schema";
import { createApp } from "../../worker/app";
import { workerDeps, type WorkerEnv } from "../../worker/entry.worker";
import { setUserStatus } from "../../worker/features/auth/admin-users";
import { LAST_ADMIN } from "../../worker/features/staff/last-admin";
import { setStaffRole } from "../../worker/features/staff/set-staff-role";
import { newId } from "../../worker/lib/ids";
import { call, dbFor, freshIp, login, makeUser, sessionCookie } from "./auth-support";
import { provisionTestZone } from "./platform-support";
import { roundTrips } from "./round-trip-support";
import { demo, enterpriseWithMember, host, ORIGIN, review, slug, staffUser, submitted } from "./subsidies-support";

const db = dbFor(slug);
const USERS = "/api/v1/admin/users";
const INVITES = "/api/v1/admin/staff-invitations";
const PASSWORD = "Staff-Invited-2026";
const tag = () => newId().slice(0, 8);
const freshEmail = () => `staff-${tag()}@zibo.test`;

/** A JSON request with its round trips. */
async function send(method: string, path: string, cookie: string | undefined, data?: unknown, on = host) {
  const res = await call(on, method, path, {
    cookie,
    ip: freshIp(),
    origin: `http://${on}:8787`,
    ...(data === undefined ? {} : { body: JSON.stringify(data) }),
  });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: tests read the answers loosely, by the field they check
  const body: any = text.startsWith("{") ? JSON.parse(text) : text;
  return { status: res.status, body, waves: roundTrips(res).waves, res };
}

/** A form POST as the page sends it, with its round trips. */
async function form(path: string, cookie: string, fields: Record<string, string>) {
  const res = await call(host, "POST", path, {
    cookie,
    ip: freshIp(),
    origin: ORIGIN,
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, html: await res.text(), waves: roundTrips(res).waves, res };
}

const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;

let admin = "";
beforeAll(async () => {
  admin = await demo("admin");
});

describe("inviting zone staff", () => {
  it("invites a reviewer (≤ 3 waves) who accepts, signs in and works in 政策兑现 at once", async () => {
    const email = freshEmail();
    const created = await send("POST", INVITES, admin, {
      email: email.toUpperCase(),
      name: "王审核",
      role: "reviewer",
    });
    expect(created.status).toBe(201);
    expect(created.waves).toBeLessThanOrEqual(3);
    expect(created.res.headers.get("cache-control")).toBe("no-store");
    const { url, id } = created.body;
    expect(url.startsWith(`${ORIGIN}/invite?token=`)).toBe(true);
    const [row] = await db.select().from(invitations).where(eq(invitations.email, email));
    expect(row).toMatchObject({ tokenHash: id, role: "reviewer", name: "王审核", enterpriseId: null, bankId: null });
    const [mail] = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, email), eq(outbox.kind, "invitation")));
    expect(mail!.subject).toContain("审核员");
    expect(mail!.body).toContain(url);
    expect(mail!.body).toContain("王审核");

    const listed = await send("GET", INVITES, admin);
    expect(listed.status).toBe(200);
    expect(listed.waves).toBeLessThanOrEqual(2);
    expect(listed.body.invitations).toContainEqual(
      expect.objectContaining({ id, email, name: "王审核", role: "reviewer" }),
    );

    const page = await call(host, "GET", `/invite?token=${tokenOf(url)}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("审核员");
    expect(html).toContain("淄博");
    expect(html).toContain('value="王审核"');

    const accepted = await send("POST", "/api/v1/invitations/accept", undefined, {
      token: tokenOf(url),
      name: "王审核",
      password: PASSWORD,
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.user).toMatchObject({ email, role: "reviewer", name: "王审核" });
    const [account] = await db.select().from(users).where(eq(users.email, email));
    expect(account).toMatchObject({ role: "reviewer", enterpriseId: null, bankId: null, status: "active" });
    expect((await send("GET", INVITES, admin)).body.invitations.map((i: { id: string }) => i.id)).not.toContain(id);

    const signedIn = await login(slug, email, PASSWORD);
    expect(signedIn.status).toBe(200);
    const queue = await call(host, "GET", "/admin/subsidies", { cookie: sessionCookie(signedIn) });
    expect(queue.status).toBe(200);
    // A reviewer is not an admin: 用户管理 stays closed.
    expect((await send("GET", USERS, sessionCookie(signedIn))).status).toBe(403);
  });

  it("gives the two-person rule its second reviewer: the new reviewer passes 复审 after another's 初审", async () => {
    const email = freshEmail();
    const { url } = (await send("POST", INVITES, admin, { email, name: "复审员", role: "reviewer" })).body;
    const accepted = await send("POST", "/api/v1/invitations/accept", undefined, {
      token: tokenOf(url),
      name: "复审员",
      password: PASSWORD,
    });
    expect(accepted.status).toBe(201);
    const newcomer = sessionCookie(accepted.res);
    const e = await enterpriseWithMember();
    const id = await submitted(e.member.cookie, 100);
    const first = await demo("reviewer");
    expect((await review(first, id, { action: "pass" })).status).toBe(200);
    expect((await review(first, id, { action: "pass" })).status).toBe(403);
    const second = await review(newcomer, id, { action: "pass" });
    expect(second.status).toBe(200);
    expect(second.body.application).toMatchObject({ stage: "publicity" });
  });

  it("invites an admin who can manage users after accepting", async () => {
    const email = freshEmail();
    const { url } = (await send("POST", INVITES, admin, { email, name: "新管理员", role: "zone_admin" })).body;
    const accepted = await send("POST", "/api/v1/invitations/accept", undefined, {
      token: tokenOf(url),
      name: "新管理员",
      password: PASSWORD,
    });
    expect(accepted.body.user).toMatchObject({ role: "zone_admin" });
    expect((await send("GET", USERS, sessionCookie(accepted.res))).status).toBe(200);
  });

  it("a newer invitation to the same email revokes the older link", async () => {
    const email = freshEmail();
    const older = (await send("POST", INVITES, admin, { email, name: "甲", role: "reviewer" })).body;
    const newer = (await send("POST", INVITES, admin, { email, name: "甲", role: "zone_admin" })).body;
    const open = await db.select().from(invitations).where(eq(invitations.email, email));
    expect(open.find((i) => i.tokenHash === older.id)!.revokedAt).not.toBeNull();
    expect(open.find((i) => i.tokenHash === newer.id)!.revokedAt).toBeNull();
    const body = { name: "甲", password: PASSWORD };
    expect(
      (await send("POST", "/api/v1/invitations/accept", undefined, { ...body, token: tokenOf(older.url) })).status,
    ).toBe(400);
    const ok = await send("POST", "/api/v1/invitations/accept", undefined, { ...body, token: tokenOf(newer.url) });
    expect(ok.body.user).toMatchObject({ role: "zone_admin" });
  });

  it("refuses an email with an account (409, the existing message) and bad input (422), creating nothing", async () => {
    const existing = await makeUser(slug, "enterprise");
    const taken = await send("POST", INVITES, admin, { email: existing.email, name: "乙", role: "reviewer" });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toContain("已有账号");
    for (const bad of [
      { email: "not-an-email", name: "乙", role: "reviewer" },
      { email: freshEmail(), name: "", role: "reviewer" },
      { email: freshEmail(), name: "乙", role: "enterprise" },
      { email: freshEmail(), name: "乙".repeat(51), role: "reviewer" },
    ]) {
      const res = await send("POST", INVITES, admin, bad);
      expect(res.status, JSON.stringify(bad)).toBe(422);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const rows = await db.select().from(invitations).where(eq(invitations.email, existing.email));
    expect(rows).toEqual([]);
  });

  it("is for zone admins only: reviewers, bank and enterprise users get 403 and nothing is created", async () => {
    const email = freshEmail();
    const member = await enterpriseWithMember();
    for (const cookie of [await demo("reviewer"), await demo("bank"), member.member.cookie]) {
      const res = await send("POST", INVITES, cookie, { email, name: "丙", role: "zone_admin" });
      expect(res.status).toBe(403);
      expect((await send("GET", INVITES, cookie)).status).toBe(403);
    }
    expect((await send("POST", INVITES, undefined, { email, name: "丙", role: "zone_admin" })).status).toBe(401);
    expect(await db.select().from(invitations).where(eq(invitations.email, email))).toEqual([]);
  });

  it("revokes a staff invitation by API (≤ 3 waves) and page; an organisation's is not found", async () => {
    const a = (await send("POST", INVITES, admin, { email: freshEmail(), name: "丁", role: "reviewer" })).body;
    const revoked = await send("POST", `${INVITES}/${a.id}/revoke`, admin);
    expect(revoked.status).toBe(200);
    expect(revoked.waves).toBeLessThanOrEqual(3);
    const accept = { token: tokenOf(a.url), name: "丁", password: PASSWORD };
    expect((await send("POST", "/api/v1/invitations/accept", undefined, accept)).status).toBe(400);

    const b = (await send("POST", INVITES, admin, { email: freshEmail(), name: "戊", role: "reviewer" })).body;
    const page = await form(`/admin/staff-invitations/${b.id}/revoke`, admin, {});
    expect(page.status).toBe(303);
    expect(page.res.headers.get("location")).toBe("/admin/users?done=revoked");
    expect(page.waves).toBeLessThanOrEqual(3);
    const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, b.id));
    expect(row!.revokedAt).not.toBeNull();

    // An enterprise's invitation is the enterprise's business, not 用户管理's: "not found", left open.
    const member = await enterpriseWithMember();
    const orgHash = Array.from(crypto.getRandomValues(new Uint8Array(32)), (x) => x.toString(16).padStart(2, "0")).join(
      "",
    );
    await db.insert(invitations).values({
      tokenHash: orgHash,
      email: freshEmail(),
      role: "enterprise",
      enterpriseId: member.id,
      invitedBy: member.member.id,
      createdAt: Date.now(),
      expiresAt: Date.now() + 86_400_000,
    });
    expect((await send("POST", `${INVITES}/${orgHash}/revoke`, admin)).status).toBe(404);
    expect((await form(`/admin/staff-invitations/${orgHash}/revoke`, admin, {})).status).toBe(404);
    const [still] = await db.select().from(invitations).where(eq(invitations.tokenHash, orgHash));
    expect(still!.revokedAt).toBeNull();
    expect((await send("POST", `${INVITES}/${"0".repeat(64)}/revoke`, admin)).status).toBe(404);
    expect((await send("POST", `${INVITES}/not-an-id/revoke`, admin)).status).toBe(422);
  });
});

describe("用户管理 as a page", () => {
  it("invites through the form: a refusal redraws it with what was typed; success shows the link once", async () => {
    const bad = await form("/admin/staff-invitations", admin, { email: "坏邮箱", name: "己", role: "reviewer" });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain("请填写有效的邮箱地址");
    expect(bad.html).toContain('value="己"');
    const existing = await makeUser(slug, "bank");
    const taken = await form("/admin/staff-invitations", admin, {
      email: existing.email,
      name: "己",
      role: "reviewer",
    });
    expect(taken.status).toBe(409);
    expect(taken.html).toContain("已有账号");

    const email = freshEmail();
    const ok = await form("/admin/staff-invitations", admin, { email, name: "己", role: "zone_admin" });
    expect(ok.status).toBe(200);
    expect(ok.waves).toBeLessThanOrEqual(3);
    expect(ok.res.headers.get("cache-control")).toBe("no-store");
    expect(ok.html).toContain("以园区管理员的身份");
    const [row] = await db.select().from(invitations).where(eq(invitations.email, email));
    expect(row).toMatchObject({ role: "zone_admin", name: "己" });

    const before = await call(host, "GET", "/admin/users", { cookie: admin });
    expect(await before.text()).toContain(`/admin/staff-invitations/${row!.tokenHash}/revoke`);

    // Accepted through the page, the new admin lands on the 工作台 like staff signing in.
    const token = tokenOf(
      (await db.select().from(outbox).where(eq(outbox.recipient, email)))[0]!.body.match(/\S+\/invite\?token=\S+/)![0],
    );
    const accepted = await call(host, "POST", "/invite", {
      ip: freshIp(),
      origin: ORIGIN,
      contentType: "application/x-www-form-urlencoded",
      body: new URLSearchParams({ token, name: "己", password: PASSWORD, confirm: PASSWORD }).toString(),
    });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get("location")).toBe("/admin");
    expect((await db.select().from(users).where(eq(users.email, email)))[0]).toMatchObject({ role: "zone_admin" });

    const list = await call(host, "GET", "/admin/users", { cookie: admin });
    expect(list.status).toBe(200);
    expect(roundTrips(list).waves).toBeLessThanOrEqual(2);
    const html = await list.text();
    expect(html).toContain("邀请工作人员");
    expect(html).toContain(email); // now as a user
    expect(html).not.toContain(`/admin/staff-invitations/${row!.tokenHash}/revoke`);
  });

  it("searches by email or name (% means itself), filters by role, names the organisation, in ≤ 2 waves", async () => {
    const t = tag();
    const reviewer = await makeUser(slug, "reviewer");
    await db
      .update(users)
      .set({ name: `检索${t}审核员` })
      .where(eq(users.id, reviewer.id));
    const member = await enterpriseWithMember();
    await db
      .update(users)
      .set({ name: `检索${t}企业用户` })
      .where(eq(users.id, member.member.id));

    const both = await send("GET", `${USERS}?q=${encodeURIComponent(`检索${t}`)}`, admin);
    expect(both.status).toBe(200);
    expect(both.waves).toBeLessThanOrEqual(2);
    expect(both.body.total).toBe(2);
    const byId = new Map(both.body.users.map((u: { id: string }) => [u.id, u]));
    expect(byId.get(reviewer.id)).toMatchObject({ role: "reviewer", organisation: null });
    expect(byId.get(member.member.id)).toMatchObject({ role: "enterprise", organisation: member.name });

    const reviewers = await send("GET", `${USERS}?q=${encodeURIComponent(`检索${t}`)}&role=reviewer`, admin);
    expect(reviewers.body.users.map((u: { id: string }) => u.id)).toEqual([reviewer.id]);
    const byEmail = await send("GET", `${USERS}?q=${encodeURIComponent(member.member.email.toUpperCase())}`, admin);
    expect(byEmail.body.users.map((u: { id: string }) => u.id)).toEqual([member.member.id]);
    expect((await send("GET", `${USERS}?q=${encodeURIComponent(`检索${t}%`)}`, admin)).body.total).toBe(0);
    expect((await send("GET", `${USERS}?q=${"x".repeat(61)}`, admin)).status).toBe(422);

    const page = await call(host, "GET", `/admin/users?q=${encodeURIComponent(`检索${t}`)}&role=enterprise`, {
      cookie: admin,
    });
    expect(page.status).toBe(200);
    expect(roundTrips(page).waves).toBeLessThanOrEqual(2);
    const html = await page.text();
    expect(html).toContain(`检索${t}企业用户`);
    expect(html).toContain(member.name);
    expect(html).not.toContain(`检索${t}审核员`);
    expect(html).toContain("共 1 个用户");

    // The form as a browser sends it with 角色 "全部": the search still applies, no complaint.
    const all = await call(host, "GET", `/admin/users?q=${encodeURIComponent(`检索${t}`)}&role=`, { cookie: admin });
    const allHtml = await all.text();
    expect(allHtml).toContain("共 2 个用户");
    expect(allHtml).not.toContain("筛选条件有误");
  });
});

describe("setting a staff member's role", () => {
  it("makes a reviewer an admin and back (≤ 3 waves, audited, effective on the next request)", async () => {
    const u = await staffUser("reviewer");
    const up = await send("POST", `${USERS}/${u.id}/role`, admin, { role: "zone_admin" });
    expect(up.status).toBe(200);
    expect(up.waves).toBeLessThanOrEqual(3);
    expect(up.body.changed).toBe(true);
    expect((await db.select().from(users).where(eq(users.id, u.id)))[0]!.role).toBe("zone_admin");
    expect((await send("GET", USERS, u.cookie)).status).toBe(200);
    const again = await send("POST", `${USERS}/${u.id}/role`, admin, { role: "zone_admin" });
    expect(again.body.changed).toBe(false);

    const down = await form(`/admin/users/${u.id}/role`, admin, { role: "reviewer" });
    expect(down.status).toBe(303);
    expect(down.res.headers.get("location")).toBe("/admin/users?done=role");
    expect(down.waves).toBeLessThanOrEqual(3);
    expect((await send("GET", USERS, u.cookie)).status).toBe(403);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.role_changed"), eq(auditLog.target, u.email)));
    expect(audits).toHaveLength(2);
  });

  it("refuses an enterprise or bank account, one's own role, and a non-staff role, changing nothing", async () => {
    const member = await makeUser(slug, "enterprise");
    const refused = await send("POST", `${USERS}/${member.id}/role`, admin, { role: "reviewer" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("审核员和园区管理员之间");
    expect((await db.select().from(users).where(eq(users.id, member.id)))[0]!.role).toBe("enterprise");

    const self = await staffUser("zone_admin");
    const own = await send("POST", `${USERS}/${self.id}/role`, self.cookie, { role: "reviewer" });
    expect(own.status).toBe(409);
    expect(own.body.error.message).toContain("不能修改自己的角色");
    const ownPage = await form(`/admin/users/${self.id}/role`, self.cookie, { role: "reviewer" });
    expect(ownPage.status).toBe(409);
    expect(ownPage.html).toContain("不能修改自己的角色");

    const target = await makeUser(slug, "reviewer");
    expect((await send("POST", `${USERS}/${target.id}/role`, admin, { role: "bank" })).status).toBe(422);
    expect((await send("POST", `${USERS}/${newId()}/role`, admin, { role: "reviewer" })).status).toBe(404);
    expect(
      (await send("POST", `${USERS}/${target.id}/role`, await demo("reviewer"), { role: "zone_admin" })).status,
    ).toBe(403);
    expect((await db.select().from(users).where(eq(users.id, target.id)))[0]!.role).toBe("reviewer");
  });
});

describe("the zone keeps an active admin", () => {
  // A zone of this file's own, where the admins are only the ones made here.
  const SLUG = "wdstaff";
  const ON = `${SLUG}.localhost`;
  const zdb = () => dbFor(SLUG);
  const deps = workerDeps(env as WorkerEnv);

  beforeAll(async () => {
    await provisionTestZone(SLUG, { zh: "工作人员测试高新区", en: "Staff Test Zone" }, "0535-6666666");
  });

  /** Two active admins and no other: the zone's whole admin staff. */
  async function twoAdmins() {
    await zdb().update(users).set({ role: "reviewer" }).where(eq(users.role, "zone_admin"));
    const [a, b] = await Promise.all([makeUser(SLUG, "zone_admin"), makeUser(SLUG, "zone_admin")]);
    const actor = (u: { id: string; email: string }) => ({
      db: zdb(),
      now: new Date(),
      ip: freshIp(),
      actor: { id: u.id, email: u.email, role: "zone_admin" as const, enterpriseId: null, bankId: null },
    });
    return { a: a!, b: b!, as: actor };
  }
  const activeAdmins = async () =>
    (
      await zdb()
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, "zone_admin"), eq(users.status, "active")))
    ).map((u) => u.id);

  it("refuses to take away the last active admin, even when the acting admin's own account went first", async () => {
    const { a, b, as } = await twoAdmins();
    // b was demoted a moment ago, but still acts on the session read before: a is the last admin.
    await zdb().update(users).set({ role: "reviewer" }).where(eq(users.id, b.id));
    await expect(setStaffRole(as(b), a.id, "reviewer")).rejects.toMatchObject({ status: 409, message: LAST_ADMIN });
    await expect(setUserStatus(as(b), a.id, "disabled")).rejects.toMatchObject({ status: 409, message: LAST_ADMIN });
    expect(await activeAdmins()).toEqual([a.id]);
  });

  it("two admins demoting each other at once: exactly one wins, one admin remains", async () => {
    for (let round = 0; round < 3; round++) {
      const { a, b, as } = await twoAdmins();
      const results = await Promise.allSettled([
        setStaffRole(as(a), b.id, "reviewer"),
        setStaffRole(as(b), a.id, "reviewer"),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ status: 409, message: LAST_ADMIN });
      expect(await activeAdmins()).toHaveLength(1);
    }
  });

  it("two admins disabling each other at once: exactly one wins, one admin remains", async () => {
    const { a, b, as } = await twoAdmins();
    const results = await Promise.allSettled([
      setUserStatus(as(a), b.id, "disabled"),
      setUserStatus(as(b), a.id, "disabled"),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const remaining = await activeAdmins();
    expect(remaining).toHaveLength(1);
    expect([a.id, b.id]).toContain(remaining[0]);
  });

  it("through the API too: two admins' requests racing leave one active admin", async () => {
    const { a, b } = await twoAdmins();
    // The app of the deps that provisioned the zone knows it at once (another isolate's copy of
    // the zone directory may take up to 5 s).
    const app = createApp(deps);
    const post = (path: string, data: unknown, cookie?: string) =>
      app.request(`http://${ON}${path}`, {
        method: "POST",
        headers: {
          "cf-connecting-ip": freshIp(),
          "content-type": "application/json",
          origin: `http://${ON}:8787`,
          ...(cookie ? { cookie } : {}),
        },
        body: JSON.stringify(data),
      });
    const cookieOf = async (u: { email: string; password: string }) =>
      sessionCookie(await post("/api/v1/auth/login", { email: u.email, password: u.password, remember: false }));
    const [ca, cb] = await Promise.all([cookieOf(a), cookieOf(b)]);
    const [ra, rb] = await Promise.all([
      post(`${USERS}/${b.id}/role`, { role: "reviewer" }, ca),
      post(`${USERS}/${a.id}/role`, { role: "reviewer" }, cb),
    ]);
    const statuses = [ra.status, rb.status].sort();
    expect(statuses[0]).toBe(200);
    // The loser is refused by the guarded write (409) or, if the winner committed first, by the role guard (403).
    expect([403, 409]).toContain(statuses[1]);
    expect(await activeAdmins()).toHaveLength(1);
    const audits = await zdb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.role_changed"), inArray(auditLog.target, [a.email, b.email])));
    expect(audits).toHaveLength(1);
  });
});
