/** Password resets, self-service and by the zone admin, against the real Worker. */
import { describe, expect, it } from "vitest";
import { and, desc, eq, sql } from "drizzle-orm";
import { auditLog, outbox, passwordResetTokens, sessions } from "../../worker/db/schema";
import { hashResetToken } from "../../worker/features/auth/reset-tokens";
import { storedSessionId } from "../../worker/middleware/sessions";
import { dbFor, freshIp, login, makeUser, postJson, sessionCookie } from "./auth-support";

const host = "zibo.localhost";
const request = (email: string, ip = freshIp()) =>
  postJson(host, "/api/v1/auth/password-reset/request", { email }, { ip });
const confirm = (token: string, password: string) =>
  postJson(host, "/api/v1/auth/password-reset/confirm", { token, password }, { ip: freshIp() });

async function latestLink(email: string): Promise<{ token: string; url: string }> {
  const [msg] = await dbFor("zibo")
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, email), eq(outbox.kind, "password_reset_link")))
    .orderBy(desc(outbox.id))
    .limit(1);
  const url = /https?:\/\/\S+/.exec(msg!.body)![0];
  return { url, token: new URL(url).searchParams.get("token")! };
}

describe("self-service password reset", () => {
  it(
    "answers 202 with byte-identical bodies whether or not the account exists, " + "and mails only a real account",
    async () => {
      const u = await makeUser("zibo");
      const [known, unknown] = await Promise.all([request(u.email), request("ghost-account@zibo.test")]);
      expect([known.status, unknown.status]).toEqual([202, 202]);
      expect(await known.text()).toBe(await unknown.text());
      const db = dbFor("zibo");
      expect(await db.select().from(outbox).where(eq(outbox.recipient, "ghost-account@zibo.test"))).toEqual([]);
      expect((await db.select().from(outbox).where(eq(outbox.recipient, u.email))).length).toBe(1);
    },
  );

  it("builds the link from the zone's configured origin and stores only the token's SHA-256", async () => {
    const u = await makeUser("zibo");
    await request(u.email);
    const { url, token } = await latestLink(u.email);
    // The request went to http://zibo.localhost (no port); the link uses PUBLIC_URL_TEMPLATE.
    expect(url.startsWith("http://zibo.localhost:8787/reset-password?token=")).toBe(true);
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    const rows = await dbFor("zibo").select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, u.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(await hashResetToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.expiresAt - rows[0]!.createdAt).toBe(60 * 60_000);
  });

  it("sets the password once, ends every session, notifies the user and does not sign in", async () => {
    const u = await makeUser("zibo");
    const cookie = sessionCookie(await login("zibo", u.email, u.password));
    const [slug, kind, secret] = cookie.split("=")[1]!.split(".") as [string, "s", string];
    const db = dbFor("zibo");
    const session = () =>
      db
        .select()
        .from(sessions)
        .where(eq(sessions.id, storedSessionId(slug, kind, secret)));
    expect(await session()).toHaveLength(1);
    await request(u.email);
    const { token } = await latestLink(u.email);
    const res = await confirm(token, "Brand-New-Secret-77");
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().filter((c) => c.includes("yq_session=zibo"))).toEqual([]);
    expect(
      (await postJson(host, "/api/v1/auth/login", { email: u.email, password: u.password }, { ip: freshIp() })).status,
    ).toBe(401);
    expect((await login("zibo", u.email, "Brand-New-Secret-77")).status).toBe(200);
    expect(await session()).toEqual([]);
    expect(
      (
        await db
          .select()
          .from(outbox)
          .where(and(eq(outbox.recipient, u.email), eq(outbox.kind, "password_changed")))
      ).length,
    ).toBe(1);
    expect((await confirm(token, "Another-Secret-88")).status).toBe(400);
    const audits = await db.select().from(auditLog).where(eq(auditLog.target, u.email));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["auth.reset.requested", "auth.reset.used"]));
    expect(JSON.stringify(audits)).not.toContain(token);
  });

  it("voids older links when a newer one is requested", async () => {
    const u = await makeUser("zibo");
    await request(u.email);
    const older = await latestLink(u.email);
    await request(u.email);
    const newer = await latestLink(u.email);
    expect(newer.token).not.toBe(older.token);
    expect((await confirm(older.token, "Brand-New-Secret-77")).status).toBe(400);
    expect((await confirm(newer.token, "Brand-New-Secret-77")).status).toBe(200);
  });

  it("refuses an expired link", async () => {
    const u = await makeUser("zibo");
    await request(u.email);
    const { token } = await latestLink(u.email);
    await dbFor("zibo").run(
      sql`UPDATE password_reset_tokens SET expires_at = ${Date.now() - 1} WHERE user_id = ${u.id}`,
    );
    expect((await confirm(token, "Brand-New-Secret-77")).status).toBe(400);
  });

  it("a weak new password is refused with a reason and does not spend the link", async () => {
    const u = await makeUser("zibo");
    await request(u.email);
    const { token } = await latestLink(u.email);
    const weak = await confirm(token, "password");
    expect(weak.status).toBe(422);
    const body = (await weak.json()) as { error: { fields: Record<string, string> } };
    expect(body.error.fields.password).toMatch(/常见|长度|8/);
    expect((await confirm(token, "Brand-New-Secret-77")).status).toBe(200);
  });

  it("limits requests per IP (429) and per account (silently: same 202)", async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) expect((await request(`someone${i}@zibo.test`, ip)).status).toBe(202);
    expect((await request("someone@zibo.test", ip)).status).toBe(429);
    const u = await makeUser("zibo");
    for (let i = 0; i < 4; i++) expect((await request(u.email)).status).toBe(202);
    expect((await dbFor("zibo").select().from(outbox).where(eq(outbox.recipient, u.email))).length).toBe(3);
  });
});

describe("reset link issued by the zone admin", () => {
  it("shows the link once to the admin, mails the user, audits, and the link works once", async () => {
    const admin = await makeUser("zibo", "zone_admin");
    const target = await makeUser("zibo", "enterprise");
    const cookie = sessionCookie(await login("zibo", admin.email, admin.password));
    const res = await postJson(host, `/api/v1/admin/users/${target.id}/reset-link`, {}, { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const { url } = (await res.json()) as { url: string; expiresAt: string };
    const token = new URL(url).searchParams.get("token")!;
    expect((await latestLink(target.email)).token).toBe(token);
    const audits = await dbFor("zibo")
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.reset.issued"), eq(auditLog.target, target.email)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actor).toBe(admin.email);
    expect((await confirm(token, "Admin-Issued-Pass-9")).status).toBe(200);
    expect((await confirm(token, "Admin-Issued-Pass-9")).status).toBe(400);
  });
});
