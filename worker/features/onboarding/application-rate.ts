/**
 * How often anyone may apply (申请入驻 creates an account and sends mail to the
 * address given, so it is the cheapest way to spam a stranger): per login
 * e-mail and per client address, over a sliding hour, counted in the zone's
 * `auth_attempts` (kind "onboarding") because Worker isolates share no memory.
 *
 * Two steps:
 * - `rateReads` counts in the request's one read wave, and `refuseOverRate` refuses
 *   a sender already at a limit before the password is hashed or a file stored;
 * - `reserveApplicationSlot` records the attempt in the write batch only while the
 *   counts, taken again inside that transaction, are under the limits, so parallel
 *   requests that all passed the first look are still refused past the limit.
 * A refused attempt is not recorded: hammering an address does not extend its
 * wait beyond an hour after the last accepted one.
 */
import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { authAttempts } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { insertWhere } from "../../db/only-if-changed";

export const APPLICATIONS_PER_EMAIL_PER_HOUR = 3;
export const APPLICATIONS_PER_IP_PER_HOUR = 10;
const WINDOW_MS = 3_600_000;

/** A 429 that knows when to retry (the error mapping sends `Retry-After`). */
export class ApplicationRateLimited extends AppError {
  constructor(
    message: string,
    readonly retryAt: Date,
    retryAfterSeconds: number,
    fields?: Record<string, string>,
  ) {
    super("rate_limited", message, fields, { retryAfterSeconds });
  }
}

const BEIJING_TIME = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const BEIJING_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** "17:45", or "明天 00:10" when the hour crosses midnight in Beijing. */
function beijingClock(at: Date, now: Date): string {
  const time = BEIJING_TIME.format(at);
  return BEIJING_DAY.format(at) === BEIJING_DAY.format(now) ? time : `明天 ${time}`;
}

type Recent = { id: number; at: number }[];

const recent = (db: TenantDb, by: "email" | "ip", value: string, now: Date, limit: number) =>
  db
    .select({ id: authAttempts.id, at: authAttempts.at })
    .from(authAttempts)
    .where(
      and(
        eq(authAttempts.kind, "onboarding"),
        eq(by === "email" ? authAttempts.email : authAttempts.ip, value),
        gt(authAttempts.at, now.getTime() - WINDOW_MS),
      ),
    )
    .orderBy(desc(authAttempts.at), desc(authAttempts.id))
    .limit(limit);

/**
 * Throws when `rows` (newest first, this attempt left out) already hold `limit`:
 * the wait ends an hour after the limit-th newest, when one slot frees up.
 */
function refuseIfFull(rows: Recent, limit: number, now: Date, what: "email" | "ip"): void {
  if (rows.length < limit) return;
  const retryAt = new Date(rows[limit - 1]!.at + WINDOW_MS);
  // Rounded up to the minute the message names, so a retry at that minute succeeds.
  const minute = new Date(Math.ceil(retryAt.getTime() / 60_000) * 60_000);
  const seconds = Math.max(1, Math.ceil((minute.getTime() - now.getTime()) / 1000));
  const when = `请于 ${beijingClock(minute, now)}(北京时间)后再试`;
  if (what === "email") {
    const message = `这个登录邮箱一小时内已提交过 ${limit} 次入驻申请,${when}。`;
    throw new ApplicationRateLimited(message, minute, seconds, { loginEmail: message });
  }
  throw new ApplicationRateLimited(`同一网络一小时内提交的入驻申请已达 ${limit} 次,${when}。`, minute, seconds);
}

interface RateKey {
  email: string;
  ip: string;
}

/** The first look's reads, for the caller's read wave (beside its other reads). */
export const rateReads = (db: TenantDb, key: RateKey, now: Date) =>
  [
    recent(db, "email", key.email, now, APPLICATIONS_PER_EMAIL_PER_HOUR),
    recent(db, "ip", key.ip, now, APPLICATIONS_PER_IP_PER_HOUR),
  ] as const;

/** Refuses a sender already at a limit, from `rateReads`' rows. */
export function refuseOverRate([byEmail, byIp]: readonly [Recent, Recent], now: Date): void {
  refuseIfFull(byEmail, APPLICATIONS_PER_EMAIL_PER_HOUR, now, "email");
  refuseIfFull(byIp, APPLICATIONS_PER_IP_PER_HOUR, now, "ip");
}

/** The first look on its own: refuses a sender already at a limit, before anything else is done. */
export async function checkApplicationRate(db: TenantDb, key: RateKey, now: Date): Promise<void> {
  refuseOverRate(await db.batch(rateReads(db, key, now)), now);
}

/**
 * The statements that record this attempt only while both counts are under their
 * limits, for the head of the caller's write batch: the counts (for the refusal's
 * message), then the guarded insert, on which the caller chains its own writes
 * (onlyIfChanged). The batch is one transaction, so parallel requests are counted
 * in order and the ones past the limit insert nothing; `settle` throws for them.
 */
export function reserveApplicationSlot(db: TenantDb, key: RateKey, now: Date) {
  const byEmail = recent(db, "email", key.email, now, APPLICATIONS_PER_EMAIL_PER_HOUR);
  const byIp = recent(db, "ip", key.ip, now, APPLICATIONS_PER_IP_PER_HOUR);
  const queries = [
    byEmail,
    byIp,
    insertWhere(
      db,
      db.insert(authAttempts).values({ kind: "onboarding", email: key.email, ip: key.ip, ok: true, at: now.getTime() }),
      sql`(select count(*) from (${byEmail})) < ${APPLICATIONS_PER_EMAIL_PER_HOUR}
        and (select count(*) from (${byIp})) < ${APPLICATIONS_PER_IP_PER_HOUR}`,
    ),
  ] as const;
  const settle = async ([emailRows, ipRows, inserted]: readonly [Recent, Recent, { rowsAffected: number }]) => {
    if (inserted.rowsAffected === 1) return;
    refuseOverRate([emailRows, ipRows], now);
    throw new AppError("conflict", "提交没有完成,请稍后重试。");
  };
  return { queries, settle };
}
