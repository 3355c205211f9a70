/**
 * The onboarding JSON API, mounted at /api/v1/onboarding. Applying is public;
 * the API accepts JSON bodies only (middleware/request-guards.ts), so files
 * travel base64-encoded in `materials`. Listing and deciding are for zone staff;
 * an applicant may read its own application and resubmit it once returned for
 * correction (any other answers 404, as if it did not exist).
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../env";
import { validationHook } from "../../lib/api-errors";
import { requireZone } from "../../middleware/zone";
import { applicationApi } from "./api-apply";
import { reviewApi } from "./api-review";

export function onboardingApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone);
  r.route("/", applicationApi(deps));
  r.route("/", reviewApi(deps));
  return r;
}
