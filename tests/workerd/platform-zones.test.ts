/**
 * The control plane end to end in workerd: an operator creates a zone through the platform
 * API, it is served on its subdomain at once, suspending makes it answer 503 (a page, JSON
 * under /api, sign-in refused) while other zones carry on, resuming restores it, a custom
 * hostname serves it until removed, and the first admin's one-time link sets a password.
 * Every change leaves its row in platform_audit.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { platformAudit } from "../../worker/db/platform-schema";
import { auditLog } from "../../worker/db/schema";
import { call, dbFor, freshIp, login, postJson } from "./auth-support";
import { platform, platformDb, signedInOperator, zoneInput } from "./platform-support";

const SLUG = "wdtest-a";
const HOST = `${SLUG}.localhost`;
const NAME = "测试甲高新技术产业开发区";
const CUSTOM = "yuanqu.wdtest-a.example.cn";

type Json = Record<string, unknown>;
let cookie: string;

beforeAll(async () => {
  ({ cookie } = await signedInOperator());
});

describe("a zone created at run time", () => {
  it("is created by POST /api/v1/platform/tenants (201) and serves on its subdomain at once", async () => {
    const res = await platform(cookie, "POST", "/api/v1/platform/tenants", zoneInput(SLUG, NAME));
    const body = (await res.json()) as { tenant: Json; steps: { name: string; ok: boolean }[] };
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.tenant).toMatchObject({
      slug: SLUG,
      status: "active",
      origin: `http://${HOST}:8787`,
      template: "blank",
    });
    expect(body.steps.every((s) => s.ok)).toBe(true);

    const home = await call(HOST, "GET", "/");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(NAME);
    const zone = await call(HOST, "GET", "/api/v1/zone");
    expect(zone.status).toBe(200);
    expect(((await zone.json()) as Json).slug).toBe(SLUG);
  });

  it("refuses the same slug for a second zone (409) and a bad body (422)", async () => {
    const again = await platform(cookie, "POST", "/api/v1/platform/tenants", zoneInput(SLUG, "另一个园区"));
    expect(again.status).toBe(409);
    const bad = await platform(cookie, "POST", "/api/v1/platform/tenants", {
      ...zoneInput("wdtest-a2", "乙"),
      phone: "x",
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { fields: Json } }).error.fields).toHaveProperty("phone");
  });

  it("lists the zone and shows figures from its own database", async () => {
    const list = (await (await platform(cookie, "GET", "/api/v1/platform/tenants")).json()) as { tenants: Json[] };
    expect(list.tenants.map((t) => t.slug)).toEqual(expect.arrayContaining(["zibo", SLUG]));
    const res = await platform(cookie, "GET", `/api/v1/platform/tenants/${SLUG}`);
    expect(res.status).toBe(200);
    const detail = (await res.json()) as { stats: { schemaVersion: string | null; users: number } };
    expect(detail.stats.schemaVersion).toMatch(/^\d{4}_/);
    expect(detail.stats.users).toBe(0);
    expect((await platform(cookie, "GET", "/api/v1/platform/tenants/no-such-zone")).status).toBe(404);
  });

  it("is found on the console by name, slug or status, with the filter kept across pages", async () => {
    const page = async (query: string) => (await platform(cookie, "GET", `/console${query}`)).text();
    const byName = await page(`?q=${encodeURIComponent("测试甲")}`);
    expect(byName).toContain(NAME);
    expect(byName).not.toContain("淄博高新技术产业开发区");
    expect(byName).toMatch(/符合条件的园区 1 个/);
    expect(await page("?q=WDTEST-A")).toContain(NAME);
    const suspended = await page("?status=suspended");
    expect(suspended).not.toContain(NAME);
    const active = await page("?status=active&q=wdtest");
    expect(active).toContain(NAME);
    const none = await page(`?q=${"x".repeat(300)}`);
    expect(none).toContain("淄博高新技术产业开发区"); // an over-long search is ignored, not a 500
    expect(await page("?q=no-zone-is-called-this")).toMatch(/符合条件的园区 0 个,请换个关键词或状态再试/);
  });

  it("answers 503 everywhere while suspended, refuses sign-in, and leaves other zones alone", async () => {
    const res = await platform(cookie, "POST", `/api/v1/platform/tenants/${SLUG}/suspend`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).status).toBe("suspended");

    const page = await call(HOST, "GET", "/");
    expect(page.status).toBe(503);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(await page.text()).toContain("已暂停");
    const api = await call(HOST, "GET", "/api/v1/zone");
    expect(api.status).toBe(503);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe("zone_suspended");
    const signIn = await postJson(
      HOST,
      "/api/v1/auth/login",
      { email: "x@example.cn", password: "y" },
      { ip: freshIp() },
    );
    expect(signIn.status).toBe(503);

    expect((await call("zibo.localhost", "GET", "/")).status).toBe(200);
    expect((await call("zibo.localhost", "GET", "/api/v1/zone")).status).toBe(200);
  });

  it("serves again once resumed", async () => {
    const res = await platform(cookie, "POST", `/api/v1/platform/tenants/${SLUG}/resume`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).status).toBe("active");
    expect((await call(HOST, "GET", "/")).status).toBe(200);
    expect((await call(HOST, "GET", "/api/v1/zone")).status).toBe(200);
  });

  it("serves on a custom hostname until it is removed", async () => {
    expect((await call(CUSTOM, "GET", "/")).status).toBe(404);
    const add = await platform(cookie, "POST", `/api/v1/platform/tenants/${SLUG}/hostnames`, { hostname: CUSTOM });
    expect(add.status).toBe(201);
    expect(((await add.json()) as { hostnames: string[] }).hostnames).toEqual([CUSTOM]);
    const served = await call(CUSTOM, "GET", "/");
    expect(served.status).toBe(200);
    expect(await served.text()).toContain(NAME);
    expect(((await (await call(CUSTOM, "GET", "/api/v1/zone")).json()) as Json).slug).toBe(SLUG);

    const taken = await platform(cookie, "POST", "/api/v1/platform/tenants/zibo/hostnames", { hostname: CUSTOM });
    expect(taken.status).toBe(409);
    for (const hostname of ["zibo.localhost", `${SLUG}.localhost`, "192.168.10.1", "localhost", "www.example"]) {
      const refused = await platform(cookie, "POST", `/api/v1/platform/tenants/${SLUG}/hostnames`, { hostname });
      expect(refused.status, hostname).toBe(400);
    }

    const removed = await platform(cookie, "DELETE", `/api/v1/platform/tenants/${SLUG}/hostnames/${CUSTOM}`);
    expect(removed.status).toBe(200);
    expect(((await removed.json()) as { hostnames: string[] }).hostnames).toEqual([]);
    expect((await call(CUSTOM, "GET", "/")).status).toBe(404);
    const again = await platform(cookie, "DELETE", `/api/v1/platform/tenants/${SLUG}/hostnames/${CUSTOM}`);
    expect(again.status).toBe(404);
  });

  it("issues the first admin a one-time link that sets a password, audited in the zone too", async () => {
    const email = "admin@wdtest-a.test";
    const res = await platform(cookie, "POST", `/api/v1/platform/tenants/${SLUG}/admins`, { email, name: "甲管理员" });
    expect(res.status).toBe(201);
    const { link, expiresAt } = (await res.json()) as { link: string; expiresAt: string };
    expect(link).toMatch(new RegExp(`^http://${HOST}:8787/reset-password\\?token=[A-Za-z0-9_-]{43}&first=1$`));
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());

    // A new account's page says 设置密码, not 重置密码.
    const url = new URL(link);
    const page = await (await call(HOST, "GET", `${url.pathname}${url.search}`, { ip: freshIp() })).text();
    expect(page).toContain('<h1 id="reset-title">设置密码</h1>');
    expect(page).toContain("欢迎使用园区通");
    expect(page).toContain('action="/reset-password?first=1"');

    const token = url.searchParams.get("token")!;
    const password = "Qz7-Harbour-lantern-58";
    const set = await postJson(HOST, "/api/v1/auth/password-reset/confirm", { token, password }, { ip: freshIp() });
    expect(set.status).toBe(200);
    const signIn = await login(SLUG, email, password);
    expect(signIn.status).toBe(200);
    expect(((await signIn.json()) as { user: Json }).user.role).toBe("zone_admin");
    // Once only.
    const reuse = await postJson(HOST, "/api/v1/auth/password-reset/confirm", { token, password }, { ip: freshIp() });
    expect(reuse.status).toBe(400);

    const zoneRows = await dbFor(SLUG)
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.created"), eq(auditLog.target, email)));
    expect(zoneRows).toHaveLength(1);
    expect(zoneRows[0]!.actor).toMatch(/^platform:op-/);
  });

  it("records every change in platform_audit", async () => {
    const rows = await platformDb().select().from(platformAudit).where(eq(platformAudit.target, SLUG));
    const actions = rows.filter((r) => r.result === "ok").map((r) => r.action);
    for (const action of [
      "tenant.create",
      "tenant.suspend",
      "tenant.resume",
      "tenant.hostname.add",
      "tenant.hostname.remove",
      "tenant.admin_link",
    ])
      expect(actions, action).toContain(action);
  });
});
