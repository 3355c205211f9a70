/**
 * Queues a job, as a query for the batch of the change that calls for it (publishing a policy
 * version queues its 免申即享 notices in the same batch), so a committed change always has its job.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { jobs, type JobKind } from "../../db/schema";

export function jobInsert(
  db: TenantDb,
  job: {
    kind: JobKind;
    params: Record<string, unknown>;
    /** How many items the job will cover, when known: SQL counts them in the same statement. */
    total: number | SQL<number> | null;
    createdBy: string | null;
  },
  now: Date,
) {
  const t = now.getTime();
  return db
    .insert(jobs)
    .values({
      kind: job.kind,
      params: JSON.stringify(job.params),
      total: job.total,
      createdBy: job.createdBy,
      createdAt: t,
      updatedAt: t,
    })
    .returning({ id: jobs.id });
}

/**
 * For the same batch, right after `jobInsert`: takes the job back out when its total came to 0
 * (a new zone publishing its first version before any enterprise joined), so nothing runs for
 * nothing. Returns the id it removed, if it did.
 */
export function dropJobIfEmpty(db: TenantDb) {
  return db
    .delete(jobs)
    .where(and(eq(jobs.id, sql`last_insert_rowid()`), eq(jobs.total, 0), eq(jobs.status, "queued")))
    .returning({ id: jobs.id });
}
