/**
 * 政策兑现 for the zone's staff (zone_admin and reviewer), at /admin/subsidies:
 * the queue per stage with filters and counts, one application with its
 * actions, the dashboard, and the CSV export. Anonymous visitors go to 登录,
 * other roles get the 403 page; every page is private to the person who asked for it.
 */
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppDeps, AppEnv } from "../../../env";
import { requireZone } from "../../../middleware/zone";
import { requireRole } from "../../auth/guard";
import { pageGuard } from "../../auth/page-forms";
import { applicationPage } from "./application-page";
import { commentAction } from "./comments";
import { dashboardPage } from "./dashboard";
import { exportCsv } from "./export";
import { paymentAction } from "./payments";
import { printPage } from "./print";
import { moveStageAction } from "./move-stage";
import { queuePage } from "./queue";
import { resolveObjectionAction } from "./resolve-objection";
import { reviewAction } from "./review";

/** Applications, objectors' contacts and payments: for this person only, never a shared cache. */
const privatePage = createMiddleware<AppEnv>(async (c, next) => {
  c.header("Cache-Control", "private, no-store");
  await next();
});

export function subsidyStaffPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, pageGuard(deps, "zone_admin", "reviewer"), privatePage);
  const adminOnly = requireRole(deps, "zone_admin");
  queuePage(r, deps);
  applicationPage(r, deps);
  printPage(r, deps);
  reviewAction(r, deps);
  paymentAction(r, deps, adminOnly);
  commentAction(r, deps);
  resolveObjectionAction(r, deps, adminOnly);
  moveStageAction(r, deps, adminOnly);
  dashboardPage(r, deps);
  exportCsv(r, deps);
  return r;
}
