/**
 * The router every zone-admin API starts from: zod-openapi with the one validation hook (refusals in
 * the one envelope), and on every route the zone and the zone_admin guard — so a route added to it
 * cannot forget either. Used by 用户管理 (./admin-users-api.ts) and the staff invitations
 * (../../staff/staff-endpoints.ts).
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
