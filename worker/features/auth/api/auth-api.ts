/** The JSON API of sign-in and password resets, mounted at /api/v1/auth (public: no session needed). */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { validationHook } from "../../../lib/api-errors";
import { requireZone } from "../../../middleware/zone";
import { resetEndpoints } from "./reset-endpoints";
import { sessionEndpoints } from "./session-endpoints";

export function authApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone);
  sessionEndpoints(r, deps);
  resetEndpoints(r, deps);
  return r;
}
