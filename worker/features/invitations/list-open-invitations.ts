/** The invitations of one enterprise or bank that can still be accepted, newest first, with who sent them. */
import { and, desc, eq } from "drizzle-orm";
import { invitations, users } from "../../db/schema";
import type { RequestCtx } from "../../middleware/request-ctx";
import type { OpenInvitation } from "../../../web/pages/invitations/open-invitation";
import { isOpen } from "./invitation-tokens";

export async function listOpenInvitations(
  { db, now }: Pick<RequestCtx, "db" | "now">,
  of: { enterpriseId: string; bankId?: undefined } | { bankId: string; enterpriseId?: undefined },
): Promise<OpenInvitation[]> {
  const org =
    of.enterpriseId !== undefined ? eq(invitations.enterpriseId, of.enterpriseId) : eq(invitations.bankId, of.bankId);
  const rows = await db
    .select({
      tokenHash: invitations.tokenHash,
      email: invitations.email,
      role: invitations.role,
      invitedById: invitations.invitedBy,
      inviterEmail: users.email,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(org, isOpen(now)))
    .orderBy(desc(invitations.createdAt));
  return rows.map(({ invitedById, inviterEmail, ...r }) => ({ ...r, invitedBy: inviterEmail ?? invitedById }));
}
