/**
 * The policy pages everyone uses (mounted at /policies): 政策纵览, one programme
 * with 政策计算器, 政策匹配 for an enterprise member, and each policy document.
 */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { requireZone } from "../../../middleware/zone";
import { oldDocumentUrls } from "./moved-pages";
import { requireMemberPage } from "../../enterprises/member-guard";
import { documentPage } from "./document";
import { matchPage } from "./match";
import { overviewPage } from "./overview";
import { programmePage } from "./programme";

export function policyPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, oldDocumentUrls);
  // 政策匹配 sends anonymous visitors to 登录; other accounts get the guard's 403 page.
  r.use("/match", requireMemberPage(deps));
  r.route("/", overviewPage(deps));
  r.route("/", programmePage(deps));
  r.route("/", matchPage(deps));
  r.route("/", documentPage(deps));
  return r;
}
