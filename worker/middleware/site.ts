/**
 * Resolves the request's host to a zone (with its own database), the platform
 * site, or nothing, through the control plane (control-plane/directory.ts).
 * Nothing is a 404 right here: no later handler can ever run for an unknown host,
 * so there is no default tenant by construction. A zone that is suspended, or still
 * being provisioned, answers 503 here the same way: none of its routes (sign-in
 * included) runs, and the zones beside it are untouched.
 */
import { createMiddleware } from "hono/factory";
import { zoneOrigin, type AppDeps, type AppEnv } from "../env";
import { openTenantDb, type TenantDb } from "../db/open";
import { meteredClient, REQUESTS_HEADER, RoundTripMeter, WAVES_HEADER } from "../db/round-trips";
import { AppError } from "../lib/errors";
import type { SchemaCheck } from "./schema-check";
import { cachedZoneState } from "./zone-settings";

export function siteMiddleware(deps: AppDeps, schema: SchemaCheck) {
  return createMiddleware<AppEnv>(async (c, next) => {
    // Resolving reads the platform database: it must be at this code's schema first.
    await schema.platform();
    // workerd's SELF.fetch sends no Host header; the URL's host is then the only source.
    const host = c.req.header("host") ?? new URL(c.req.url).host;
    const ref = await deps.directory.resolve(host);
    let metered: RoundTripMeter | null = null;
    if (ref.kind === "none") {
      throw new AppError("zone_not_found", "这个地址没有对应的园区。请检查网址,或联系平台运营方。");
    }
    if (ref.kind === "platform") {
      c.set("site", { kind: "platform" });
    } else {
      const { tenant } = ref;
      if (tenant.status === "suspended") {
        throw new AppError(
          "zone_suspended",
          `${tenant.name.zh}的园区通服务已暂停,暂时无法访问和登录。如有疑问,请联系园区管委会或平台运营方。`,
          undefined,
          { retryAfterSeconds: 3600 },
        );
      }
      if (tenant.status === "provisioning") {
        throw new AppError("zone_provisioning", `${tenant.name.zh}的园区通正在开通,请稍后再来。`, undefined, {
          retryAfterSeconds: 60,
        });
      }
      await schema.zone(tenant);
      // Opened on first use: a request within 5 s of its isolate's last settings check
      // that never queries (e.g. /api/v1/zone) costs no client.
      let db: TenantDb | undefined;
      // Local development counts the request's round trips (db/round-trips.ts), reported below.
      const meter = deps.config.DEV_TOOLS === "1" ? new RoundTripMeter() : null;
      const openDb = () => {
        if (!db) {
          const client = deps.openClient(tenant.dbName);
          db = openTenantDb(meter ? meteredClient(client, meter) : client);
        }
        return db;
      };
      metered = meter;
      const site = {
        kind: "zone" as const,
        zone: ref.zone,
        tenant,
        origin: zoneOrigin(deps.config, tenant.slug, ref.customHost),
        get db() {
          return openDb();
        },
      };
      // Set before the settings are read, so an outage's 503 page still names the zone.
      c.set("site", site);
      // The zone's own settings as this isolate last saw them; the session middleware brings them up
      // to date (middleware/zone-settings.ts), in the same round trip as the session when there is one.
      site.zone = cachedZoneState(ref.zone, 0)?.zone ?? ref.zone;
    }
    await next();
    if (metered) {
      // After the response exists (errors included): the figures cover every read and write it made.
      c.res.headers.set(WAVES_HEADER, String(metered.waves));
      c.res.headers.set(REQUESTS_HEADER, String(metered.requests));
    }
  });
}
