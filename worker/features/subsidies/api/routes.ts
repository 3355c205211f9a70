/**
 * The subsidy (政策兑现) JSON API, as two routers at their own prefixes. Every
 * route states who may use it: members of an admitted enterprise apply (their
 * own applications only — another enterprise's id answers 404 as if it did not
 * exist), zone staff review and see the queue, zone admins approve payments,
 * record them and resolve objections; the 公示 list and lodging an objection
 * are public. The endpoints (./*.ts) only translate HTTP: the rules are the
 * services' (../*.ts), shared with the pages.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { validationHook } from "../../../lib/api-errors";
import { requireZone } from "../../../middleware/zone";
import { requireRole } from "../../auth/guard";
import { commentsEndpoint } from "./comments";
import { createEndpoint } from "./create";
import { dashboardEndpoint } from "./dashboard";
import { detailEndpoint } from "./detail";
import { draftEndpoint } from "./draft";
import { listEndpoint } from "./list";
import { materialsEndpoint } from "./materials";
import { moveStageEndpoint } from "./move-stage";
import { paymentsEndpoint } from "./payments";
import { publicityEndpoints } from "./publicity";
import { resolveObjectionEndpoint } from "./resolve-objection";
import { reviewEndpoint } from "./review";
import { subsidyGuards } from "./shared";
import { submitEndpoint } from "./submit";

/** /api/v1/subsidies: applications (members, and staff acting on them) and the public 公示. */
export function subsidyApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone);
  const g = subsidyGuards(deps);
  createEndpoint(r, deps, g);
  listEndpoint(r, deps, g);
  detailEndpoint(r, deps, g);
  draftEndpoint(r, deps, g);
  materialsEndpoint(r, deps, g);
  commentsEndpoint(r, deps, g);
  submitEndpoint(r, deps, g);
  reviewEndpoint(r, deps, g);
  paymentsEndpoint(r, deps, g);
  publicityEndpoints(r, deps);
  return r;
}

/** /api/v1/admin/subsidies: zone staff only (objections, the dashboard, moving out of a removed stage). */
export function subsidyAdminApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone, requireRole(deps, "zone_admin", "reviewer"));
  resolveObjectionEndpoint(r, deps, subsidyGuards(deps));
  dashboardEndpoint(r, deps);
  moveStageEndpoint(r, deps, subsidyGuards(deps));
  return r;
}
