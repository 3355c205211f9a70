/**
 * Zone admin's policy pages (mounted at /admin/policies): the versions with their
 * JSON, a preview of a new set and publishing it; staff (zone_admin and reviewer)
 * also see which enterprises match a programme.
 */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { requireZone } from "../../../middleware/zone";
import { pageGuard } from "../../auth/page-forms";
import { policyBodyLimit } from "../policy-body-limit";
import { adminMatchesPage } from "./admin-matches";
import { adminProgrammeFormPages } from "./admin-programme-form";
import { adminPublishPages } from "./admin-publish";
import { adminVersionsPages } from "./admin-versions";

export function policyAdminPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const admin = pageGuard(deps, "zone_admin");
  r.use("*", requireZone);
  r.use("/", admin);
  r.use("/download/*", admin);
  r.use("/preview", admin, policyBodyLimit);
  r.use("/preview/*", admin, policyBodyLimit);
  r.use("/publish", admin, policyBodyLimit);
  r.use("/programmes/*", pageGuard(deps, "zone_admin", "reviewer"));
  r.route("/", adminVersionsPages(deps));
  r.route("/", adminPublishPages(deps));
  r.route("/", adminMatchesPage(deps));
  r.route("/", adminProgrammeFormPages(deps));
  return r;
}
