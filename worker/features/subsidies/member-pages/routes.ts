/**
 * The enterprise's 政策兑现 pages, at /subsidies: 在线申报 from a programme (a
 * draft prefilled from the enterprise's records), 我的申报, and one application
 * — the form with the live estimate and the materials while it is a draft or
 * returned, where it stands once submitted. Plain forms (hono/csrf): success is
 * a 303; a refusal re-renders the form with the reason and a 4xx.
 */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { requireZone } from "../../../middleware/zone";
import { requireMemberPage } from "../../enterprises/member-guard";
import { applyPage } from "./apply";
import { applicationPage } from "./application";
import { estimateEndpoint } from "./estimate";
import { listPage } from "./list";
import { materialsPage } from "./materials";
import { printPage } from "./print";
import { savePage } from "./save";

export function subsidyMemberPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, requireMemberPage(deps));
  applyPage(r, deps);
  listPage(r, deps);
  applicationPage(r, deps);
  printPage(r, deps);
  savePage(r, deps);
  materialsPage(r, deps);
  estimateEndpoint(r, deps);
  return r;
}
