/** Sign-in, sessions and lockout, against the real Worker in workerd. */
import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { auditLog, authAttempts, sessions } from "../../worker/db/schema";
import { hashPassword, PBKDF2_MAX_ITERATIONS } from "../../worker/features/auth/password";
import { storedSessionId } from "../../worker/middleware/sessions";
import { call, dbFor, freshIp, login, makeUser, postJson, sessionCookie } from "./auth-support";

const me = (slug: string, cookie: string) => call(`${slug}.localhost`, "GET", "/api/v1/me", { cookie });
/** The sessions row's id for a `name=slug.kind.secret` cookie: the secret is stored hashed. */
const storedId = (cookie: string) => {
  const [slug, kind, secret] = cookie.split("=")[1]!.split(".") as [string, "s" | "r", string];
  return storedSessionId(slug, kind, secret);
};

describe("sign-in", () => {
  it("returns the user and a host-only, HttpOnly, Secure, SameSite=Lax __Host- browser-session cookie", async () => {
    const u = await makeUser("zibo");
    const res = await login("zibo", u.email.toUpperCase(), u.password);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      user: { id: u.id, email: u.email, name: "测试enterprise", role: "enterprise" },
      mustChangePassword: false,
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith("__Host-yq_session="))!;
    expect(set).toMatch(/^__Host-yq_session=zibo\.s\.[a-z2-7]{32};/);
    expect(set).toMatch(/; HttpOnly/i);
    expect(set).toMatch(/; Secure/i);
    expect(set).toMatch(/; SameSite=Lax/i);
    expect(set).toMatch(/; Path=\//i);
    expect(set).not.toMatch(/Domain=/i);
    expect(set).not.toMatch(/Max-Age|Expires/i);
    expect((await me("zibo", sessionCookie(res))).status).toBe(200);
  });

  it("记住我 gives a persistent cookie for the zone's rememberDays", async () => {
    const u = await makeUser("zibo");
    const res = await login("zibo", u.email, u.password, { remember: true });
    const set = res.headers.getSetCookie().find((c) => c.startsWith("__Host-yq_session="))!;
    expect(set).toMatch(/^__Host-yq_session=zibo\.r\./);
    expect(set).toMatch(/Max-Age=2592000/);
  });

  it("answers unknown account, wrong password, locked and disabled accounts identically", async () => {
    const wrong = await makeUser("zibo");
    const locked = await makeUser("zibo");
    const disabled = await makeUser("zibo");
    await dbFor("zibo").run(sql`UPDATE users SET status = 'disabled' WHERE id = ${disabled.id}`);
    for (let i = 0; i < 5; i++) await login("zibo", locked.email, "nope-nope-nope");
    const answers = await Promise.all([
      login("zibo", "nobody-here@zibo.test", "whatever-123"),
      login("zibo", wrong.email, "not-the-password"),
      login("zibo", locked.email, locked.password),
      login("zibo", disabled.email, disabled.password),
    ]);
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!).error.code).toBe("unauthenticated");
    for (const r of answers) expect(r.headers.getSetCookie().filter((c) => c.includes("yq_session=zibo"))).toEqual([]);
  });

  it("locks an account after 5 failures in 15 minutes, for 15 minutes, and audits it", async () => {
    const u = await makeUser("zibo");
    for (let i = 0; i < 5; i++) expect((await login("zibo", u.email, "wrong-password-x")).status).toBe(401);
    expect((await login("zibo", u.email, u.password)).status).toBe(401);
    const db = dbFor("zibo");
    const audits = await db.select().from(auditLog).where(eq(auditLog.target, u.email));
    expect(audits.some((a) => a.action === "auth.lockout")).toBe(true);
    expect(audits.every((a) => !JSON.stringify(a).includes(u.password))).toBe(true);
    // The clock moves on: the failures are now 16 minutes old.
    await db.run(sql`UPDATE auth_attempts SET at = at - ${16 * 60_000} WHERE email = ${u.email}`);
    expect((await login("zibo", u.email, u.password)).status).toBe(200);
  });

  it("a password-reset request does not change lock state", async () => {
    const u = await makeUser("zibo");
    for (let i = 0; i < 5; i++) await login("zibo", u.email, "wrong-password-x");
    await postJson("zibo.localhost", "/api/v1/auth/password-reset/request", { email: u.email }, { ip: freshIp() });
    expect((await login("zibo", u.email, u.password)).status).toBe(401);
  });

  it("limits failures per IP address with a 429 that names no account", async () => {
    const ip = freshIp();
    const db = dbFor("zibo");
    const now = Date.now();
    await db.insert(authAttempts).values(
      Array.from({ length: 30 }, (_, i) => ({
        kind: "login" as const,
        email: `x${i}@zibo.test`,
        ip,
        ok: false,
        at: now - 1000,
      })),
    );
    const u = await makeUser("zibo");
    const res = await login("zibo", u.email, u.password, { ip });
    expect(res.status).toBe(429);
    // Every 429 says when to retry, in seconds (the window), as well as in the message.
    expect(res.headers.get("retry-after")).toBe(String(15 * 60));
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    expect((await login("zibo", u.email, u.password)).status).toBe(200);
  });

  it("issues a new session id on sign-in and ends the one presented before", async () => {
    const u = await makeUser("zibo");
    const first = sessionCookie(await login("zibo", u.email, u.password));
    const second = sessionCookie(await login("zibo", u.email, u.password, { cookie: first }));
    expect(second).not.toBe(first);
    expect((await me("zibo", first)).status).toBe(401);
    expect((await me("zibo", second)).status).toBe(200);
  });

  it("logout ends the session server-side", async () => {
    const u = await makeUser("zibo");
    const cookie = sessionCookie(await login("zibo", u.email, u.password));
    const out = await call("zibo.localhost", "POST", "/api/v1/auth/logout", { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().some((c) => /yq_session=;/.test(c))).toBe(true);
    expect((await me("zibo", cookie)).status).toBe(401);
    expect(await dbFor("zibo").select().from(sessions).where(eq(sessions.userId, u.id))).toEqual([]);
  });

  it("refuses a zone's cookie on another zone, even when the other zone holds the same id", async () => {
    const zu = await makeUser("zibo");
    const du = await makeUser("dongying");
    const cookie = sessionCookie(await login("zibo", zu.email, zu.password));
    const id = storedId(cookie);
    await dbFor("dongying")
      .insert(sessions)
      .values({
        id,
        userId: du.id,
        expiresAt: Math.floor(Date.now() / 1000) + 3600,
        createdAt: Date.now(),
        remember: false,
        ip: null,
        userAgent: null,
      });
    expect((await me("dongying", cookie)).status).toBe(401);
    expect((await me("zibo", cookie)).status).toBe(200);
  });

  it("ends a session after the idle timeout and after the absolute lifetime", async () => {
    const u = await makeUser("zibo");
    const idle = sessionCookie(await login("zibo", u.email, u.password));
    const absolute = sessionCookie(await login("zibo", u.email, u.password));
    const db = dbFor("zibo");
    const aged = (cookie: string) =>
      db
        .select()
        .from(sessions)
        .where(eq(sessions.id, storedId(cookie)));
    expect(await aged(absolute)).toHaveLength(1);
    await db
      .update(sessions)
      .set({ expiresAt: Math.floor(Date.now() / 1000) - 1 })
      .where(eq(sessions.id, storedId(idle)));
    await db
      .update(sessions)
      .set({ createdAt: Date.now() - 12 * 3_600_000 - 1000 })
      .where(eq(sessions.id, storedId(absolute)));
    expect((await me("zibo", idle)).status).toBe(401);
    expect((await me("zibo", absolute)).status).toBe(401);
    expect(await aged(absolute)).toEqual([]);
  });

  it("/api/v1/me without a session is a 401 envelope", async () => {
    const res = await call("zibo.localhost", "GET", "/api/v1/me");
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
  });

  it("caps PBKDF2 at 100,000 iterations in workerd too", async () => {
    expect(PBKDF2_MAX_ITERATIONS).toBe(100_000);
    await expect(hashPassword("Correct-Horse-42", { iterations: 100_001 })).rejects.toThrow();
  });
});

