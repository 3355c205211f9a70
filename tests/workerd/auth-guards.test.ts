/** Role guards over every admin route, the CSRF / content-type matrix, and the audit log's immutability. */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog } from "../../worker/db/schema";
import { call, clientFor, dbFor, login, makeUser, postJson, sessionCookie } from "./auth-support";

const host = "zibo.localhost";
const ORIGIN = "http://zibo.localhost:8787";

describe("admin routes are for zone admins only", () => {
  const routes = (id: string) =>
    [
      ["GET", "/api/v1/admin/users"],
      ["POST", `/api/v1/admin/users/${id}/disable`],
      ["POST", `/api/v1/admin/users/${id}/enable`],
      ["POST", `/api/v1/admin/users/${id}/end-sessions`],
      ["POST", `/api/v1/admin/users/${id}/reset-link`],
      ["POST", `/api/v1/admin/users/${id}/unlock`],
    ] as const;

  it.each(["reviewer", "enterprise", "bank"] as const)("refuses a %s (403) and audits the refusal", async (role) => {
    const user = await makeUser("zibo", role);
    const target = await makeUser("zibo");
    const cookie = sessionCookie(await login("zibo", user.email, user.password));
    for (const [method, path] of routes(target.id)) {
      const res =
        method === "GET" ? await call(host, method, path, { cookie }) : await postJson(host, path, {}, { cookie });
      expect(res.status, path).toBe(403);
    }
    const denied = await dbFor("zibo").select().from(auditLog).where(eq(auditLog.actor, user.email));
    expect(denied.filter((a) => a.action === "authz.denied" && a.result === "denied")).toHaveLength(6);
  });

  it("refuses anonymous requests (401)", async () => {
    const target = await makeUser("zibo");
    for (const [method, path] of routes(target.id)) {
      const res = method === "GET" ? await call(host, method, path) : await postJson(host, path, {});
      expect(res.status, path).toBe(401);
    }
  });

  it("lets a zone admin list, disable (ending sessions), enable and audit", async () => {
    const admin = await makeUser("zibo", "zone_admin");
    const target = await makeUser("zibo");
    const targetCookie = sessionCookie(await login("zibo", target.email, target.password));
    const cookie = sessionCookie(await login("zibo", admin.email, admin.password));
    const list = (await (await call(host, "GET", "/api/v1/admin/users", { cookie })).json()) as {
      users: { id: string; activeSessions: number }[];
    };
    expect(list.users.find((u) => u.id === target.id)?.activeSessions).toBe(1);
    expect((await postJson(host, `/api/v1/admin/users/${target.id}/disable`, {}, { cookie })).status).toBe(200);
    expect((await call(host, "GET", "/api/v1/me", { cookie: targetCookie })).status).toBe(401);
    expect((await login("zibo", target.email, target.password)).status).toBe(401);
    expect((await postJson(host, `/api/v1/admin/users/${target.id}/enable`, {}, { cookie })).status).toBe(200);
    expect((await login("zibo", target.email, target.password)).status).toBe(200);
    expect((await postJson(host, `/api/v1/admin/users/${admin.id}/disable`, {}, { cookie })).status).toBe(409);
    const actions = (await dbFor("zibo").select().from(auditLog).where(eq(auditLog.target, target.email))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["user.disabled", "user.enabled"]));
  });

  it("never lets one zone's admin act on another zone's user", async () => {
    const admin = await makeUser("zibo", "zone_admin");
    const other = await makeUser("dongying");
    const cookie = sessionCookie(await login("zibo", admin.email, admin.password));
    expect((await postJson(host, `/api/v1/admin/users/${other.id}/disable`, {}, { cookie })).status).toBe(404);
  });
});

describe("CSRF and content types", () => {
  it.each([
    ["another site", "https://evil.example"],
    ["a sibling zone", "http://dongying.localhost:8787"],
    ["the zone without its port", "http://zibo.localhost"],
  ])("refuses a form POST from %s (403)", async (_name, origin) => {
    const res = await call(host, "POST", "/login", {
      origin,
      contentType: "application/x-www-form-urlencoded",
      body: "email=a%40b.c&password=x",
    });
    expect(res.status).toBe(403);
  });

  it("accepts a same-origin form POST past the CSRF check", async () => {
    const res = await call(host, "POST", "/login", {
      origin: ORIGIN,
      contentType: "application/x-www-form-urlencoded",
      body: "email=a%40zibo.test&password=wrong-one-1",
    });
    expect(res.status).not.toBe(403);
  });

  it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml"])(
    "refuses a JSON API body sent as %s (415)",
    async (type) => {
      const res = await call(host, "POST", "/api/v1/auth/login", {
        contentType: type,
        body: '{"email":"a@zibo.test","password":"x"}',
      });
      expect(res.status).toBe(415);
    },
  );

  it("refuses a JSON API body without a Content-Type (415)", async () => {
    const res = await call(host, "POST", "/api/v1/auth/login", {
      contentType: null,
      body: '{"email":"a@zibo.test","password":"x"}',
    });
    expect(res.status).toBe(415);
  });

  it("refuses an API call whose Origin is a sibling zone (403)", async () => {
    const u = await makeUser("zibo");
    const res = await postJson(
      host,
      "/api/v1/auth/login",
      { email: u.email, password: u.password },
      { origin: "http://dongying.localhost:8787" },
    );
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie().filter((c) => c.includes("yq_session=zibo"))).toEqual([]);
  });

  it("rejects malformed JSON with a 4xx that says what to fix", async () => {
    const res = await call(host, "POST", "/api/v1/auth/login", { body: "{not json" });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});

describe("audit log", () => {
  it("records sign-ins and cannot be changed or deleted", async () => {
    const u = await makeUser("zibo");
    await login("zibo", u.email, u.password);
    const client = clientFor("zibo");
    const rows = await client.execute({
      sql: "SELECT action, result FROM audit_log WHERE target = ?",
      args: [u.email],
    });
    expect(rows.rows.map((r) => `${r[0]}:${r[1]}`)).toContain("auth.login:ok");
    await expect(
      client.execute({ sql: "UPDATE audit_log SET result = 'ok' WHERE target = ?", args: [u.email] }),
    ).rejects.toThrow(/append-only/);
    await expect(client.execute({ sql: "DELETE FROM audit_log WHERE target = ?", args: [u.email] })).rejects.toThrow(
      /append-only/,
    );
  });
});
