/**
 * Password resets: requested by the user (self-service link by email) or issued
 * by a zone admin (the seeds' way: "请联系园区管理员重置密码"; the admin passes the
 * link on and never sees or sets a password). Links are built from the zone's
 * configured origin, never from the request's Host header.
 */
import { and, eq } from "drizzle-orm";
import { CHAINED, onlyIfChanged } from "../../db/only-if-changed";
import type { ZoneConfig } from "../../../tenants/schema";
import { passwordResetTokens, users, type UserRow } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { auditInsert } from "../audit/audit";
import { outboxInsert } from "../outbox/enqueue-message";
import { attemptInsert, recentAttemptsCount, unlockInsert } from "./attempts";
import { checkNewPassword, hashPassword } from "./password";
import { endSessionsQuery } from "./end-sessions";
import { consumeResetTokenQuery, hashResetToken, live, newResetToken, RESET_TOKEN_TTL_MINUTES } from "./reset-tokens";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";

/** Per account: more requests than this within the window are silently dropped (no enumeration). */
const ACCOUNT_REQUESTS_PER_HOUR = 3;
/** Per IP: requests (for any account) within 15 minutes before a 429. */
const IP_REQUESTS_PER_15_MIN = 10;

type ResetCtx = Pick<RequestCtx, "db" | "zone" | "origin" | "now" | "ip">;

/** The one answer to a reset request (API and page alike), whether or not the account exists. */
export const RESET_ACCEPTED =
  "如果这个邮箱在本园区注册过,我们已发送一封重置密码邮件,链接 60 分钟内有效。" +
  "没有收到?请检查垃圾邮件,或联系园区管理员。";

/**
 * A one-time link to the set-password page. `first`: the account has never had a password its
 * owner knows (a new account's first link), so the page says 设置密码 rather than 重置密码 — a
 * hint for the wording only; the token alone decides what the link may do.
 */
export const resetLink = (origin: string, token: string, opts: { first?: boolean } = {}) =>
  `${origin}/reset-password?token=${token}${opts.first ? "&first=1" : ""}`;

function linkMessage(zone: ZoneConfig, user: UserRow, link: string, byAdmin: boolean) {
  return {
    channel: "email" as const,
    recipient: user.email,
    kind: "password_reset_link",
    subject: `【${zone.shortName.zh}】重置密码链接`,
    body:
      `${user.name},您好:\n\n${byAdmin ? "园区管理员为您发放了" : "我们收到了您的"}重置密码${byAdmin ? "链接" : "请求"}。` +
      `请在 ${RESET_TOKEN_TTL_MINUTES} 分钟内打开下面的链接设置新密码(只能使用一次):\n${link}\n\n` +
      `如果不是您本人的操作,请忽略本邮件并联系园区管理员:${zone.contact.phone}。`,
  };
}

/**
 * Self-service: the same outcome whether or not the account exists. The per-IP
 * limit (429) is checked here, so the API and the page share it; it names no account.
 */
export async function requestPasswordReset({ db, zone, origin, now, ip }: ResetCtx, rawEmail: string): Promise<void> {
  const email = rawEmail.trim().toLowerCase();
  // One read: the address's requests, the account, the account's requests.
  const [[byIp], [user], [byEmail]] = await db.batch([
    recentAttemptsCount(db, { kind: "reset_request", ip }, 15, now),
    db.select().from(users).where(eq(users.email, email)).limit(1),
    recentAttemptsCount(db, { kind: "reset_request", email }, 60, now),
  ]);
  if ((byIp?.n ?? 0) >= IP_REQUESTS_PER_15_MIN) {
    throw new AppError("rate_limited", "这个网络地址申请重置的次数过多,请 15 分钟后再试。", undefined, {
      retryAfterSeconds: 15 * 60,
    });
  }
  const tooMany = (byEmail?.n ?? 0) >= ACCOUNT_REQUESTS_PER_HOUR;
  const attempt = attemptInsert(db, { kind: "reset_request", email, ip, ok: !!user && !tooMany }, now);
  if (user?.status !== "active" || tooMany) {
    const reason = !user ? "unknown_account" : tooMany ? "rate_limited" : "disabled";
    await db.batch([
      attempt,
      auditInsert(
        db,
        { actor: "anonymous", action: "auth.reset.requested", target: email, result: "denied", ip, detail: { reason } },
        now,
      ),
    ]);
    return;
  }
  const { token, writes } = await newResetToken(db, user.id, { kind: "self", issuedBy: null, now });
  await db.batch([
    attempt,
    ...writes,
    outboxInsert(db, linkMessage(zone, user, resetLink(origin, token), false), now),
    auditInsert(
      db,
      { actorId: user.id, actor: "anonymous", action: "auth.reset.requested", target: email, result: "ok", ip },
      now,
    ),
  ]);
}

