/**
 * Who may use the enterprise profile. A member is an `enterprise` user whose
 * enterprise_id is set (an applicant has none yet and sees only its application);
 * whether that enterprise is active is the role guard's check (auth/guard.ts),
 * as for every organisation. Staff are zone_admin and reviewer. Refusals are
 * audited like every other guard's.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppDeps, AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { zoneOf } from "../../middleware/zone";
import { recordAudit } from "../audit/audit";
import { requireRole, signedIn } from "../auth/guard";

export function requireMember(deps: AppDeps) {
  const byRole = requireRole(deps, "enterprise");
  return createMiddleware<AppEnv>((c, next) =>
    byRole(c, async () => {
      const { user } = signedIn(c);
      if (!user.enterpriseId) {
        await recordAudit(
          zoneOf(c).db,
          {
            actorId: user.id,
            actor: user.email,
            action: "authz.denied",
            target: `${c.req.method} ${c.req.path}`,
            result: "denied",
            ip: deps.clientIp(c),
            detail: { reason: "applicant" },
          },
          deps.now(),
        );
        throw new AppError("forbidden", "你的入驻申请通过后才能使用企业资料。请在“我的申请”查看审核进度。");
      }
      await next();
    }),
  );
}

export const requireStaff = (deps: AppDeps) => requireRole(deps, "zone_admin", "reviewer");

/** The member's enterprise, for a request that passed requireMember. */
export function memberOf(c: Context<AppEnv>): { enterpriseId: string } {
  const { user } = signedIn(c);
  if (!user.enterpriseId) throw new AppError("forbidden", "你的账号不属于任何企业。");
  return { enterpriseId: user.enterpriseId };
}

/**
 * For a member's pages: anonymous visitors (and timed-out sessions) are sent to
 * 登录 rather than shown a 401; other accounts get requireMember's 403 page; the
 * response is private to this browser (the enterprise's own data).
 */
export function requireMemberPage(deps: AppDeps) {
  const member = requireMember(deps);
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!c.get("auth")) return c.redirect("/login", 303);
    c.header("Cache-Control", "private, no-store");
    return member(c, next);
  });
}
