/**
 * Who reaches the platform: every operation of the platform API (read from the OpenAPI
 * document, so a new one is covered) answers 401 without a session and with a zone admin's
 * cookie carried to the root host — before its body is read —, and 404 on a zone's host even
 * for an operator. Operator sign-in on the bare root (JSON and the page) leaves the zones'
 * own sign-in at the same paths untouched, and each cookie is refused on the other's host.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { platformAudit } from "../../worker/db/platform-schema";
import { OPERATOR_LOGIN_FAILED } from "../../worker/features/operator/sign-in-operator";
import { call, freshIp, login, postJson, sessionCookie } from "./auth-support";
import { OPERATOR_PASSWORD, platform, platformDb, ROOT, ROOT_ORIGIN, signedInOperator } from "./platform-support";

let operator: { email: string; cookie: string };
let zoneAdmin: string;
/** The platform API as the issue lists it; the OpenAPI document must describe exactly these. */
const OPERATIONS = [
  "GET /api/v1/platform/tenants",
  "POST /api/v1/platform/tenants",
  "GET /api/v1/platform/tenants/{slug}",
  "POST /api/v1/platform/tenants/{slug}/suspend",
  "POST /api/v1/platform/tenants/{slug}/resume",
  "POST /api/v1/platform/tenants/{slug}/hostnames",
  "DELETE /api/v1/platform/tenants/{slug}/hostnames/{hostname}",
  "POST /api/v1/platform/tenants/{slug}/admins",
];
const operations = OPERATIONS.map((op) => {
  const [method, path] = op.split(" ") as [string, string];
  return { method, path: path.replace("{slug}", "zibo").replace("{hostname}", "zibo.example.cn") };
});

beforeAll(async () => {
  operator = await signedInOperator();
  zoneAdmin = sessionCookie(await login("zibo", "admin@zibo.demo", "Demo-zibo-2026"));
});

