/**
 * Resolves the request's host to a zone (with its own database), the platform
 * site, or nothing. Nothing is a 404 right here: no later handler can ever run
 * for an unknown host, so there is no default tenant by construction.
 */
import { createMiddleware } from "hono/factory";
import type { AppDeps, AppEnv } from "../env";
import { openTenantDb, type TenantDb } from "../db/open";
import { AppError } from "../lib/errors";
import { resolveSite } from "../lib/host";
import { loadZone } from "./zone-settings";

export function siteMiddleware(deps: AppDeps) {
  const roots = deps.config.ROOT_DOMAINS;
  const hasZone = (slug: string) => deps.zones.has(slug);
  return createMiddleware<AppEnv>(async (c, next) => {
    // workerd's SELF.fetch sends no Host header; the URL's host is then the only source.
    const host = c.req.header("host") ?? new URL(c.req.url).host;
    const ref = resolveSite(host, roots, hasZone);
    if (ref.kind === "none") {
      throw new AppError("zone_not_found", "这个地址没有对应的园区。请检查网址,或联系平台运营方。");
    }
    if (ref.kind === "platform") {
      c.set("site", { kind: "platform" });
    } else {
      const code = deps.zones.get(ref.slug)!;
      // Opened on first use: a request within 5 s of its isolate's last settings check
      // that never queries (e.g. /api/v1/zone) costs no client.
      let db: TenantDb | undefined;
      const openDb = () => {
        db ??= openTenantDb(deps.openClient(code.slug));
        return db;
      };
      const site = {
        kind: "zone" as const,
        zone: code,
        get db() {
          return openDb();
        },
      };
      // Set before the settings are read, so an outage's 503 page still names the zone.
      c.set("site", site);
      // The zone's own settings applied (middleware/zone-settings.ts: cached per isolate for 5 s).
      site.zone = await loadZone(code, openDb);
    }
    await next();
  });
}
