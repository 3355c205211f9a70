/**
 * Zone staff's policy JSON API (mounted at /api/v1/admin/policy): versions (list,
 * read one, preview, publish) for zone admins, and a programme's matching
 * enterprises for admins and reviewers. The same services back the admin pages
 * and `npm run policy:publish`.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { validationHook } from "../../../lib/api-errors";
import { requireZone } from "../../../middleware/zone";
import { requireRole } from "../../auth/guard";
import { policyBodyLimit } from "../policy-body-limit";
import { adminMatchesApi } from "./admin-matches";
import { adminPublishApi } from "./admin-publish";
import { adminVersionsApi } from "./admin-versions";

export function adminPolicyApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const admin = requireRole(deps, "zone_admin");
  r.use("*", requireZone);
  r.use("/versions", admin, policyBodyLimit);
  r.use("/versions/*", admin, policyBodyLimit);
  r.use("/previews", admin, policyBodyLimit);
  r.use("/programmes/*", requireRole(deps, "zone_admin", "reviewer"));
  r.route("/", adminVersionsApi(deps));
  r.route("/", adminPublishApi(deps));
  r.route("/", adminMatchesApi(deps));
  return r;
}