describe("the platform API", () => {
  it("is described in the OpenAPI document, operation for operation", async () => {
    const res = await call(ROOT, "GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith("/api/v1/platform/"))
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(documented.sort()).toEqual([...OPERATIONS].sort());
  });

  it("answers 401 to every operation, anonymous or with a zone admin's cookie, before reading the body", async () => {
    for (const cookie of [undefined, zoneAdmin]) {
      for (const { method, path } of operations) {
        // An invalid body: a 422 here would mean the body was validated before the session was checked.
        const body = method === "GET" || method === "DELETE" ? undefined : { nonsense: true };
        const res = await platform(cookie, method, path, body, { ip: freshIp() });
        expect(res.status, `${cookie ? "zone admin" : "anonymous"} ${method} ${path}`).toBe(401);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
      }
    }
    // Nothing changed: zibo still serves.
    expect((await call("zibo.localhost", "GET", "/")).status).toBe(200);
  });

  it("does not exist on a zone's host, even for an operator's cookie", async () => {
    for (const cookie of [operator.cookie, zoneAdmin]) {
      const res = await call("zibo.localhost", "GET", "/api/v1/platform/tenants", { cookie });
      expect(res.status).toBe(404);
    }
  });
});

describe("operator sign-in on the bare root", () => {
  it("refuses a wrong password with the one answer, audited", async () => {
    const res = await postJson(
      ROOT,
      "/api/v1/auth/login",
      { email: operator.email, password: "wrong" },
      { ip: freshIp() },
    );
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(OPERATOR_LOGIN_FAILED);
    const rows = await platformDb()
      .select()
      .from(platformAudit)
      .where(and(eq(platformAudit.action, "operator.login"), eq(platformAudit.target, operator.email)));
    expect(rows.map((r) => r.result).sort()).toEqual(["failed", "ok"]);
  });

  it("locks an operator out after five wrong passwords; the right one is refused then, uncounted", async () => {
    const { email } = await signedInOperator();
    const attempt = (password: string) => postJson(ROOT, "/api/v1/auth/login", { email, password }, { ip: freshIp() });
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong-${i}`)).status).toBe(401);
    const right = await attempt(OPERATOR_PASSWORD);
    expect(right.status).toBe(401);
    expect(right.headers.getSetCookie()).toEqual([]);
    const rows = await platformDb()
      .select()
      .from(platformAudit)
      .where(and(eq(platformAudit.action, "operator.login"), eq(platformAudit.target, email)));
    const last = rows.at(-1)!;
    expect(last.result).toBe("failed");
    expect(JSON.parse(last.detail!)).toMatchObject({ reason: "locked", counted: false });
  });

  it("refuses a zone user's account (operators live in the platform database only)", async () => {
    const res = await postJson(
      ROOT,
      "/api/v1/auth/login",
      { email: "admin@zibo.demo", password: "Demo-zibo-2026" },
      {
        ip: freshIp(),
      },
    );
    expect(res.status).toBe(401);
  });

  it("keeps the zones' sign-in at the same paths", async () => {
    const zonePage = await call("zibo.localhost", "GET", "/login");
    expect(zonePage.status).toBe(200);
    expect(await zonePage.text()).toContain("登录淄博");
    const rootPage = await call(ROOT, "GET", "/login");
    expect(rootPage.status).toBe(200);
    expect(await rootPage.text()).toContain("平台运营登录");
  });

  it("an operator's cookie signs nobody in on a zone, and ends with 退出", async () => {
    const me = await call("zibo.localhost", "GET", "/api/v1/me", { cookie: operator.cookie });
    expect(me.status).toBe(401);
    const { cookie } = await signedInOperator();
    expect((await platform(cookie, "GET", "/api/v1/platform/tenants")).status).toBe(200);
    const out = await platform(cookie, "POST", "/api/v1/auth/logout", undefined, { origin: ROOT_ORIGIN });
    expect(out.status).toBe(204);
    expect((await platform(cookie, "GET", "/api/v1/platform/tenants")).status).toBe(401);
  });
});

describe("the console pages", () => {
  const form = (data: Record<string, string>) => ({
    body: new URLSearchParams(data).toString(),
    contentType: "application/x-www-form-urlencoded",
    origin: ROOT_ORIGIN,
    ip: freshIp(),
  });

  it("send a visitor without an operator's session to 登录, and are 404 on a zone's host", async () => {
    for (const path of ["/console", "/console/new-zone", "/console/audit", "/console/zones/zibo"]) {
      const res = await call(ROOT, "GET", path, { cookie: zoneAdmin });
      expect(res.status, path).toBe(303);
      expect(res.headers.get("location")).toBe("/login");
      expect((await call("zibo.localhost", "GET", path)).status, path).toBe(404);
    }
  });

  it("sign in with the form, list the zones and show one", async () => {
    const wrong = await call(ROOT, "POST", "/login", form({ email: operator.email, password: "nope" }));
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain("邮箱或密码不正确");
    const res = await call(ROOT, "POST", "/login", form({ email: operator.email, password: OPERATOR_PASSWORD }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/console");
    const cookie = sessionCookie(res);
    const list = await call(ROOT, "GET", "/console", { cookie });
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain("园区列表");
    expect(html).toContain('href="/console/zones/zibo"');
    expect(list.headers.get("cache-control")).toBe("private, no-store");
    const zone = await call(ROOT, "GET", "/console/zones/zibo", { cookie });
    expect(zone.status).toBe(200);
    expect(await zone.text()).toContain("暂停服务");
    expect((await call(ROOT, "GET", "/console/zones/no-such-zone", { cookie })).status).toBe(404);
    const audit = await call(ROOT, "GET", "/console/audit", { cookie });
    expect(audit.status).toBe(200);
    expect(await audit.text()).toContain("运营人员登录");
  });

  it("refuse a form from another origin", async () => {
    const res = await call(ROOT, "POST", "/console/zones/zibo/suspend", {
      ...form({}),
      cookie: operator.cookie,
      origin: "http://zibo.localhost:8787",
    });
    expect(res.status).toBe(403);
    expect((await call("zibo.localhost", "GET", "/")).status).toBe(200);
  });
});
