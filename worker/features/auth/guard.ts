/**
 * Authorization guards. Deny by default: a route states the roles it admits;
 * anything else is refused and the refusal is written to the audit log.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppDeps, AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import type { Role } from "../../db/schema";
import { recordAudit } from "../audit/audit";
import { isPasswordExpired } from "./password";
import type { SignedIn } from "./session-middleware";

/** The signed-in user of a request that passed a guard. */
export function signedIn(c: Context<AppEnv>): SignedIn {
  const auth = c.get("auth");
  if (!auth) throw new AppError("unauthenticated", "请先登录。");
  return auth;
}

export const PASSWORD_EXPIRED_MESSAGE = "本园区要求每 90 天更换一次密码(等保 2.0)。你的密码已到期,请先修改密码。";

function guard(deps: AppDeps, roles: readonly Role[], allowExpiredPassword: boolean) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const auth = c.get("auth");
    if (!auth) throw new AppError("unauthenticated", "请先登录。");
    const site = c.get("site");
    // 等保 rotation: an expired password admits nothing but changing it (and signing out).
    if (!allowExpiredPassword && site.kind === "zone" && isPasswordExpired(new Date(auth.user.passwordChangedAt), deps.now(), site.zone.security.dengbao)) {
      throw new AppError("forbidden", PASSWORD_EXPIRED_MESSAGE);
    }
    if (roles.length > 0 && !roles.includes(auth.user.role)) {
      if (site.kind === "zone") {
        await recordAudit(
          site.db,
          { actorId: auth.user.id, actor: auth.user.email, action: "authz.denied", target: `${c.req.method} ${c.req.path}`, result: "denied", ip: deps.clientIp(c), detail: { role: auth.user.role } },
          deps.now(),
        );
      }
      throw new AppError("forbidden", "你的账号没有权限进行这个操作。");
    }
    await next();
  });
}

/** Signed in with one of the roles (any role when none are named). */
export const requireRole = (deps: AppDeps, ...roles: Role[]) => guard(deps, roles, false);

/** Any signed-in user; `allowExpiredPassword` for the few routes an expired password may use. */
export const requireSignedIn = (deps: AppDeps, opts: { allowExpiredPassword?: boolean } = {}) => guard(deps, [], opts.allowExpiredPassword ?? false);
