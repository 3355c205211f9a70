/**
 * The policy JSON API (mounted at /api/v1/policy): programmes of the version in
 * force, the public calculator (no sign-in), and 政策找企业 for a member.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { validationHook } from "../../../lib/api-errors";
import { requireZone } from "../../../middleware/zone";
import { requireMember } from "../../enterprises/member-guard";
import { estimateApi } from "./estimate";
import { memberMatchesApi } from "./member-matches";
import { programmesApi } from "./programmes";

export function policyApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone);
  r.use("/matches", requireMember(deps));
  r.route("/", programmesApi(deps));
  r.route("/", estimateApi(deps));
  r.route("/", memberMatchesApi(deps));
  return r;
}
