/**
 * Session ids at rest: the cookie carries a secret, the sessions table only its
 * SHA-256, so a copy of the table signs nobody in. Lucia still slides, refreshes
 * and ends sessions; these tests go through the real Worker.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { sessions } from "../../worker/db/schema";
import { call, dbFor, login, makeUser, postJson, sessionCookie } from "./auth-support";

const host = "zibo.localhost";
const me = (cookie: string) => call(host, "GET", "/api/v1/me", { cookie });
const rowsOf = (userId: string) => dbFor("zibo").select().from(sessions).where(eq(sessions.userId, userId));

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** `name=zibo.s.secret` → its parts. */
function cookieParts(cookie: string) {
  const [name, value] = cookie.split("=") as [string, string];
  const [slug, kind, secret] = value.split(".") as [string, string, string];
  return { name, value, slug, kind, secret };
}

describe("session ids at rest", () => {
  it.each([false, true])("stores only the SHA-256 of the cookie's secret (记住我: %s)", async (remember) => {
    const u = await makeUser("zibo");
    const cookie = sessionCookie(await login("zibo", u.email, u.password, { remember }));
    const { value, kind, secret } = cookieParts(cookie);
    expect(kind).toBe(remember ? "r" : "s");
    const rows = await rowsOf(u.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(value);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(rows[0]!.id).toBe(`zibo.${kind}.${await sha256Hex(secret)}`);
    expect((await me(cookie)).status).toBe(200);
  });

  it("refuses a cookie that carries a stored id, as someone who read the table would send it", async () => {
    const u = await makeUser("zibo");
    const cookie = sessionCookie(await login("zibo", u.email, u.password));
    const [row] = await rowsOf(u.id);
    const stolen = `${cookieParts(cookie).name}=${row!.id}`;
    const res = await me(stolen);
    expect(res.status).toBe(401);
    // The dead cookie is cleared; the real session is untouched.
    expect(res.headers.getSetCookie().some((c) => /yq_session=;/.test(c))).toBe(true);
    expect((await me(cookie)).status).toBe(200);
    expect(await rowsOf(u.id)).toHaveLength(1);
  });

  it("a refreshed cookie re-sends the secret, never the stored id, and the row slides", async () => {
    const u = await makeUser("zibo");
    const cookie = sessionCookie(await login("zibo", u.email, u.password));
    const [row] = await rowsOf(u.id);
    // Lucia refreshes once less than half of the 30-minute idle window is left.
    const soon = Math.floor(Date.now() / 1000) + 60;
    await dbFor("zibo").update(sessions).set({ expiresAt: soon }).where(eq(sessions.id, row!.id));
    const res = await me(cookie);
    expect(res.status).toBe(200);
    const refreshed = res.headers.getSetCookie().find((c) => c.includes("yq_session="));
    expect(refreshed?.split(";")[0]).toBe(cookie);
    const [after] = await rowsOf(u.id);
    expect(after!.id).toBe(row!.id);
    expect(after!.id).not.toBe(cookieParts(cookie).value);
    expect(after!.expiresAt).toBeGreaterThan(soon + 20 * 60);
  });

  it("logout removes this session's row and no other", async () => {
    const u = await makeUser("zibo");
    const cookie = sessionCookie(await login("zibo", u.email, u.password));
    const other = sessionCookie(await login("zibo", u.email, u.password));
    expect(await rowsOf(u.id)).toHaveLength(2);
    expect((await call(host, "POST", "/api/v1/auth/logout", { cookie })).status).toBe(204);
    const rows = await rowsOf(u.id);
    expect(rows.map((r) => r.id)).toEqual([`zibo.s.${await sha256Hex(cookieParts(other).secret)}`]);
    expect((await me(cookie)).status).toBe(401);
    expect((await me(other)).status).toBe(200);
  });

  it("signing in with a session presented ends that session's row", async () => {
    const u = await makeUser("zibo");
    const first = sessionCookie(await login("zibo", u.email, u.password));
    const second = sessionCookie(await login("zibo", u.email, u.password, { cookie: first }));
    expect((await rowsOf(u.id)).map((r) => r.id)).toEqual([`zibo.s.${await sha256Hex(cookieParts(second).secret)}`]);
  });

  it("changing the password ends the other sessions and stores the new one hashed", async () => {
    const u = await makeUser("zibo");
    const elsewhere = sessionCookie(await login("zibo", u.email, u.password));
    const cookie = sessionCookie(await login("zibo", u.email, u.password));
    const res = await postJson(
      host,
      "/api/v1/me/password",
      { currentPassword: u.password, newPassword: "Another-Horse-43" },
      { cookie },
    );
    expect(res.status).toBe(200);
    const fresh = sessionCookie(res);
    expect((await rowsOf(u.id)).map((r) => r.id)).toEqual([`zibo.s.${await sha256Hex(cookieParts(fresh).secret)}`]);
    expect((await me(elsewhere)).status).toBe(401);
    expect((await me(fresh)).status).toBe(200);
  });
});
