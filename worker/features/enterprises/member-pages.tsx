/**
 * 企业资料 pages for members, mounted at /enterprise: the overview, editing
 * contact details, yearly figures and qualification claims, inviting and
 * removing colleagues. Plain forms (no JavaScript); success redirects (303) back
 * to the overview with a notice; a refusal re-renders the form with what was
 * typed and the reason. This file guards them and assembles the endpoint files.
 */
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppDeps, AppEnv } from "../../env";
import { requireZone } from "../../middleware/zone";
import { figuresPages } from "./figures-pages";
import { memberHomePages } from "./member-home-pages";
import { requireMember } from "./member-guard";
import { profilePages } from "./profile-pages";
import { qualificationClaimPages } from "./qualification-claim-pages";

export function enterpriseMemberPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const member = requireMember(deps);
  // Pages send anonymous visitors to 登录; every other refusal is the guard's 403 page.
  const guard = createMiddleware<AppEnv>(async (c, next) =>
    c.get("auth") ? member(c, next) : c.redirect("/login", 303),
  );
  r.use("*", requireZone, guard);
  r.route("/", memberHomePages(deps));
  r.route("/", profilePages(deps));
  r.route("/", figuresPages(deps));
  r.route("/", qualificationClaimPages(deps));
  return r;
}
