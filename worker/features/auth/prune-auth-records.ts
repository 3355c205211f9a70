/**
 * Housekeeping of sign-in records, run by the scheduled job: sign-in attempts
 * older than 30 days (lockout and IP windows look back minutes, not weeks),
 * sessions past their expiry, and reset tokens a week after they stopped working.
 * The audit log keeps the history; it is never pruned here.
 */
import { and, isNotNull, lt, or } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { authAttempts, passwordResetTokens, sessions } from "../../db/schema";

const DAY = 86_400_000;

export async function pruneAuthRecords(db: TenantDb, now: Date) {
  const t = now.getTime();
  const [attempts, expiredSessions, tokens] = await db.batch([
    db.delete(authAttempts).where(lt(authAttempts.at, t - 30 * DAY)),
    db.delete(sessions).where(lt(sessions.expiresAt, Math.floor(t / 1000))),
    db
      .delete(passwordResetTokens)
      .where(
        or(
          lt(passwordResetTokens.expiresAt, t - 7 * DAY),
          and(isNotNull(passwordResetTokens.usedAt), lt(passwordResetTokens.usedAt, t - 7 * DAY)),
          and(isNotNull(passwordResetTokens.voidedAt), lt(passwordResetTokens.voidedAt, t - 7 * DAY)),
        ),
      ),
  ]);
  return { attempts: attempts.rowsAffected, sessions: expiredSessions.rowsAffected, resetTokens: tokens.rowsAffected };
}
