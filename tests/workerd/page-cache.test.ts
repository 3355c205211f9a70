/**
 * Anonymous visitors' public pages come from the cache (middleware/page-cache.ts) at no database
 * round trip; a write to the area a page shows moves its key (the trigger's data version), so the
 * next request after this isolate learns the version renders afresh; a signed-in request is never
 * served from or stored in it; a suspended zone answers 503 although its pages are cached; and each
 * cached page carries the request's own CSP nonce.
 */
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { PAGE_CACHE_HEADER } from "../../worker/middleware/page-cache";
import { policyDocuments, zoneDataVersions } from "../../worker/db/schema";
import { call, dbFor, freshIp } from "./auth-support";
import { platform, signedInOperator, zoneInput } from "./platform-support";
import { roundTrips } from "./round-trip-support";
import { demo, host, slug } from "./subsidies-support";

const get = (path: string, cookie?: string, on = host) => call(on, "GET", path, { cookie, ip: freshIp() });
const nonceOf = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];

/** A request that reads the zone's state in its session batch: this isolate then knows every new version. */
async function refreshZoneState(cookie: string) {
  const res = await get("/api/v1/me", cookie);
  expect(res.status).toBe(200);
}

let member: string;
beforeAll(async () => {
  member = await demo("enterprise");
});

describe("the page cache", () => {
  it("answers a repeated anonymous page from the cache: no round trip, the same page, a fresh nonce", async () => {
    await refreshZoneState(member);
    const first = await get("/policies?from=page-cache-test");
    const firstBody = await first.text();
    expect(first.status).toBe(200);
    expect(first.headers.get(PAGE_CACHE_HEADER)).toBe("MISS");
    const second = await get("/policies?from=page-cache-test");
    const secondBody = await second.text();
    expect(second.status).toBe(200);
    expect(second.headers.get(PAGE_CACHE_HEADER)).toBe("HIT");
    expect(roundTrips(second)).toEqual({ waves: 0, requests: 0 });
    // The outer middleware's headers are the request's own, not the stored ones.
    expect(second.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
    const [n1, n2] = [nonceOf(first), nonceOf(second)];
    expect(n1 && n2 && n1 !== n2).toBe(true);
    expect(secondBody).toContain(`nonce="${n2}"`);
    expect(secondBody).not.toContain(n1!);
    expect(secondBody.replaceAll(n2!, "N")).toBe(firstBody.replaceAll(n1!, "N"));
  });

  it("caches the public API too, and never a signed-in request", async () => {
    await refreshZoneState(member);
    const path = "/api/v1/finance/products?limit=5";
    await get(path);
    const hit = await get(path);
    expect(hit.headers.get(PAGE_CACHE_HEADER)).toBe("HIT");
    expect(roundTrips(hit).waves).toBe(0);
    expect(hit.headers.get("cache-control")).toBe("no-store");
    expect(hit.headers.get("x-content-type-options")).toBe("nosniff");
    expect(hit.headers.get("content-type")).toContain("application/json");
    const signedIn = await get("/policies?from=page-cache-test", member);
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get(PAGE_CACHE_HEADER)).toBeNull();
    expect(signedIn.headers.get("cache-control")).toContain("no-store");
    expect(roundTrips(signedIn).waves).toBeGreaterThan(0);
  });

  it("renders afresh once a write to the page's area has moved its data version", async () => {
    const db = dbFor(slug);
    await refreshZoneState(member);
    await get("/");
    expect((await get("/")).headers.get(PAGE_CACHE_HEADER)).toBe("HIT");
    const before = await db.select().from(zoneDataVersions).where(eq(zoneDataVersions.area, "policy"));
    // A write to the policy area, as any service's would be: the trigger bumps the version in the same statement.
    const [doc] = await db.select().from(policyDocuments).limit(1);
    await db
      .update(policyDocuments)
      .set({ title: sql`${policyDocuments.title}` })
      .where(eq(policyDocuments.id, doc!.id));
    const after = await db.select().from(zoneDataVersions).where(eq(zoneDataVersions.area, "policy"));
    expect(after[0]!.version).toBe(before[0]!.version + 1);
    await refreshZoneState(member);
    const fresh = await get("/");
    expect(fresh.headers.get(PAGE_CACHE_HEADER)).toBe("MISS");
    expect(roundTrips(fresh).waves).toBeGreaterThan(0);
    // Another area's write leaves the home page's key alone.
    await db.update(zoneDataVersions).set({ version: sql`version + 1` }).where(eq(zoneDataVersions.area, "finance"));
    await refreshZoneState(member);
    expect((await get("/")).headers.get(PAGE_CACHE_HEADER)).toBe("HIT");
  });

  it("never serves a suspended zone's cached page: 503 at once", async () => {
    const { cookie } = await signedInOperator();
    const SLUG = "wdcache-a";
    const zoneHost = `${SLUG}.localhost`;
    const created = await platform(cookie, "POST", "/api/v1/platform/tenants", zoneInput(SLUG, "缓存测试高新区"));
    expect(created.status).toBe(201);
    await get("/", undefined, zoneHost);
    expect((await get("/", undefined, zoneHost)).headers.get(PAGE_CACHE_HEADER)).toBe("HIT");
    const suspended = await platform(cookie, "POST", `/api/v1/platform/tenants/${SLUG}/suspend`);
    expect(suspended.status).toBe(200);
    const res = await get("/", undefined, zoneHost);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("已暂停");
  });
});
