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
      const zone = deps.zones.get(ref.slug)!;
      // Opened on first use, so routes that never query (e.g. /api/v1/zone) cost no client.
      let db: TenantDb | undefined;
      c.set("site", {
        kind: "zone",
        zone,
        get db() {
          db ??= openTenantDb(deps.openClient(zone.slug));
          return db;
        },
      });
    }
    await next();
  });
}
