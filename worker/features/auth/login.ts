/**
 * Password sign-in. Unknown account, wrong password, locked or disabled account
 * all get the same error, body and (roughly) time: a dummy PBKDF2 runs when
 * there is no hash to check. Only the per-IP limit answers differently (429),
 * which reveals nothing about any account.
 *
 * During a lock the password is still checked (the same cost as always), but
 * only to decide what to record: the owner's right password is refused without
 * counting as a failure, so waiting out a lock while trying to sign in never
 * prolongs it. The answer stays the generic one: telling "right password, but
 * locked" apart would let a guesser carry on through the lock.
 */
import { eq } from "drizzle-orm";
import { securitySchema, type ZoneSecurity } from "../../../tenants/schema";
import { users } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { auditInsert } from "../audit/audit";
import { burnPasswordCheck, hashPassword, isPasswordExpired, verifyPassword } from "./password";
import { attemptInsert, lockedUntilFrom, lockFailures, lockReads, recentAttemptsCount } from "./attempts";
import type { RequestCtx } from "../../middleware/request-ctx";

/**
 * One message for every refused sign-in. It states when a lock ends in the zone's
 * own numbers rather than the account's time, which would tell anyone that the
 * address is registered (and locked).
 */
function loginFailedMessage(security: ZoneSecurity): string {
  const { attempts, lockMinutes } = security.lockout;
  return (
    `邮箱或密码不正确,或账号暂时不能登录。连续 ${attempts} 次密码错误后账号会被锁定,` +
    `在最后一次错误 ${lockMinutes} 分钟后自动解除;通过“忘记密码”重置密码后,或请园区管理员解除锁定,可以立即登录。`
  );
}

/** The message under the default lockout rules (every demo zone's), for tests that read it off a page. */
export const LOGIN_FAILED_MESSAGE = loginFailedMessage(securitySchema.parse({}));

interface LoginInput {
  email: string;
  password: string;
  remember: boolean;
}

export async function loginWithPassword(
  { db, zone, auth, now, ip, userAgent }: Pick<RequestCtx, "db" | "zone" | "auth" | "now" | "ip" | "userAgent">,
  input: LoginInput,
  /** The stored id of the session this browser is signed in with: ended in the same write batch. */
  replacing: string | null = null,
) {
  const email = input.email.trim().toLowerCase();
  const { ipLimit } = zone.security;
  // One round trip for every read: the address's recent failures, the account, and its lock state
  // (read for every email, known or not, so both paths make the same queries).
  const [[ipFailures], [user], ...lock] = await db.batch([
    recentAttemptsCount(db, { kind: "login", ip, failuresOnly: true }, ipLimit.windowMinutes, now),
    db.select().from(users).where(eq(users.email, email)).limit(1),
    ...lockReads(db, email, zone.security, now),
  ]);
  if ((ipFailures?.n ?? 0) >= ipLimit.attempts) {
    throw new AppError(
      "rate_limited",
      `这个网络地址的登录失败次数过多,请 ${ipLimit.windowMinutes} 分钟后再试。`,
      undefined,
      { retryAfterSeconds: ipLimit.windowMinutes * 60 },
    );
  }
  const failures = lockFailures(lock as [unknown, Array<{ at: number }>]);
  const freshStartAt = (lock[0] as Array<{ at: number | null }>)[0]?.at ?? null;
  const lockedUntil = lockedUntilFrom(failures, freshStartAt, zone.security, now);
  const check = user
    ? await verifyPassword(input.password, user.passwordHash)
    : await burnPasswordCheck(input.password).then(() => null);
  const ok = !!user && !!check?.ok && !lockedUntil && user.status === "active";

  if (!ok) {
    const reason = !user
      ? "unknown_account"
      : lockedUntil
        ? "locked"
        : user.status !== "active"
          ? "disabled"
          : "wrong_password";
    // The owner's right password during a lock is no failure: recording it would extend the lock.
    const rightPasswordWhileLocked = !!lockedUntil && !!check?.ok;
    const audit = auditInsert(
      db,
      {
        actorId: user?.id ?? null,
        actor: user ? email : "anonymous",
        action: "auth.login",
        target: email,
        result: "failed",
        ip,
        detail: lockedUntil
          ? { reason, lockedUntil: lockedUntil.toISOString(), counted: !rightPasswordWhileLocked }
          : { reason },
      },
      now,
    );
    // Whether this failure locks the account follows from the failures read above plus this one:
    // the lockout's audit row joins the same batch rather than waiting for a second read.
    const lockedNow = !lockedUntil && lockedUntilFrom([...failures, now.getTime()], freshStartAt, zone.security, now);
    const lockout =
      user && lockedNow
        ? [
            auditInsert(
              db,
              {
                actorId: user.id,
                actor: "system",
                action: "auth.lockout",
                target: email,
                result: "ok",
                ip,
                detail: { minutes: zone.security.lockout.lockMinutes, until: lockedNow.toISOString() },
              },
              now,
            ),
          ]
        : [];
    await (rightPasswordWhileLocked
      ? db.batch([audit])
      : db.batch([attemptInsert(db, { kind: "login", email, ip, ok: false }, now), audit, ...lockout]));
    throw new AppError("unauthenticated", loginFailedMessage(zone.security));
  }

  const created = await auth.prepare(user.id, { remember: input.remember, now, ip, userAgent });
  // One round trip for every write: the attempt, the audit row, the session, and a stronger hash
  // when the parameters were raised since the stored one was made.
  await db.batch([
    attemptInsert(db, { kind: "login", email, ip, ok: true }, now),
    auditInsert(
      db,
      {
        actorId: user.id,
        actor: email,
        action: "auth.login",
        target: email,
        result: "ok",
        ip,
        detail: { remember: input.remember },
      },
      now,
    ),
    created.insert,
    ...(replacing ? [auth.invalidateQuery(replacing)] : []),
    ...(check?.needsRehash
      ? [
          db
            .update(users)
            .set({ passwordHash: await hashPassword(input.password), updatedAt: now.getTime() })
            .where(eq(users.id, user.id)),
        ]
      : []),
  ]);
  const { session, cookie } = created;
  const mustChangePassword = isPasswordExpired(new Date(user.passwordChangedAt), now, zone.security.dengbao);
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    session,
    cookie,
    mustChangePassword,
  };
}
