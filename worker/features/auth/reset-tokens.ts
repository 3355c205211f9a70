/**
 * One-time password reset tokens: 256 bits from the CSPRNG, sent only inside the
 * link; the database keeps the SHA-256. A token is valid for 60 minutes, once,
 * and a newer token for the same user voids the older ones.
 */
import { encodeBase64urlNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { passwordResetTokens } from "../../db/schema";

export const RESET_TOKEN_TTL_MINUTES = 60;

export async function hashResetToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return encodeHexLowerCase(new Uint8Array(digest));
}

/** A fresh token and the writes that store it and void the user's older ones (for one batch). */
export async function newResetToken(
  db: TenantDb,
  userId: string,
  opts: { kind: "self" | "admin"; issuedBy: string | null; now: Date },
) {
  const token = encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(32)));
  const tokenHash = await hashResetToken(token);
  const now = opts.now.getTime();
  const expiresAt = now + RESET_TOKEN_TTL_MINUTES * 60_000;
  return {
    token,
    expiresAt: new Date(expiresAt),
    writes: [
      db
        .update(passwordResetTokens)
        .set({ voidedAt: now })
        .where(
          and(
            eq(passwordResetTokens.userId, userId),
            isNull(passwordResetTokens.usedAt),
            isNull(passwordResetTokens.voidedAt),
          ),
        ),
      db
        .insert(passwordResetTokens)
        .values({ tokenHash, userId, kind: opts.kind, issuedBy: opts.issuedBy, createdAt: now, expiresAt }),
    ] as const,
  };
}

/** Where a token is live: not used, not replaced by a newer one, not expired. */
export const live = (tokenHash: string, now: Date) =>
  and(
    eq(passwordResetTokens.tokenHash, tokenHash),
    isNull(passwordResetTokens.usedAt),
    isNull(passwordResetTokens.voidedAt),
    gt(passwordResetTokens.expiresAt, now.getTime()),
  );

/** The live token's user, without spending it (to check the new password first). */
export async function findLiveResetToken(db: TenantDb, token: string, now: Date) {
  const rows = await db
    .select({ userId: passwordResetTokens.userId })
    .from(passwordResetTokens)
    .where(live(await hashResetToken(token), now))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Marks a token used if it is live, in one conditional UPDATE so two concurrent uses cannot both
 * succeed; unrun, to lead the caller's batch. It RETURNs the token's row, none if it was not usable.
 */
export function consumeResetTokenQuery(db: TenantDb, tokenHash: string, now: Date) {
  return db
    .update(passwordResetTokens)
    .set({ usedAt: now.getTime() })
    .where(live(tokenHash, now))
    .returning({ userId: passwordResetTokens.userId, kind: passwordResetTokens.kind });
}