describe("等保 switch (dongying's demo zone has it on)", () => {
  it("flags an expired password at sign-in, admits only a password change, then everything", async () => {
    const admin = await makeUser("dongying", "zone_admin");
    await dbFor("dongying").run(
      sql`UPDATE users SET password_changed_at = ${Date.now() - 91 * 86_400_000} WHERE id = ${admin.id}`,
    );
    const res = await login("dongying", admin.email, admin.password);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
    const cookie = sessionCookie(res);
    const blocked = await call("dongying.localhost", "GET", "/api/v1/admin/users", { cookie });
    expect(blocked.status).toBe(403);
    expect(((await blocked.json()) as { error: { message: string } }).error.message).toMatch(/90 天/);
    // The page sign-in sends them to is open to them (it was a 403 before).
    const page = await call("dongying.localhost", "GET", "/account/password", { cookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("修改密码");
    const simple = await postJson(
      "dongying.localhost",
      "/api/v1/me/password",
      { currentPassword: admin.password, newPassword: "simplelowercase" },
      { cookie },
    );
    expect(simple.status).toBe(422);
    const changed = await postJson(
      "dongying.localhost",
      "/api/v1/me/password",
      { currentPassword: admin.password, newPassword: "Rotated-Pass-2027" },
      { cookie },
    );
    expect(changed.status).toBe(200);
    const fresh = sessionCookie(changed);
    expect((await call("dongying.localhost", "GET", "/api/v1/me", { cookie })).status).toBe(401);
    expect((await call("dongying.localhost", "GET", "/api/v1/admin/users", { cookie: fresh })).status).toBe(200);
  });
});
