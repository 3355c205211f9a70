/**
 * Sign-in attempt bookkeeping in the zone's database (Worker isolates share no
 * memory, so counters in RAM would be per isolate and useless).
 *
 * Account lockout: a failure that makes `attempts` failures within
 * `windowMinutes` locks the account until `lockMinutes` after it (a later such
 * failure moves the end). Only failures after the account's latest fresh start
 * count: a successful sign-in, or an "unlock" row (written by a completed
 * password reset or password change, and by a zone admin's 解除锁定). The
 * owner's right password during a lock is not a failure (see login.ts). IP
 * limit: `ipLimit.attempts` failures from one address in its window.
 * Password-reset requests are counted separately and never touch lock state.
 */
import { and, count, desc, eq, gt, max, or, type SQL } from "drizzle-orm";
import type { ZoneSecurity } from "../../../tenants/schema";
import type { TenantDb } from "../../db/open";
import { authAttempts } from "../../db/schema";

type Kind = (typeof authAttempts.$inferInsert)["kind"];

export function attemptInsert(db: TenantDb, a: { kind: Kind; email: string; ip: string; ok: boolean }, now: Date) {
  return db.insert(authAttempts).values({ ...a, at: now.getTime() });
}

/** The row that ends a lock: failures before it no longer count. */
export function unlockInsert(db: TenantDb, email: string, ip: string, now: Date) {
  return attemptInsert(db, { kind: "unlock", email, ip, ok: true }, now);
}

/**
 * Where a row starts an account afresh: a successful sign-in or an unlock. The
 * e-mail sits inside each branch so SQLite answers both from the (kind, email, at) index.
 */
const freshStart = (email?: string | SQL) =>
  or(
    and(
      eq(authAttempts.kind, "login"),
      email === undefined ? undefined : eq(authAttempts.email, email),
      eq(authAttempts.ok, true),
    ),
    and(eq(authAttempts.kind, "unlock"), email === undefined ? undefined : eq(authAttempts.email, email)),
  );

/**
 * Until when an account is locked, from its recent failure times and its latest
 * fresh start (ms), or null. Pure, so the sign-in check and the admin's user
 * list judge a lock the same way. A lock runs from the failure that completes a
 * burst, not from the failures' age now: with lockMinutes longer than the
 * window, the lock still lasts lockMinutes.
 */
export function lockedUntilFrom(
  failures: readonly number[],
  freshStartAt: number | null,
  security: ZoneSecurity,
  now: Date,
): Date | null {
  const { attempts, windowMinutes, lockMinutes } = security.lockout;
  const times = failures.filter((at) => freshStartAt === null || at > freshStartAt).sort((x, y) => x - y);
  let until = 0;
  for (let i = attempts - 1; i < times.length; i++) {
    if (times[i]! - times[i - attempts + 1]! < windowMinutes * 60_000) until = times[i]! + lockMinutes * 60_000;
  }
  return until > now.getTime() ? new Date(until) : null;
}

/** Failures older than this cannot bear on a lock now: a burst must end within lockMinutes, and spans windowMinutes. */
const lookbackStart = (security: ZoneSecurity, now: Date) =>
  now.getTime() - (security.lockout.lockMinutes + security.lockout.windowMinutes) * 60_000;

/** More failures than any lock decision needs; bounds one sign-in's read when an address is flooded. */
const FAILURES_READ = 500;

/** Until when the account is locked, or null (one round trip). */
export async function accountLockedUntil(
  db: TenantDb,
  email: string,
  security: ZoneSecurity,
  now: Date,
): Promise<Date | null> {
  const rows = await db.batch(lockReads(db, email, security, now));
  return lockedUntilFrom(lockFailures(rows), rows[0][0]?.at ?? null, security, now);
}

/**
 * The two reads behind `accountLockedUntil`, to put in a caller's own batch (sign-in reads them
 * with the account in one round trip): the last fresh start, and the recent failures. `email` may
 * be a subquery (the admin's 解除锁定 names the account by its id, in the same batch as its row).
 */
export function lockReads(db: TenantDb, email: string | SQL, security: ZoneSecurity, now: Date) {
  return [
    db
      .select({ at: max(authAttempts.at) })
      .from(authAttempts)
      .where(freshStart(email)),
    db
      .select({ at: authAttempts.at })
      .from(authAttempts)
      .where(
        and(
          eq(authAttempts.kind, "login"),
          eq(authAttempts.email, email),
          eq(authAttempts.ok, false),
          gt(authAttempts.at, lookbackStart(security, now)),
        ),
      )
      .orderBy(desc(authAttempts.at))
      .limit(FAILURES_READ),
  ] as const;
}

/** The failure times `lockReads` returned. */
export function lockFailures([, failures]: readonly [unknown, ReadonlyArray<{ at: number }>]): number[] {
  return failures.map((f) => f.at);
}

export async function lockedAccounts(db: TenantDb, security: ZoneSecurity, now: Date): Promise<Map<string, Date>> {
  const [starts, failures] = await db.batch([
    db
      .select({ email: authAttempts.email, at: max(authAttempts.at) })
      .from(authAttempts)
      .where(freshStart())
      .groupBy(authAttempts.email),
    db
      .select({ email: authAttempts.email, at: authAttempts.at })
      .from(authAttempts)
      .where(
        and(
          eq(authAttempts.kind, "login"),
          eq(authAttempts.ok, false),
          gt(authAttempts.at, lookbackStart(security, now)),
        ),
      ),
  ]);
  const startBy = new Map(starts.map((s) => [s.email, s.at]));
  const failuresBy = new Map<string, number[]>();
  for (const f of failures) {
    const times = failuresBy.get(f.email);
    if (times) times.push(f.at);
    else failuresBy.set(f.email, [f.at]);
  }
  const locked = new Map<string, Date>();
  for (const [email, times] of failuresBy) {
    const until = lockedUntilFrom(times, startBy.get(email) ?? null, security, now);
    if (until) locked.set(email, until);
  }
  return locked;
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
  const [row] = await recentAttemptsCount(db, q, windowMinutes, now);
  return row?.n ?? 0;
}

/** The read behind `countRecentAttempts`, for a caller's own batch: one row, `n`. */
export function recentAttemptsCount(
  db: TenantDb,
  q: { kind: Kind; ip?: string; email?: string; failuresOnly?: boolean },
  windowMinutes: number,
  now: Date,
) {
  return db
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
}
