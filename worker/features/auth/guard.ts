/**
 * Authorization guards. Deny by default: a route states the roles it admits;
 * anything else is refused and the refusal is written to the audit log.
 *
 * Every guard also checks the actor's organisation (docs/decisions/0012): a
 * `bank` user acts for its bank, an `enterprise` user with an enterprise for that
 * enterprise, and a suspended (or vanished) organisation admits nothing. The
 * check lives here, not in the routes, so a route gets it by using a guard at all.
 * Only the person's own account (who am I, change password) stays open.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { User } from "lucia";
import type { AppDeps, AppEnv, SignedIn } from "../../env";
import { AppError } from "../../lib/errors";
import type { Role } from "../../db/schema";
import { recordAudit } from "../audit/audit";
import { isPasswordExpired } from "./password";

/** The signed-in user of a request that passed a guard. */
export function signedIn(c: Context<AppEnv>): SignedIn {
  const auth = c.get("auth");
  if (!auth) throw new AppError("unauthenticated", "请先登录。");
  return auth;
}

const PASSWORD_EXPIRED_MESSAGE = "本园区要求每 90 天更换一次密码(等保 2.0)。你的密码已到期,请先修改密码。";

type OrganisationKind = "bank" | "enterprise";

export const ORGANISATION_SUSPENDED: Record<OrganisationKind, string> = {
  bank: "你所属的金融机构在本园区的服务已暂停,请联系园区管理员。",
  enterprise: "你所属的企业在本园区的服务已暂停,请联系园区管理员。",
};
const ORGANISATION_MISSING: Record<OrganisationKind, string> = {
  bank: "找不到你所属的金融机构,请联系园区管理员。",
  enterprise: "找不到你所属的企业,请联系园区管理员。",
};

/** The organisation a user acts for; null for zone staff and for applicants (no enterprise yet). */
function organisationOf(
  user: Pick<User, "role" | "enterpriseId" | "bankId">,
): { kind: OrganisationKind; id: string } | null {
  if (user.role === "bank" && user.bankId) return { kind: "bank", id: user.bankId };
  if (user.role === "enterprise" && user.enterpriseId) return { kind: "enterprise", id: user.enterpriseId };
  return null;
}

/** Why a user may not act for its organisation, given that organisation's status (null: it has none). */
function refusalFor(
  user: Pick<User, "role" | "enterpriseId" | "bankId">,
  status: string | null,
): { reason: "suspended" | "no_organisation"; message: string } | null {
  const org = organisationOf(user);
  if (!org) return null;
  if (status === null || status === "missing")
    return { reason: "no_organisation", message: ORGANISATION_MISSING[org.kind] };
  if (status !== "active") return { reason: "suspended", message: ORGANISATION_SUSPENDED[org.kind] };
  return null;
}

/**
 * Why the signed-in user may not act for its organisation right now, or null when they may (or
 * act for none). The status was read with the session, in the request's first batch
 * (middleware/session.ts), not carried in the session: suspending takes effect at once for
 * sessions opened earlier as well.
 */
export function organisationRefusalOf(
  auth: SignedIn,
): { reason: "suspended" | "no_organisation"; message: string } | null {
  return refusalFor(auth.user, auth.organisationStatus);
}

interface GuardOptions {
  /**
   * The person's own account (who am I, change password): open to an expired password
   * and to a suspended organisation's user.
   */
  ownAccount: boolean;
}

function guard(deps: AppDeps, roles: readonly Role[], { ownAccount }: GuardOptions) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const auth = c.get("auth");
    if (!auth) throw new AppError("unauthenticated", "请先登录。");
    const site = c.get("site");
    const deny = async (detail: Record<string, string>, message: string): Promise<never> => {
      if (site.kind === "zone") {
        await recordAudit(
          site.db,
          {
            actorId: auth.user.id,
            actor: auth.user.email,
            action: "authz.denied",
            target: `${c.req.method} ${c.req.path}`,
            result: "denied",
            ip: deps.clientIp(c),
            detail: { role: auth.user.role, ...detail },
          },
          deps.now(),
        );
      }
      throw new AppError("forbidden", message);
    };
    // 等保 rotation: an expired password admits nothing but changing it (and signing out). An API token
    // is a credential of its own with its own expiry (≤ 365 days): its maker's password does not stop it.
    if (
      !ownAccount &&
      auth.token === null &&
      site.kind === "zone" &&
      isPasswordExpired(new Date(auth.user.passwordChangedAt), deps.now(), site.zone.security.dengbao)
    ) {
      throw new AppError("forbidden", PASSWORD_EXPIRED_MESSAGE);
    }
    if (roles.length > 0 && !roles.includes(auth.user.role)) await deny({}, "你的账号没有权限进行这个操作。");
    if (!ownAccount && site.kind === "zone") {
      const refusal = organisationRefusalOf(auth);
      if (refusal) await deny({ reason: refusal.reason, organisation: organisationOf(auth.user)!.id }, refusal.message);
    }
    await next();
  });
}

/** Signed in with one of the roles (any role when none are named), acting for an active organisation. */
export const requireRole = (deps: AppDeps, ...roles: Role[]) => guard(deps, roles, { ownAccount: false });

/**
 * Any signed-in user, acting for an active organisation. `allowExpiredPassword`
 * marks the few routes about the person's own account (who am I, change
 * password): they stay open to an expired password and equally to the user of a
 * suspended organisation, who must still be able to see who they are.
 */
export const requireSignedIn = (deps: AppDeps, opts: { allowExpiredPassword?: boolean } = {}) =>
  guard(deps, [], { ownAccount: opts.allowExpiredPassword ?? false });
