/**
 * 消息中心 housekeeping: a notice read more than 180 days ago has done its work, and one nobody has
 * read in two years never will be; both go. The thing each one reported stays where it lives (the
 * application's timeline, the audit log), so nothing is lost but the reminder.
 *
 * At most PRUNE_CHUNK a run: a zone's first run after years of notices must not hold the database
 * for one long delete, and the run comes every minute. Each half is a range of
 * notices_expiry_idx (read_at, created_at; unread rows, NULL, sort first), so a run reads the rows
 * it deletes and no others, however many notices the zone keeps.
 */
import { and, inArray, isNull, lt, or } from "drizzle-orm";
import type { TenantDb } from "../db/open";
import { notices } from "../db/schema";
import { logJob, type ZoneJob } from "./zone-job";

const DAY = 86_400_000;
export const READ_KEPT_DAYS = 180;
/** Two years, counted in days: a notice is either pruned or not on a given day, whatever the leap years. */
export const UNREAD_KEPT_DAYS = 730;
export const PRUNE_CHUNK = 500;

/** Deletes up to `limit` expired notices; answers how many went. */
export async function pruneNotices({
  db,
  now,
  limit = PRUNE_CHUNK,
}: {
  db: TenantDb;
  now: Date;
  limit?: number;
}): Promise<number> {
  const t = now.getTime();
  const expired = db
    .select({ id: notices.id })
    .from(notices)
    .where(
      or(
        lt(notices.readAt, t - READ_KEPT_DAYS * DAY),
        and(isNull(notices.readAt), lt(notices.createdAt, t - UNREAD_KEPT_DAYS * DAY)),
      ),
    )
    .limit(limit);
  const done = await db.delete(notices).where(inArray(notices.id, expired));
  return done.rowsAffected;
}

export const pruneNoticesJob: ZoneJob = async ({ deps, zone, db }) => {
  const pruned = await pruneNotices({ db, now: deps.now() });
  if (pruned > 0) logJob("prune-notices", zone, { notices: pruned });
};
