/**
 * The zone admin invites a reviewer or another admin with a one-time link, as bank staff are
 * invited (./create-invitation): no organisation, the role on the invitation, the name the
 * admin typed carried to the invitee's form. Mailed through the outbox and returned to be shown
 * once. A newer staff invitation to the same email revokes the older open ones in the same
 * batch, so only the latest link works; an email that has an account is refused.
 */
import { and, eq, isNull } from "drizzle-orm";
import { invitations, users } from "../../db/schema";
import { AppError } from "../../lib/errors";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { ALREADY_HAS_ACCOUNT, invitationLink } from "./create-invitation";
import { invitationRecords } from "./invitation-records";
import { INVITATION_TTL_DAYS, isOpen, newInvitationToken } from "./invitation-tokens";
import { STAFF_ROLE_WORD, type StaffRole } from "./staff-roles";

/** Round trips: one read (an account with this email), one write batch. Input is already validated (schemas.ts). */
export async function createStaffInvitation(
  { db, zone, origin, now, ip, actor }: Pick<RequestCtx<Actor>, "db" | "zone" | "origin" | "now" | "ip" | "actor">,
  input: { email: string; name: string; role: StaffRole },
): Promise<{ id: string; url: string; expiresAt: Date; roleWord: string }> {
  if (actor.role !== "zone_admin") throw new AppError("forbidden", "只有园区管理员可以邀请工作人员。");
  const { email, name, role } = input;
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (existing) throw new AppError("conflict", ALREADY_HAS_ACCOUNT, { email: ALREADY_HAS_ACCOUNT });

  const { token, tokenHash, expiresAt } = await newInvitationToken(now);
  const url = invitationLink(origin, token);
  const roleWord = STAFF_ROLE_WORD[role];
  await db.batch([
    db
      .update(invitations)
      .set({ revokedAt: now.getTime() })
      .where(
        and(eq(invitations.email, email), isNull(invitations.enterpriseId), isNull(invitations.bankId), isOpen(now)),
      ),
    db.insert(invitations).values({
      tokenHash,
      email,
      name,
      role,
      invitedBy: actor.id,
      createdAt: now.getTime(),
      expiresAt: expiresAt.getTime(),
    }),
    ...invitationRecords(
      { db, now, ip, actor },
      {
        email,
        subject: `【${zone.shortName.zh}】邀请您担任${roleWord}`,
        body:
          `${name},您好:\n\n园区管理员 ${actor.email} 邀请您以${roleWord}的身份使用${zone.name.zh}平台。` +
          `请在 ${INVITATION_TTL_DAYS} 天内打开下面的链接,核对姓名并设置密码(链接只能使用一次):\n${url}\n\n` +
          `如果您不认识邀请人,请忽略本邮件;有疑问请联系园区:${zone.contact.phone}。`,
        role,
        organisation: null,
        expiresAt,
      },
    ),
  ]);
  return { id: tokenHash, url, expiresAt, roleWord };
}
