/**
 * The platform API, mounted at /api/v1/platform: the bare root host only (404 on a zone's
 * host), operators only (401 otherwise). Both checks run as router middleware, before any
 * route's validator reads the body, so an anonymous request learns nothing about its input.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { validationHook } from "../../../lib/api-errors";
import { requireOperator, requirePlatform } from "../operator-context";
import { tenantActionEndpoints } from "./tenant-actions";
import { tenantEndpoints } from "./tenants";

export function platformApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requirePlatform);
  r.use("*", requireOperator(deps));
  tenantEndpoints(r, deps);
  tenantActionEndpoints(r, deps);
  return r;
}
