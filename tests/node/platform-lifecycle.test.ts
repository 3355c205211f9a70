/**
 * A zone's life on the self-hosted Node target, through the platform API as an operator would
 * drive it: created → served at once → suspended (503, sign-in refused, other zones untouched)
 * → resumed → on a custom hostname → that hostname removed (404). The real Node entry over
 * libSQL files; the same flow runs in workerd in tests/workerd/platform-zones.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOperator } from "../../worker/features/operator/create-operator";
import { hostFetchTo } from "../support/node-fetch";
import { startTestNodeServer, type TestNodeServer } from "../support/node-server";

const OPERATOR = { email: "ops@lifecycle.test", name: "运营测试", password: "Lifecycle-ops-2026!" };
const ZONE = {
  slug: "shouguang",
  name: { zh: "寿光高新技术产业开发区", en: "Shouguang Hi-tech Industrial Development Zone" },
  province: "山东省",
  city: "潍坊市",
  phone: "0536-5200000",
  template: "dongying",
};

describe("a zone's life on Node, through the platform API", () => {
  let server: TestNodeServer;
  let fetchHost: ReturnType<typeof hostFetchTo>;
  let root: string;
  let cookie = "";

  beforeAll(async () => {
    server = await startTestNodeServer({
      name: "lifecycle",
      demo: false,
      seed: (withDb) =>
        withDb("platform", (db) => createOperator({ db, ...OPERATOR, nowMs: Date.now() })).then(() => {}),
    });
    fetchHost = hostFetchTo(server.port);
    root = `localhost:${server.port}`;
    const login = await platform("POST", "/api/v1/auth/login", { ...OPERATOR, remember: false });
    expect(login.status).toBe(200);
    cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  });
  afterAll(() => server.close());

  function platform(method: string, path: string, body?: unknown) {
    return fetchHost(root, path, {
      method,
      headers: {
        origin: `http://${root}`,
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }
  const zone = (host: string, path = "/") => fetchHost(host, path);
  const zoneHost = () => `${ZONE.slug}.localhost:${server.port}`;

  it("creates the zone (201) and serves it on its subdomain at once, with its template's policies", async () => {
    expect((await zone(zoneHost())).status).toBe(404);
    const created = await platform("POST", "/api/v1/platform/tenants", ZONE);
    expect(created.status).toBe(201);
    const body = (await created.json()) as { tenant: { status: string; origin: string } };
    expect(body.tenant.status).toBe("active");
    expect(body.tenant.origin).toBe(`http://${zoneHost()}`);
    const home = await zone(zoneHost());
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(ZONE.name.zh);
    const policies = (await (await zone(zoneHost(), "/api/v1/policies")).json()) as { documents: unknown[] };
    expect(policies.documents.length).toBeGreaterThan(0);
  });

  it("answers 503 while suspended, refuses sign-in there, and leaves the other zones alone", async () => {
    expect((await platform("POST", `/api/v1/platform/tenants/${ZONE.slug}/suspend`)).status).toBe(200);
    const api = await zone(zoneHost(), "/api/v1/zone");
    expect(api.status).toBe(503);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe("zone_suspended");
    const page = await zone(zoneHost(), "/login");
    expect(page.status).toBe(503);
    expect(await page.text()).toContain("已暂停");
    const signIn = await fetchHost(zoneHost(), "/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", origin: `http://${zoneHost()}` },
      body: JSON.stringify({ email: "anyone@example.com", password: "whatever-2026", remember: false }),
    });
    expect(signIn.status).toBe(503);
    expect((await zone(`zibo.localhost:${server.port}`)).status).toBe(200);
  });

  it("serves again once resumed", async () => {
    expect((await platform("POST", `/api/v1/platform/tenants/${ZONE.slug}/resume`)).status).toBe(200);
    expect((await zone(zoneHost(), "/api/v1/zone")).status).toBe(200);
  });

  it("serves on a custom hostname until it is removed, then that host is 404", async () => {
    const custom = "yuanqu.shouguang.example.com";
    const added = await platform("POST", `/api/v1/platform/tenants/${ZONE.slug}/hostnames`, { hostname: custom });
    expect(added.status).toBe(201);
    const onCustom = await zone(custom);
    expect(onCustom.status).toBe(200);
    expect(await onCustom.text()).toContain(ZONE.name.zh);
    const removed = await platform("DELETE", `/api/v1/platform/tenants/${ZONE.slug}/hostnames/${custom}`);
    expect(removed.status).toBe(200);
    expect((await zone(custom)).status).toBe(404);
    expect((await zone(zoneHost())).status).toBe(200);
  });

  it("keeps the platform API from anyone but an operator, and from zone hosts", async () => {
    const saved = cookie;
    cookie = "";
    expect((await platform("GET", "/api/v1/platform/tenants")).status).toBe(401);
    cookie = saved;
    expect((await fetchHost(zoneHost(), "/api/v1/platform/tenants", { headers: { cookie } })).status).toBe(404);
  });
});
