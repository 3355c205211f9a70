/** The invitations of one enterprise or bank that can still be accepted, newest first, with who sent them. */
import { and, desc, eq } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { invitations, users } from "../../db/schema";
import { isOpen } from "./invitation-tokens";

export interface OpenInvitation {
  /** The invitation's id (for revoking); not a secret, the token is. */
  tokenHash: string;
  email: string;
  role: "enterprise" | "bank";
  /** Who sent it: their email, or their id if that user is gone. */
  invitedBy: string;
  /** Milliseconds since the epoch (UTC). */
  createdAt: number;
  expiresAt: number;
}

export async function listOpenInvitations(
  { db, now = new Date() }: { db: TenantDb; now?: Date },
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
