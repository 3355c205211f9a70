/**
 * The zone admin's bank institutions API, mounted at /api/v1/admin/banks: register,
 * list, detail, invite staff, revoke, suspend/reactivate. zone_admin only.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { validationHook } from "../../../lib/api-errors";
import { requireZone } from "../../../middleware/zone";
import { requireRole } from "../../auth/guard";
import { bankEndpoints, bankStatusEndpoints } from "./bank-endpoints";
import { staffInvitationEndpoints } from "./staff-invitation-endpoints";

export function adminBanksApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone, requireRole(deps, "zone_admin"));
  bankEndpoints(r, deps);
  staffInvitationEndpoints(r, deps);
  bankStatusEndpoints(r, deps);
  return r;
}
