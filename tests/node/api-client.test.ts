/**
 * The example client of docs/api-client (issue 20) against the real app: a bank's system lists the
 * zone's financing needs with its token, page by page, and a zone's BI reads the statistics with the
 * zone's token, through the same request builder the examples use (typed by the generated api.d.ts,
 * which tsc checks). A token lacking the scope or unknown to the zone answers the error envelope the
 * client raises. The tokens are made as the README shows (sign in, POST /api/v1/tokens). The app runs
 * in this process over libSQL files with the demo zone's data.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, ApiError, apiGet, getRequest } from "../../docs/api-client/client";
import { preparePlatform } from "../../dev/lib/platform";
import { prepareTenant } from "../../dev/lib/prepare-tenant";
import { demoPassword, seedDemoAccounts } from "../../dev/lib/seed-demo";
import { seedDemoEnterprises } from "../../dev/lib/seed-demo-enterprises";
import { seedDemoFinance } from "../../dev/lib/seed-demo-finance";
import { zones } from "../../tenants/index";
import { createApp } from "../../worker/app";
import { openTenantDb } from "../../worker/db/open";
import type { TokenScope } from "../../worker/lib/api-scopes";
import { newApiToken } from "../../worker/lib/api-token";
import { createNodeDeps, type NodeDeps } from "../../worker/node-deps";

const ORIGIN = "http://zibo.localhost";
const dir = mkdtempSync(join(tmpdir(), "yq-api-client-"));
let deps: NodeDeps;
let app: ReturnType<typeof createApp>;
let bankToken: string;
let zoneToken: string;

/** A token made as the README says: sign in, then POST /api/v1/tokens with the session (no Origin, like curl). */
async function issueToken(email: string, scopes: TokenScope[]): Promise<string> {
  const json = { "content-type": "application/json" };
  const login = await app.request(`${ORIGIN}/api/v1/auth/login`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ email, password: demoPassword("zibo") }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  const made = await app.request(`${ORIGIN}/api/v1/tokens`, {
    method: "POST",
    headers: { ...json, cookie },
    body: JSON.stringify({ name: "api-client test", scopes, expiresInDays: 1 }),
  });
  expect(made.status).toBe(201);
  return ((await made.json()) as { token: string }).token;
}

const client = (token: string): ApiClient => ({ origin: ORIGIN, token, fetch: (request) => app.request(request) });

beforeAll(async () => {
  const zibo = zones.get("zibo")!;
  const zoneClient = createClient({ url: `file:${join(dir, "zibo.db")}` });
  await prepareTenant(zoneClient, zibo);
  await seedDemoAccounts(openTenantDb(zoneClient), zibo);
  await seedDemoEnterprises(openTenantDb(zoneClient), zibo);
  await seedDemoFinance(openTenantDb(zoneClient), zibo);
  zoneClient.close();
  const platform = createClient({ url: `file:${join(dir, "platform.db")}` });
  await preparePlatform(platform, zones.all());
  platform.close();
  deps = createNodeDeps({
    ROOT_DOMAINS: "localhost",
    LIBSQL_URL_TEMPLATE: `file:${dir}/{tenant}.db`,
    PLATFORM_DB_URL: `file:${join(dir, "platform.db")}`,
    PUBLIC_URL_TEMPLATE: "http://{tenant}.localhost",
    BLOB_DIR: join(dir, "blobs"),
  });
  app = createApp(deps);
  bankToken = await issueToken("bank@zibo.demo", ["finance:read"]);
  zoneToken = await issueToken("admin@zibo.demo", ["statistics:read"]);
});
afterAll(() => {
  deps.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the example API client", () => {
  it("builds the request from the path, its parameters and the token", () => {
    const request = getRequest(client("yq_zibo_x"), "/api/v1/finance/loans/{id}", { path: { id: "a/b" } });
    expect(request.url).toBe(`${ORIGIN}/api/v1/finance/loans/a%2Fb`);
    expect(request.headers.get("authorization")).toBe("Bearer yq_zibo_x");
    const page = getRequest(client("yq_zibo_x"), "/api/v1/bank/needs", { query: { limit: 2, after: undefined } });
    expect(page.url).toBe(`${ORIGIN}/api/v1/bank/needs?limit=2`);
  });

  it("lists a bank's needs with its token, a page at a time", async () => {
    const purposes: string[] = [];
    let after: string | undefined;
    let total = -1;
    do {
      const page = await apiGet(client(bankToken), "/api/v1/bank/needs", { query: { limit: 1, after } });
      total = page.total;
      purposes.push(...page.needs.map((n) => n.need.purpose));
      after = page.nextCursor ?? undefined;
    } while (after);
    expect(purposes).toContain("采购高纯氧化铝原料,备货旺季订单");
    expect(purposes).toHaveLength(total);
  });

  it("reads the zone's statistics with the zone's token", async () => {
    // This year (the default): the demo enterprises were admitted today.
    const stats = await apiGet(client(zoneToken), "/api/v1/admin/statistics", { query: {} });
    expect(stats.quarter).toBeNull();
    expect(stats.period.from).toBe(`${stats.year}-01-01`);
    expect(stats.enterprises.total).toBeGreaterThan(0);
  });

  it("raises the error envelope: a scope the token lacks is 403, a token the zone never issued 401", async () => {
    const refused = await apiGet(client(bankToken), "/api/v1/admin/statistics", { query: {} }).catch((e) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused.status).toBe(403);
    expect(refused.body?.error.message).toMatch(/statistics:read/);
    const unknown = await apiGet(client(newApiToken("zibo")), "/api/v1/bank/needs", { query: {} }).catch((e) => e);
    expect(unknown).toBeInstanceOf(ApiError);
    expect(unknown.status).toBe(401);
    expect(unknown.body?.error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
