/**
 * The Worker's page store: the Cache API (`caches.default`) of the Cloudflare location serving
 * the request. Entries are per location and may be evicted at any time; a miss just renders the
 * page. Keys are URLs on a host no one can request, so a stored page is reachable only through
 * this store, never by a visitor's URL.
 */
import type { PageStore } from "./page-store";

const KEY_ORIGIN = "https://page-store.yuanqu.invalid/";
/** A key names its versions, so an entry is never stale: a day bounds what a location keeps. */
const KEEP_SECONDS = 86_400;

export function cacheApiPageStore(cache: Cache): PageStore {
  const url = (key: string) => KEY_ORIGIN + encodeURIComponent(key);
  return {
    async get(key) {
      const res = await cache.match(url(key));
      if (!res) return undefined;
      const headers = JSON.parse(res.headers.get("x-page-headers") ?? "[]") as Array<[string, string]>;
      return { status: Number(res.headers.get("x-page-status") ?? res.status), headers, body: await res.text() };
    },
    async put(key, page) {
      const res = new Response(page.body, {
        headers: {
          "Cache-Control": `public, max-age=${KEEP_SECONDS}`,
          "x-page-status": String(page.status),
          "x-page-headers": JSON.stringify(page.headers),
        },
      });
      await cache.put(url(key), res);
    },
  };
}
