/**
 * An operator's password sign-in, with the zones' protections (features/auth/login.ts):
 * one answer for an unknown address, a wrong password, a locked or disabled account; a
 * dummy PBKDF2 when there is no hash to check; account lockout and a per-IP limit counted
 * in operator_attempts (isolates share no memory). Every attempt lands in platform_audit.
 */
import { and, count, desc, eq, gt, max } from "drizzle-orm";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import { operatorAttempts, operators } from "../../db/platform-schema";
import { platformAuditInsert } from "../../control-plane/platform-audit";
import { AppError } from "../../lib/errors";
import { lockedUntilFrom } from "../auth/attempts";
import { burnPasswordCheck, hashPassword, verifyPassword } from "../auth/password";
import { OPERATOR_SECURITY, type OperatorAuth } from "./operator-sessions";

export const OPERATOR_LOGIN_FAILED =
  `邮箱或密码不正确,或账号暂时不能登录。连续 ${OPERATOR_SECURITY.lockout.attempts} 次密码错误后账号会被锁定,` +
  `在最后一次错误 ${OPERATOR_SECURITY.lockout.lockMinutes} 分钟后自动解除。`;

export interface SignInOperatorOptions {
  db: LibSQLDatabase;
  auth: OperatorAuth;
  email: string;
  password: string;
  remember: boolean;
  now: Date;
  ip: string;
  userAgent: string | null;
}

/** Until when the address is locked (one round trip), judged as the zones judge it. */
async function lockedUntil(db: LibSQLDatabase, email: string, now: Date): Promise<Date | null> {
  const { lockMinutes, windowMinutes } = OPERATOR_SECURITY.lockout;
  const [[start], failures] = await db.batch([
    db
      .select({ at: max(operatorAttempts.at) })
      .from(operatorAttempts)
      .where(and(eq(operatorAttempts.email, email), eq(operatorAttempts.ok, true))),
    db
      .select({ at: operatorAttempts.at })
      .from(operatorAttempts)
      .where(
        and(
          eq(operatorAttempts.email, email),
          eq(operatorAttempts.ok, false),
          gt(operatorAttempts.at, now.getTime() - (lockMinutes + windowMinutes) * 60_000),
        ),
      )
      .orderBy(desc(operatorAttempts.at))
      .limit(500),
  ]);
  return lockedUntilFrom(
    failures.map((f) => f.at),
    start?.at ?? null,
    OPERATOR_SECURITY,
    now,
  );
}

export async function signInOperator(o: SignInOperatorOptions): Promise<{
  operator: { id: string; email: string; name: string };
  cookie: string;
}> {
  const { db, now, ip } = o;
  const email = o.email.trim().toLowerCase();
  const { ipLimit } = OPERATOR_SECURITY;
  const [ipFailures] = await db
    .select({ n: count() })
    .from(operatorAttempts)
    .where(
      and(
        eq(operatorAttempts.ip, ip),
        eq(operatorAttempts.ok, false),
        gt(operatorAttempts.at, now.getTime() - ipLimit.windowMinutes * 60_000),
      ),
    );
  if ((ipFailures?.n ?? 0) >= ipLimit.attempts) {
    throw new AppError(
      "rate_limited",
      `这个网络地址的登录失败次数过多,请 ${ipLimit.windowMinutes} 分钟后再试。`,
      undefined,
      { retryAfterSeconds: ipLimit.windowMinutes * 60 },
    );
  }

  const [row] = await db.select().from(operators).where(eq(operators.email, email)).limit(1);
  const locked = await lockedUntil(db, email, now);
  const check = row
    ? await verifyPassword(o.password, row.passwordHash)
    : await burnPasswordCheck(o.password).then(() => null);
  const ok = !!row && !!check?.ok && !locked && row.status === "active";
  const actor = { id: row?.id ?? null, label: row ? email : "anonymous", ip };

  if (!ok) {
    const reason = !row
      ? "unknown_account"
      : locked
        ? "locked"
        : row.status !== "active"
          ? "disabled"
          : "wrong_password";
    // The owner's right password during a lock is no failure: counting it would extend the lock.
    const counted = !(locked && check?.ok);
    const audit = platformAuditInsert(db, {
      actor,
      action: "operator.login",
      target: email,
      result: "failed",
      detail: locked ? { reason, lockedUntil: locked.toISOString(), counted } : { reason },
      nowMs: now.getTime(),
    });
    await (counted
      ? db.batch([db.insert(operatorAttempts).values({ email, ip, ok: false, at: now.getTime() }), audit])
      : db.batch([audit]));
    throw new AppError("unauthenticated", OPERATOR_LOGIN_FAILED);
  }

  await db.batch([
    db.insert(operatorAttempts).values({ email, ip, ok: true, at: now.getTime() }),
    platformAuditInsert(db, {
      actor,
      action: "operator.login",
      target: email,
      result: "ok",
      detail: { remember: o.remember },
      nowMs: now.getTime(),
    }),
    // Upgrade the stored hash when the parameters were raised since it was made.
    ...(check?.needsRehash
      ? [
          db
            .update(operators)
            .set({ passwordHash: await hashPassword(o.password), updatedAt: now.getTime() })
            .where(eq(operators.id, row.id)),
        ]
      : []),
  ]);
  const cookie = await o.auth.create(row.id, { remember: o.remember, now, ip, userAgent: o.userAgent });
  return { operator: { id: row.id, email: row.email, name: row.name }, cookie };
}