/** A zone admin issues a link for a user of the zone; shown once to the admin, also mailed to the user. */
export async function issueAdminResetLink(
  { db, zone, origin, now, ip, actor: admin }: ResetCtx & Pick<RequestCtx<Actor>, "actor">,
  userId: string,
) {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new AppError("not_found", "本园区没有这个用户。");
  const { token, expiresAt, writes } = await newResetToken(db, user.id, { kind: "admin", issuedBy: admin.id, now });
  const url = resetLink(origin, token);
  await db.batch([
    ...writes,
    outboxInsert(db, linkMessage(zone, user, url, true), now),
    auditInsert(
      db,
      { actorId: admin.id, actor: admin.email, action: "auth.reset.issued", target: user.email, result: "ok", ip },
      now,
    ),
  ]);
  return { url, expiresAt, user: { name: user.name, email: user.email, mobile: user.mobile } };
}

/**
 * Sets the new password from a live token, ends every session of the user, ends
 * a sign-in lock (whoever guessed at the old password has nothing left to guess),
 * notifies them. No sign-in follows.
 */
export async function confirmPasswordReset(
  { db, zone, now, ip }: Pick<RequestCtx, "db" | "zone" | "now" | "ip">,
  token: string,
  password: string,
) {
  const invalid = new AppError(
    "bad_request",
    "这个重置链接无效、已使用或已过期。请重新申请,或联系园区管理员发放新的链接。",
  );
  const tokenHash = await hashResetToken(token);
  // One read: the live token with its user.
  const [found] = await db
    .select({ user: users, kind: passwordResetTokens.kind })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(live(tokenHash, now))
    .limit(1);
  if (!found) throw invalid;
  const { user } = found;
  if (user.status !== "active") throw new AppError("bad_request", "这个账号不能重置密码,请联系园区管理员。");
  // Judge the new password before spending the token, so a rejected one can be retried with the same link.
  const problems = checkNewPassword(password, { email: user.email, complexity: zone.security.dengbao });
  if (problems.length) throw new AppError("validation_failed", problems.join(" "), { password: problems.join(" ") });
  const passwordHash = await hashPassword(password);
  // One batch: spending the token is the guard (a conditional UPDATE), and every write after it is chained
  // on it (db/only-if-changed), so a concurrent use of the same link writes nothing and answers 400.
  const [used] = await db.batch([
    consumeResetTokenQuery(db, tokenHash, now),
    db
      .update(users)
      .set({ passwordHash, passwordChangedAt: now.getTime(), updatedAt: now.getTime() })
      .where(and(eq(users.id, user.id), eq(users.status, "active"), CHAINED)),
    onlyIfChanged(db, unlockInsert(db, user.email, ip, now)),
    onlyIfChanged(db, outboxInsert(db, passwordChangedMessage(zone, user), now)),
    onlyIfChanged(
      db,
      auditInsert(
        db,
        {
          actorId: user.id,
          actor: user.email,
          action: "auth.reset.used",
          target: user.email,
          result: "ok",
          ip,
          detail: { kind: found.kind },
        },
        now,
      ),
    ),
    // Last: every session of the user ends (any number of rows).
    endSessionsQuery(db, { userId: user.id }, { guard: CHAINED }),
  ]);
  if (used.length === 0) throw invalid; // spent by a concurrent request in the meantime
}

export function passwordChangedMessage(zone: ZoneConfig, user: UserRow) {
  return {
    channel: "email" as const,
    recipient: user.email,
    kind: "password_changed",
    subject: `【${zone.shortName.zh}】您的密码已修改`,
    body: `${user.name},您好:\n\n您在${zone.name.zh}平台的登录密码刚刚被修改,所有已登录的设备都已退出。如果不是您本人的操作,请立即联系园区管理员:${zone.contact.phone}。`,
  };
}
