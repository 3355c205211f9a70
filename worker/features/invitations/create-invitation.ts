/**
 * Invites a person into an enterprise (a colleague) or a bank (its staff) with a
 * one-time link, valid 7 days. The link is built from the zone's configured
 * origin, never the Host header, mailed through the outbox and returned so the
 * inviter can pass it on. A newer invitation for the same email and organisation
 * revokes the older open ones, so only the latest link works.
 */
import { and, eq } from "drizzle-orm";
import { invitations, users } from "../../db/schema";
import { AppError } from "../../lib/errors";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { Email } from "../auth/schemas";
import { invitationRecords } from "./invitation-records";
import { INVITATION_TTL_DAYS, isOpen, newInvitationToken } from "./invitation-tokens";
import { findOrganisation, MEMBERSHIP_WORD } from "./organisation";

/** Whom to invite into which organisation; the inviter is the context's actor. */
interface InvitationInput {
  email: string;
  role: "enterprise" | "bank";
  enterpriseId?: string;
  bankId?: string;
}

export const invitationLink = (origin: string, token: string) => `${origin}/invite?token=${token}`;

export const ALREADY_HAS_ACCOUNT =
  "这个邮箱在本园区已有账号,不能再邀请。请让对方直接登录;如需调整其所属单位,请联系园区管理员。";

export async function createInvitation(
  { db, zone, origin, now, ip, actor }: Pick<RequestCtx<Actor>, "db" | "zone" | "origin" | "now" | "ip" | "actor">,
  input: InvitationInput,
): Promise<{ url: string; expiresAt: Date; organisation: string }> {
  const parsed = Email.safeParse(input.email);
  if (!parsed.success)
    throw new AppError("validation_failed", "请填写有效的邮箱地址。", {
      email: parsed.error.issues[0]?.message ?? "请填写有效的邮箱地址",
    });
  const email = parsed.data;
  // Exactly one organisation, matching the role: a bank invitation never makes an enterprise member.
  const orgRef = input.role === "enterprise" ? { enterpriseId: input.enterpriseId } : { bankId: input.bankId };
  if ((input.role === "enterprise" && input.bankId) || (input.role === "bank" && input.enterpriseId)) {
    throw new AppError("bad_request", "邀请只能加入一个单位。");
  }
  // Both checks read side by side (one round trip); refused in this order all the same.
  const [org, [existing]] = await Promise.all([
    findOrganisation(db, orgRef),
    db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1),
  ]);
  if (!org)
    throw new AppError("not_found", input.role === "bank" ? "本园区没有这个金融机构。" : "本园区没有这个企业。");
  if (org.status !== "active") throw new AppError("conflict", `「${org.name}」已暂停,暂时不能邀请新成员。`);

  if (existing) throw new AppError("conflict", ALREADY_HAS_ACCOUNT, { email: ALREADY_HAS_ACCOUNT });

  const { token, tokenHash, expiresAt } = await newInvitationToken(now);
  const url = invitationLink(origin, token);
  const sameOrg = org.kind === "enterprise" ? eq(invitations.enterpriseId, org.id) : eq(invitations.bankId, org.id);
  await db.batch([
    db
      .update(invitations)
      .set({ revokedAt: now.getTime() })
      .where(and(eq(invitations.email, email), sameOrg, isOpen(now))),
    db.insert(invitations).values({
      tokenHash,
      email,
      role: input.role,
      enterpriseId: org.kind === "enterprise" ? org.id : null,
      bankId: org.kind === "bank" ? org.id : null,
      invitedBy: actor.id,
      createdAt: now.getTime(),
      expiresAt: expiresAt.getTime(),
    }),
    ...invitationRecords(
      { db, now, ip, actor },
      {
        email,
        subject: `【${zone.shortName.zh}】邀请您加入「${org.name}」`,
        body:
          `您好:\n\n${actor.email} 邀请您以${MEMBERSHIP_WORD[org.kind]}的身份加入「${org.name}」,` +
          `使用${zone.name.zh}平台。请在 ${INVITATION_TTL_DAYS} 天内打开下面的链接,` +
          `填写姓名并设置密码(链接只能使用一次):\n${url}\n\n` +
          `如果您不认识邀请人,请忽略本邮件;有疑问请联系园区:${zone.contact.phone}。`,
        role: input.role,
        organisation: org.id,
        expiresAt,
      },
    ),
  ]);
  return { url, expiresAt, organisation: org.name };
}
