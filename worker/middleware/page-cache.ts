/**
 * Public pages and APIs, as anonymous visitors read them, served from a cache (docs/decisions/0019):
 * a hit costs no database round trip. The key names everything the response depends on — the host
 * (links carry the zone's origin), the path and query, the day in Beijing (what is open, what has
 * expired), the zone's settings version and the data version of each area the route shows
 * (zone_data_versions, bumped by triggers in the same statement as every write to that area). A
 * change therefore moves the key, never waits for an expiry: the next request after this isolate
 * learns the new version (at once for its own writes to settings, within FRESH_MS for the rest)
 * renders afresh.
 *
 * It runs after the site and the session: a suspended or provisioning zone has answered 503 from
 * the control plane before, and a request carrying a session cookie is never served from or
 * stored in the cache (signed-in responses stay `no-store`). Only a 200 without Set-Cookie is
 * kept. A page's CSP nonce is stored as a placeholder and each answer gets the request's own.
 */
import { createMiddleware } from "hono/factory";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../env";
import { shanghaiDate } from "../lib/calendar";
import type { StoredPage } from "../lib/page-store/page-store";
import { isApiPath } from "./headers";
import { hasSessionCookie } from "./sessions";
import { cachedZoneState, codeZoneOf } from "./zone-settings";

type Area = "policy" | "publicity" | "finance";

/** The routes served from the cache, with the areas whose data they show. Anything else never is. */
const CACHED: ReadonlyArray<readonly [RegExp, readonly Area[]]> = [
  [/^\/$/, ["policy"]],
  [/^\/policies(\/(documents|programmes)\/[^/]+)?$/, ["policy"]],
  [/^\/publicity$/, ["publicity"]],
  [/^\/api\/v1\/policy\/programmes(\/[^/]+)?$/, ["policy"]],
  [/^\/api\/v1\/policies(\/[^/]+)*$/, ["policy"]],
  [/^\/api\/v1\/finance\/products(\/[^/]+)?$/, ["finance"]],
];

/** The handler's own headers worth keeping; the rest (security, request id) the outer middleware sets anew. */
const KEPT_HEADERS = ["content-type", "cache-control", "content-language", "etag", "last-modified", "vary"];
const NONCE_PLACEHOLDER = "__yq_nonce__";
/** Header on every zone response from a cacheable route in development: HIT or MISS. */
export const PAGE_CACHE_HEADER = "X-Page-Cache";

export function areasOf(path: string): readonly Area[] | null {
  for (const [pattern, areas] of CACHED) if (pattern.test(path)) return areas;
  return null;
}

export function pageCache(deps: AppDeps) {
  const report = deps.config.DEV_TOOLS === "1";
  return createMiddleware<AppEnv>(async (c, next) => {
    const site = c.get("site");
    if (site.kind !== "zone" || c.req.method !== "GET") return next();
    const areas = areasOf(c.req.path);
    // Any session cookie, valid or not: such a request is someone's, never the cache's.
    if (!areas || c.get("auth") || hasSessionCookie(c.req.header("cookie"))) return next();
    const state = cachedZoneState(codeZoneOf(site.zone), deps.now().getTime());
    if (!state) return next();
    const url = new URL(c.req.url);
    const versions = areas.map((a) => `${a}${state.dataVersions[a] ?? 0}`).join(".");
    const key = [
      site.tenant.slug,
      c.req.header("host") ?? url.host,
      `s${state.settingsVersion}.${versions}`,
      shanghaiDate(deps.now()),
      url.pathname + url.search,
    ].join("|");
    const nonce = c.get("secureHeadersNonce");
    const hit = await deps.pageStore.get(key);
    if (hit) {
      const body = nonce ? hit.body.replaceAll(NONCE_PLACEHOLDER, nonce) : hit.body;
      // Through c.body, so the headers the outer middleware set before (request id, API headers) are merged.
      for (const [name, value] of hit.headers) c.header(name, value);
      if (report) c.header(PAGE_CACHE_HEADER, "HIT");
      return c.body(body, hit.status as ContentfulStatusCode);
    }
    await next();
    const res = c.res;
    if (res.status !== 200 || res.headers.has("set-cookie")) return;
    // A page that said it must not be kept (a token in it) is not; the API's blanket no-store is the default.
    if (!isApiPath(c.req.path) && /no-store|private/.test(res.headers.get("cache-control") ?? "")) return;
    const text = await res.clone().text();
    const page: StoredPage = {
      status: res.status,
      headers: KEPT_HEADERS.flatMap((h) => {
        const v = res.headers.get(h);
        return v === null ? [] : [[h, v] as [string, string]];
      }),
      body: nonce ? text.replaceAll(nonce, NONCE_PLACEHOLDER) : text,
    };
    const put = deps.pageStore.put(key, page).catch((err) => {
      console.warn(JSON.stringify({ level: "warn", event: "page_cache_put_failed", error: String(err) }));
    });
    try {
      c.executionCtx.waitUntil(put);
    } catch {
      await put;
    }
    if (report) c.res.headers.set(PAGE_CACHE_HEADER, "MISS");
  });
}
