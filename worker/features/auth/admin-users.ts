/** The zone admin's user management: list, disable/enable, end sessions. Every change is audited. */
import { and, asc, count, eq, gt, max } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { authAttempts, sessions, users } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { auditInsert } from "../audit/audit";
import type { ZoneAuth } from "./sessions";

interface Ctx {
  db: TenantDb;
  now: Date;
  ip: string;
  actor: { id: string; email: string };
}

export async function listZoneUsers({ db, now }: { db: TenantDb; now: Date }) {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const [rows, live, logins] = await db.batch([
    db
      .select({ id: users.id, email: users.email, name: users.name, role: users.role, status: users.status, enterpriseId: users.enterpriseId, bankId: users.bankId })
      .from(users)
      .orderBy(asc(users.role), asc(users.email)),
    db.select({ userId: sessions.userId, n: count() }).from(sessions).where(gt(sessions.expiresAt, nowSeconds)).groupBy(sessions.userId),
    db
      .select({ email: authAttempts.email, at: max(authAttempts.at) })
      .from(authAttempts)
      .where(and(eq(authAttempts.kind, "login"), eq(authAttempts.ok, true)))
      .groupBy(authAttempts.email),
  ]);
  const sessionsBy = new Map(live.map((r) => [r.userId, r.n]));
  const loginBy = new Map(logins.map((r) => [r.email, r.at]));
  return rows.map((u) => {
    const last = loginBy.get(u.email);
    return { ...u, activeSessions: sessionsBy.get(u.id) ?? 0, lastLoginAt: last ? new Date(last).toISOString() : null };
  });
}

async function targetUser(db: TenantDb, id: string) {
  const [user] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, id)).limit(1);
  if (!user) throw new AppError("not_found", "本园区没有这个用户。");
  return user;
}

export async function setUserStatus({ db, now, ip, actor, auth }: Ctx & { auth: ZoneAuth }, id: string, status: "active" | "disabled") {
  if (id === actor.id && status === "disabled") throw new AppError("conflict", "不能停用自己的账号;请让另一位园区管理员操作。");
  const user = await targetUser(db, id);
  await db.batch([
    db.update(users).set({ status, updatedAt: now.getTime() }).where(eq(users.id, id)),
    auditInsert(db, { actorId: actor.id, actor: actor.email, action: status === "disabled" ? "user.disabled" : "user.enabled", target: user.email, result: "ok", ip }, now),
  ]);
  if (status === "disabled") await auth.invalidateUser(id);
}

export async function endUserSessions({ db, now, ip, actor, auth }: Ctx & { auth: ZoneAuth }, id: string) {
  const user = await targetUser(db, id);
  await auth.invalidateUser(id);
  await db.batch([auditInsert(db, { actorId: actor.id, actor: actor.email, action: "user.sessions_ended", target: user.email, result: "ok", ip }, now)]);
}
