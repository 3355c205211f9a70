/**
 * An admin-issued reset link sent on to the user's mobile by SMS (the outbox's "sms"
 * channel: an SMS provider's sender in production, /dev/outbox locally). The admin
 * posts back the link shown to them once; it is sent only while it is live, belongs to
 * that user and was issued by an admin, and only to the mobile on the user's record.
 */
import { eq } from "drizzle-orm";
import type { ZoneConfig } from "../../../tenants/schema";
import { passwordResetTokens, users } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { auditInsert } from "../audit/audit";
import { outboxInsert } from "../outbox/enqueue-message";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { resetLink } from "./password-reset";
import { hashResetToken, live, RESET_TOKEN_TTL_MINUTES } from "./reset-tokens";

/** "13812345678" → "138****5678": enough for the admin to recognise, not to copy. */
export function maskMobile(mobile: string): string {
  return mobile.length >= 7 ? `${mobile.slice(0, 3)}****${mobile.slice(-4)}` : "****";
}

function resetLinkSms(zone: ZoneConfig, link: string) {
  return `【${zone.shortName.zh}】园区管理员为您发放了重置密码链接,${RESET_TOKEN_TTL_MINUTES}分钟内有效,只能使用一次:${link} 如非本人操作请忽略。`;
}

export async function sendResetLinkBySms(
  {
    db,
    zone,
    origin,
    now,
    ip,
    actor: admin,
  }: Pick<RequestCtx<Actor>, "db" | "zone" | "origin" | "now" | "ip" | "actor">,
  userId: string,
  token: string,
): Promise<{ sentTo: string; name: string; email: string; expiresAt: Date }> {
  const [[user], [issued]] = await db.batch([
    db
      .select({ id: users.id, name: users.name, email: users.email, mobile: users.mobile })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1),
    db
      .select({
        userId: passwordResetTokens.userId,
        kind: passwordResetTokens.kind,
        expiresAt: passwordResetTokens.expiresAt,
      })
      .from(passwordResetTokens)
      .where(live(await hashResetToken(token), now))
      .limit(1),
  ]);
  if (!user) throw new AppError("not_found", "本园区没有这个用户。");
  if (!user.mobile)
    throw new AppError("validation_failed", "这个用户没有登记手机号,无法发送短信。请复制链接,通过电话或当面告诉用户。");
  if (!issued || issued.userId !== user.id || issued.kind !== "admin") {
    throw new AppError(
      "validation_failed",
      "这个链接已失效(已使用、已过期或已重新发放),没有发送。请重新发放重置链接。",
    );
  }
  await db.batch([
    outboxInsert(
      db,
      {
        channel: "sms",
        recipient: user.mobile,
        kind: "password_reset_link",
        subject: "重置密码链接",
        body: resetLinkSms(zone, resetLink(origin, token)),
      },
      now,
    ),
    auditInsert(
      db,
      { actorId: admin.id, actor: admin.email, action: "auth.reset.sms_sent", target: user.email, result: "ok", ip },
      now,
    ),
  ]);
  return { sentTo: maskMobile(user.mobile), name: user.name, email: user.email, expiresAt: new Date(issued.expiresAt) };
}
