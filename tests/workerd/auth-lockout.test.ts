/**
 * Sign-in locks that nobody can keep going: the owner's right password during a
 * lock never extends it, a completed password reset ends it, and a zone admin
 * can end it (audited). The clock moves by ageing the attempt rows, as in
 * auth-login.test.ts.
 */
import { describe, expect, it } from "vitest";
import { and, desc, eq, sql } from "drizzle-orm";
import { auditLog, authAttempts, outbox } from "../../worker/db/schema";
import { call, dbFor, freshIp, login, makeUser, postJson, sessionCookie } from "./auth-support";

const host = "zibo.localhost";
const ORIGIN = "http://zibo.localhost:8787";

async function lockOut(email: string) {
  for (let i = 0; i < 5; i++) expect((await login("zibo", email, "wrong-password-x")).status).toBe(401);
}

/** The clock moves on: every attempt for the address is now `minutes` older. */
const age = (email: string, minutes: number) =>
  dbFor("zibo").run(sql`UPDATE auth_attempts SET at = at - ${minutes * 60_000} WHERE email = ${email}`);

const failures = async (email: string) =>
  (
    await dbFor("zibo")
      .select()
      .from(authAttempts)
      .where(and(eq(authAttempts.kind, "login"), eq(authAttempts.email, email), eq(authAttempts.ok, false)))
  ).length;

async function adminCookie() {
  const admin = await makeUser("zibo", "zone_admin");
  return { admin, cookie: sessionCookie(await login("zibo", admin.email, admin.password)) };
}

type Listed = { id: string; lockedUntil: string | null };
async function listed(cookie: string, id: string): Promise<Listed | undefined> {
  const body = (await (await call(host, "GET", "/api/v1/admin/users", { cookie })).json()) as { users: Listed[] };
  return body.users.find((u) => u.id === id);
}

describe("the owner's right password during a lock", () => {
  it(
    "is refused with the usual answer but not counted, " + "so trying again and again never prolongs the lock",
    async () => {
      const u = await makeUser("zibo");
      await lockOut(u.email);
      await age(u.email, 10);
      const generic = await (await login("zibo", "nobody-here@zibo.test", "whatever-123")).text();
      for (let i = 0; i < 5; i++) {
        const res = await login("zibo", u.email, u.password);
        expect(res.status).toBe(401);
        expect(await res.text()).toBe(generic);
      }
      expect(await failures(u.email)).toBe(5);
      // Six more minutes: the failures that locked the account are 16 minutes old, the owner's tries 6.
      await age(u.email, 6);
      expect((await login("zibo", u.email, u.password)).status).toBe(200);
      const audits = await dbFor("zibo")
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.target, u.email), eq(auditLog.action, "auth.login")));
      expect(audits.filter((a) => a.detail?.includes('"counted":false'))).toHaveLength(5);
    },
  );

  it("the refusal states when a lock ends and how to end it now", async () => {
    const u = await makeUser("zibo");
    await lockOut(u.email);
    const { error } = (await (await login("zibo", u.email, u.password)).json()) as { error: { message: string } };
    expect(error.message).toContain("最后一次错误 15 分钟后自动解除");
    expect(error.message).toContain("解除锁定");
  });
});

describe("a completed password reset", () => {
  it("ends the lock: the new password signs in at once", async () => {
    const u = await makeUser("zibo");
    await lockOut(u.email);
    expect((await login("zibo", u.email, u.password)).status).toBe(401);
    expect(
      (await postJson(host, "/api/v1/auth/password-reset/request", { email: u.email }, { ip: freshIp() })).status,
    ).toBe(202);
    const db = dbFor("zibo");
    const [msg] = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, u.email), eq(outbox.kind, "password_reset_link")))
      .orderBy(desc(outbox.id))
      .limit(1);
    const token = new URL(/https?:\/\/\S+/.exec(msg!.body)![0]).searchParams.get("token")!;
    expect(
      (
        await postJson(
          host,
          "/api/v1/auth/password-reset/confirm",
          { token, password: "Brand-New-Secret-77" },
          { ip: freshIp() },
        )
      ).status,
    ).toBe(200);
    expect((await login("zibo", u.email, "Brand-New-Secret-77")).status).toBe(200);
  });

  it("does not stop new failures from locking the account again", async () => {
    const u = await makeUser("zibo");
    await lockOut(u.email);
    expect(
      (await postJson(host, "/api/v1/auth/password-reset/request", { email: u.email }, { ip: freshIp() })).status,
    ).toBe(202);
    const [msg] = await dbFor("zibo")
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, u.email), eq(outbox.kind, "password_reset_link")))
      .limit(1);
    const token = new URL(/https?:\/\/\S+/.exec(msg!.body)![0]).searchParams.get("token")!;
    expect(
      (
        await postJson(
          host,
          "/api/v1/auth/password-reset/confirm",
          { token, password: "Brand-New-Secret-77" },
          { ip: freshIp() },
        )
      ).status,
    ).toBe(200);
    await lockOut(u.email);
    expect((await login("zibo", u.email, "Brand-New-Secret-77")).status).toBe(401);
  });
});

