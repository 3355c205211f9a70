/**
 * The router every zone-admin API starts from: zod-openapi with the one validation hook (refusals in
 * the one envelope), and on every route the zone and the zone_admin guard — so a route added to it
 * cannot forget either. Used by 用户管理 (./admin-users-api.ts) and the staff invitations
 * (../../staff/staff-endpoints.ts); zoneStaffRouter below is its twin for APIs all zone staff read.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { validationHook } from "../../../lib/api-errors";
import { requireZone } from "../../../middleware/zone";
import { requireRole } from "../guard";

export function zoneAdminRouter(deps: AppDeps): OpenAPIHono<AppEnv> {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone, requireRole(deps, "zone_admin"));
  return r;
}

/**
 * The same for an API all zone staff read (the 工作台, the 数据看板, indicators, yearly reports): zone
 * and staff guard on every route; with `changesBy: "zone_admin"` every method but GET is the zone
 * admin's, refused before the body is read.
 */
export function zoneStaffRouter(deps: AppDeps, opts: { changesBy?: "zone_admin" } = {}): OpenAPIHono<AppEnv> {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone, requireRole(deps, "zone_admin", "reviewer"));
  if (opts.changesBy) {
    const adminOnly = requireRole(deps, opts.changesBy);
    r.use("*", (c, next) => (c.req.method === "GET" ? next() : adminOnly(c, next)));
  }
  return r;
}
