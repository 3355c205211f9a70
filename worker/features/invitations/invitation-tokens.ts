/**
 * One-time invitation tokens, the same way as password reset tokens: 256 bits
 * from the CSPRNG travel only inside the link, the database keeps the SHA-256.
 * An invitation is live for 7 days, until accepted once or revoked.
 */
import { encodeBase64urlNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { invitations } from "../../db/schema";

export const INVITATION_TTL_DAYS = 7;

export async function hashInvitationToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return encodeHexLowerCase(new Uint8Array(digest));
}

/** A fresh token, its hash (the invitation's id) and when it stops working. */
export async function newInvitationToken(now: Date) {
  const token = encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(32)));
  return {
    token,
    tokenHash: await hashInvitationToken(token),
    expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000),
  };
}

/** Not accepted, not revoked, not expired. */
export const isOpen = (now: Date) =>
  and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now.getTime()));

/** The live invitation behind a token, without spending it (the page shows it before the form is sent). */
export async function findLiveInvitation(db: TenantDb, token: string, now: Date) {
  const rows = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tokenHash, await hashInvitationToken(token)), isOpen(now)))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Marks the invitation accepted by `userId` if it is still live, in one conditional UPDATE
 * RETURNING it (empty when it was not usable), for the caller's write batch: two concurrent
 * acceptances cannot both succeed, and the account's rows chain on this one.
 */
export function consumeInvitation(db: TenantDb, tokenHash: string, userId: string, now: Date) {
  return db
    .update(invitations)
    .set({ acceptedAt: now.getTime(), acceptedUserId: userId })
    .where(and(eq(invitations.tokenHash, tokenHash), isOpen(now)))
    .returning({ tokenHash: invitations.tokenHash });
}