describe("a zone admin's 解除锁定", () => {
  it("shows the lock in the user list, ends it by API, and audits actor, target and address", async () => {
    const u = await makeUser("zibo");
    const { admin, cookie } = await adminCookie();
    await lockOut(u.email);
    const before = await listed(cookie, u.id);
    const lockedUntil = Date.parse(before!.lockedUntil!);
    expect(lockedUntil - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(lockedUntil - Date.now()).toBeLessThanOrEqual(15 * 60_000);

    const ip = freshIp();
    const res = await postJson(host, `/api/v1/admin/users/${u.id}/unlock`, {}, { cookie, ip });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { message: string }).message).toBe("已解除锁定,该用户现在可以用密码登录。");
    expect((await listed(cookie, u.id))!.lockedUntil).toBeNull();
    expect((await login("zibo", u.email, u.password)).status).toBe(200);

    const [audit] = await dbFor("zibo")
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.unlock"), eq(auditLog.target, u.email)));
    expect(audit).toMatchObject({ actorId: admin.id, actor: admin.email, target: u.email, result: "ok", ip });
    expect(JSON.parse(audit!.detail!)).toEqual({ lockedUntil: before!.lockedUntil });
  });

  it("is refused to every other role (403) and leaves the lock in force", async () => {
    const u = await makeUser("zibo");
    await lockOut(u.email);
    for (const role of ["reviewer", "enterprise", "bank"] as const) {
      const other = await makeUser("zibo", role);
      const cookie = sessionCookie(await login("zibo", other.email, other.password));
      expect((await postJson(host, `/api/v1/admin/users/${u.id}/unlock`, {}, { cookie })).status, role).toBe(403);
    }
    expect((await login("zibo", u.email, u.password)).status).toBe(401);
    // The same request from a zone admin goes through: the refusals were about the role.
    const { cookie } = await adminCookie();
    expect((await postJson(host, `/api/v1/admin/users/${u.id}/unlock`, {}, { cookie })).status).toBe(200);
    expect((await login("zibo", u.email, u.password)).status).toBe(200);
  });

  it("answers 404 for an unknown id and for another zone's user", async () => {
    const { cookie } = await adminCookie();
    const elsewhere = await makeUser("dongying");
    expect((await postJson(host, "/api/v1/admin/users/zzzzzzzzzzzzzzzz/unlock", {}, { cookie })).status).toBe(404);
    expect((await postJson(host, `/api/v1/admin/users/${elsewhere.id}/unlock`, {}, { cookie })).status).toBe(404);
    expect(
      await dbFor("zibo")
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "auth.unlock"), eq(auditLog.target, elsewhere.email))),
    ).toEqual([]);
  });

  it("is a button with a confirmation on 用户管理 for locked accounts only, and the form ends the lock", async () => {
    const locked = await makeUser("zibo");
    const free = await makeUser("zibo");
    const { cookie } = await adminCookie();
    await lockOut(locked.email);
    const page = await (await call(host, "GET", "/admin/users", { cookie })).text();
    const form = new RegExp(
      `<form method="post" action="/admin/users/${locked.id}/unlock" data-confirm="[^"]*${locked.email}[^"]*">`,
    );
    expect(page).toMatch(form);
    expect(page).not.toContain(`/admin/users/${free.id}/unlock`);

    const res = await call(host, "POST", `/admin/users/${locked.id}/unlock`, {
      cookie,
      origin: ORIGIN,
      contentType: "application/x-www-form-urlencoded",
      body: "",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/users?done=unlock");
    const after = await (await call(host, "GET", "/admin/users?done=unlock", { cookie })).text();
    expect(after).toContain("已解除锁定");
    expect(after).not.toContain(`/admin/users/${locked.id}/unlock`);
    expect((await login("zibo", locked.email, locked.password)).status).toBe(200);
  });
});
