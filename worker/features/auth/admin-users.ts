/** The zone admin's user management: list, disable/enable, end sessions, unlock. Every change is audited. */
import { and, asc, count, eq, gt, max } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { authAttempts, sessions, users } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { auditInsert } from "../audit/audit";
import { accountLockedUntil, lockedAccounts, unlockInsert } from "./attempts";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";

/** What every change here needs: who acts, from where, when. */
type AdminCtx = Pick<RequestCtx<Actor>, "db" | "now" | "ip" | "actor">;

export async function listZoneUsers({ db, now, zone }: Pick<RequestCtx, "db" | "now" | "zone">) {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  // Two round trips side by side: the lock check is lockedAccounts' own batch.
  const [[rows, live, logins], lockedBy] = await Promise.all([
    db.batch([
      db
        .select({
          id: users.id,
          email: users.email,
          name: users.name,
          role: users.role,
          status: users.status,
          enterpriseId: users.enterpriseId,
          bankId: users.bankId,
        })
        .from(users)
        .orderBy(asc(users.role), asc(users.email)),
      db
        .select({ userId: sessions.userId, n: count() })
        .from(sessions)
        .where(gt(sessions.expiresAt, nowSeconds))
        .groupBy(sessions.userId),
      db
        .select({ email: authAttempts.email, at: max(authAttempts.at) })
        .from(authAttempts)
        .where(and(eq(authAttempts.kind, "login"), eq(authAttempts.ok, true)))
        .groupBy(authAttempts.email),
    ]),
    lockedAccounts(db, zone.security, now),
  ]);
  const sessionsBy = new Map(live.map((r) => [r.userId, r.n]));
  const loginBy = new Map(logins.map((r) => [r.email, r.at]));
  return rows.map((u) => {
    const last = loginBy.get(u.email);
    const lockedUntil = lockedBy.get(u.email);
    return {
      ...u,
      activeSessions: sessionsBy.get(u.id) ?? 0,
      lastLoginAt: last ? new Date(last).toISOString() : null,
      lockedUntil: lockedUntil?.toISOString() ?? null,
    };
  });
}

async function targetUser(db: TenantDb, id: string) {
  const [user] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, id)).limit(1);
  if (!user) throw new AppError("not_found", "本园区没有这个用户。");
  return user;
}

export async function setUserStatus(
  { db, now, ip, actor, auth }: AdminCtx & Pick<RequestCtx, "auth">,
  id: string,
  status: "active" | "disabled",
) {
  if (id === actor.id && status === "disabled")
    throw new AppError("conflict", "不能停用自己的账号;请让另一位园区管理员操作。");
  const user = await targetUser(db, id);
  await db.batch([
    db.update(users).set({ status, updatedAt: now.getTime() }).where(eq(users.id, id)),
    auditInsert(
      db,
      {
        actorId: actor.id,
        actor: actor.email,
        action: status === "disabled" ? "user.disabled" : "user.enabled",
        target: user.email,
        result: "ok",
        ip,
      },
      now,
    ),
  ]);
  if (status === "disabled") await auth.invalidateUser(id);
}

export async function endUserSessions({ db, now, ip, actor, auth }: AdminCtx & Pick<RequestCtx, "auth">, id: string) {
  const user = await targetUser(db, id);
  await auth.invalidateUser(id);
  await db.batch([
    auditInsert(
      db,
      { actorId: actor.id, actor: actor.email, action: "user.sessions_ended", target: user.email, result: "ok", ip },
      now,
    ),
  ]);
}

/**
 * 解除锁定: failures before now no longer count, so the owner can sign in at
 * once. Harmless on an account that is not locked (it also clears failures that
 * have not locked it yet); the audit records whether a lock was in force.
 */
export async function unlockUser({ db, now, ip, actor, zone }: AdminCtx & Pick<RequestCtx, "zone">, id: string) {
  const user = await targetUser(db, id);
  const lockedUntil = await accountLockedUntil(db, user.email, zone.security, now);
  await db.batch([
    unlockInsert(db, user.email, ip, now),
    auditInsert(
      db,
      {
        actorId: actor.id,
        actor: actor.email,
        action: "auth.unlock",
        target: user.email,
        result: "ok",
        ip,
        detail: { lockedUntil: lockedUntil?.toISOString() ?? null },
      },
      now,
    ),
  ]);
}
