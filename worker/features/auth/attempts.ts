/**
 * Sign-in attempt bookkeeping in the zone's database (Worker isolates share no
 * memory, so counters in RAM would be per isolate and useless).
 *
 * Account lockout: `attempts` failures within `windowMinutes`, counted since the
 * account's last successful sign-in, lock it until `lockMinutes` after the last
 * failure. IP limit: `ipLimit.attempts` failures from one address in its window.
 * Password-reset requests are counted separately and never touch lock state.
 */
import { and, count, eq, gt, max } from "drizzle-orm";
import type { ZoneSecurity } from "../../../tenants/schema";
import type { TenantDb } from "../../db/open";
import { authAttempts } from "../../db/schema";

type Kind = "login" | "reset_request";

export function attemptInsert(db: TenantDb, a: { kind: Kind; email: string; ip: string; ok: boolean }, now: Date) {
  return db.insert(authAttempts).values({ ...a, at: now.getTime() });
}

/** Until when the account is locked, or null. */
export async function accountLockedUntil(db: TenantDb, email: string, security: ZoneSecurity, now: Date): Promise<Date | null> {
  const { attempts, windowMinutes, lockMinutes } = security.lockout;
  const [lastOk] = await db
    .select({ at: max(authAttempts.at) })
    .from(authAttempts)
    .where(and(eq(authAttempts.kind, "login"), eq(authAttempts.email, email), eq(authAttempts.ok, true)));
  const since = Math.max(now.getTime() - windowMinutes * 60_000, lastOk?.at ?? 0);
  const [failures] = await db
    .select({ n: count(), last: max(authAttempts.at) })
    .from(authAttempts)
    .where(and(eq(authAttempts.kind, "login"), eq(authAttempts.email, email), eq(authAttempts.ok, false), gt(authAttempts.at, since)));
  if (!failures || failures.n < attempts || failures.last === null) return null;
  const until = failures.last + lockMinutes * 60_000;
  return until > now.getTime() ? new Date(until) : null;
}

/**
 * Attempts of a kind within the window, from one IP address and/or for one
 * account; `failuresOnly` counts only the failed ones (sign-in limits), otherwise
 * every request counts (reset-request limits).
 */
export async function countRecentAttempts(
  db: TenantDb,
  q: { kind: Kind; ip?: string; email?: string; failuresOnly?: boolean },
  windowMinutes: number,
  now: Date,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(authAttempts)
    .where(
      and(
        eq(authAttempts.kind, q.kind),
        q.ip === undefined ? undefined : eq(authAttempts.ip, q.ip),
        q.email === undefined ? undefined : eq(authAttempts.email, q.email),
        q.failuresOnly ? eq(authAttempts.ok, false) : undefined,
        gt(authAttempts.at, now.getTime() - windowMinutes * 60_000),
      ),
    );
  return row?.n ?? 0;
}
