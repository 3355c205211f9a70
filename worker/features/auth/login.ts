/**
 * Password sign-in. Unknown account, wrong password, locked or disabled account
 * all get the same error, body and (roughly) time: a dummy PBKDF2 runs when
 * there is no hash to check. Only the per-IP limit answers differently (429),
 * which reveals nothing about any account.
 */
import { eq } from "drizzle-orm";
import type { ZoneConfig } from "../../../tenants/schema";
import type { TenantDb } from "../../db/open";
import { users } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { auditInsert } from "../audit/audit";
import { burnPasswordCheck, hashPassword, isPasswordExpired, verifyPassword } from "./password";
import { accountLockedUntil, attemptInsert, countRecentAttempts } from "./attempts";
import type { ZoneAuth } from "./sessions";

export const LOGIN_FAILED_MESSAGE = "邮箱或密码不正确,或账号暂时不能登录。多次失败后账号会被锁定 15 分钟;忘记密码可自助重置或联系园区管理员。";

export interface LoginInput {
  email: string;
  password: string;
  remember: boolean;
}

export async function loginWithPassword(
  { db, zone, auth, now, ip, userAgent }: { db: TenantDb; zone: ZoneConfig; auth: ZoneAuth; now: Date; ip: string; userAgent: string | null },
  input: LoginInput,
) {
  const email = input.email.trim().toLowerCase();
  const { ipLimit } = zone.security;
  if ((await countRecentAttempts(db, { kind: "login", ip, failuresOnly: true }, ipLimit.windowMinutes, now)) >= ipLimit.attempts) {
    throw new AppError("rate_limited", `这个网络地址的登录失败次数过多,请 ${ipLimit.windowMinutes} 分钟后再试。`);
  }

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  // Lock state is read for every email, known or not, so both paths make the same queries.
  const lockedUntil = await accountLockedUntil(db, email, zone.security, now);
  const check = user && !lockedUntil ? await verifyPassword(input.password, user.passwordHash) : (await burnPasswordCheck(input.password), null);
  const ok = !!user && !!check?.ok && user.status === "active";

  if (!ok) {
    const reason = !user ? "unknown_account" : lockedUntil ? "locked" : user.status !== "active" ? "disabled" : "wrong_password";
    await db.batch([
      attemptInsert(db, { kind: "login", email, ip, ok: false }, now),
      auditInsert(db, { actorId: user?.id ?? null, actor: user ? email : "anonymous", action: "auth.login", target: email, result: "failed", ip, detail: { reason } }, now),
    ]);
    const lockedNow = !lockedUntil && (await accountLockedUntil(db, email, zone.security, now));
    if (user && lockedNow) {
      await db.batch([auditInsert(db, { actorId: user.id, actor: "system", action: "auth.lockout", target: email, result: "ok", ip, detail: { minutes: zone.security.lockout.lockMinutes } }, now)]);
    }
    throw new AppError("unauthenticated", LOGIN_FAILED_MESSAGE);
  }

  const writes = [
    attemptInsert(db, { kind: "login", email, ip, ok: true }, now),
    auditInsert(db, { actorId: user.id, actor: email, action: "auth.login", target: email, result: "ok", ip, detail: { remember: input.remember } }, now),
  ] as const;
  // Upgrade the stored hash when the parameters were raised since it was made.
  if (check?.needsRehash) {
    await db.batch([...writes, db.update(users).set({ passwordHash: await hashPassword(input.password), updatedAt: now.getTime() }).where(eq(users.id, user.id))]);
  } else {
    await db.batch(writes);
  }
  const { session, cookie } = await auth.create(user.id, { remember: input.remember, now, ip, userAgent });
  const mustChangePassword = isPasswordExpired(new Date(user.passwordChangedAt), now, zone.security.dengbao);
  return { user: { id: user.id, email: user.email, name: user.name, role: user.role }, session, cookie, mustChangePassword };
}
