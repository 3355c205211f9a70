/**
 * Advances a zone's queued jobs by bounded chunks, from the scheduled run (the Workers cron and
 * the Node timer run the same code). Per run at most `maxChunks` chunks of `chunkSize` items, so
 * a run's time and memory do not grow with the zone; a job of 5,000 enterprises takes several runs.
 *
 * Exactly-once effects without a transaction held across round trips:
 * - A runner claims a job with one UPDATE that sets a lease (a random token, valid until a time);
 *   SQLite runs writes one at a time, so a second runner's claim finds the lease and gets nothing.
 * - Each chunk commits as one batch: the job's UPDATE (new cursor, counts) guarded by that token
 *   and the cursor it started from, then the chunk's inserts, each only if the UPDATE changed the
 *   row (db/only-if-changed.ts). A runner whose lease expired and was taken over commits nothing.
 * - A crash (or a Worker killed mid-chunk) commits nothing of that chunk; the lease expires and
 *   the next run resumes from the last committed cursor. A chunk that throws is recorded on the
 *   job (`error`) and retried on a later run; after MAX_ATTEMPTS claims without progress it fails.
 */
import { and, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { onlyIfChanged } from "../../db/only-if-changed";
import { jobs, type JobRow } from "../../db/schema";
import { newId } from "../../lib/ids";
import type { JobChunk, JobChunkCtx, JobHandlers } from "./job-handler";

/** Long enough for a chunk on a slow database; a crashed runner's job waits this long at most. */
export const LEASE_MS = 5 * 60_000;
/** A chunk that threw is tried again this much later (the next minute's run). */
export const RETRY_AFTER_MS = 60_000;
/** Claims without a committed chunk before the job is given up as failed. */
export const MAX_ATTEMPTS = 3;

export interface RunZoneJobsOptions extends Omit<JobChunkCtx, "now"> {
  handlers: JobHandlers;
  /** Read before each step, so a long run stamps its writes with their own time. */
  clock: () => Date;
  chunkSize?: number;
  maxChunks?: number;
}

export interface RunSummary {
  chunks: number;
  /** Jobs that completed in this run. */
  finished: number;
  /** Chunks that threw (each recorded on its job). */
  failed: number;
}

const free = (t: number) => or(isNull(jobs.leaseUntil), lte(jobs.leaseUntil, t));
const open = inArray(jobs.status, ["queued", "running"]);

export async function runZoneJobs(o: RunZoneJobsOptions): Promise<RunSummary> {
  const { db, clock, chunkSize = 200, maxChunks = 5 } = o;
  const token = newId();
  const summary: RunSummary = { chunks: 0, finished: 0, failed: 0 };
  let job: JobRow | null = null;
  let budget = maxChunks;
  while (budget > 0) {
    job ??= await claimJob(db, token, clock().getTime());
    if (!job) break;
    const current: JobRow = job;
    budget--;
    summary.chunks++;
    try {
      const ctx = { db, zone: o.zone, origin: o.origin, now: clock() };
      const chunk: JobChunk = await o.handlers[current.kind](ctx, current, chunkSize);
      // The run's last chunk hands the job back, so the next run (on any isolate) picks it up at once.
      const release = !chunk.finished && budget === 0;
      const next = await commitChunk(db, current, token, chunk, clock().getTime(), release);
      if (next?.status === "done") summary.finished++;
      job = next && next.status === "running" && !release ? next : null;
    } catch (err) {
      summary.failed++;
      await failChunk(db, current, token, err, clock().getTime());
      job = null;
    }
  }
  return summary;
}

/**
 * The oldest open job whose lease is free, leased to `token`; null when there is none (or another
 * runner holds it). In the same batch, jobs that were claimed MAX_ATTEMPTS times without a committed
 * chunk (a crash that recurs: a chunk too big for the platform's limits) are given up.
 */
export async function claimJob(db: TenantDb, token: string, t: number): Promise<JobRow | null> {
  const [, claimed] = await db.batch([
    db
      .update(jobs)
      .set({ status: "failed", finishedAt: t, updatedAt: t, leaseToken: null, leaseUntil: null })
      .where(and(open, free(t), sql`${jobs.attempts} >= ${MAX_ATTEMPTS}`)),
    db
      .update(jobs)
      .set({
        status: "running",
        leaseToken: token,
        leaseUntil: t + LEASE_MS,
        attempts: sql`${jobs.attempts} + 1`,
        startedAt: sql`coalesce(${jobs.startedAt}, ${t})`,
        updatedAt: t,
      })
      .where(
        and(
          inArray(
            jobs.id,
            db
              .select({ id: jobs.id })
              .from(jobs)
              .where(and(open, free(t)))
              .orderBy(jobs.id)
              .limit(1),
          ),
          open,
          free(t),
        ),
      )
      .returning(),
  ]);
  return claimed[0] ?? null;
}

/** The chunk's progress and effects in one batch; null when the lease was lost (nothing written). */
async function commitChunk(
  db: TenantDb,
  job: JobRow,
  token: string,
  chunk: JobChunk,
  t: number,
  release: boolean,
): Promise<JobRow | null> {
  const done = job.done + chunk.items;
  const keep = !chunk.finished && !release;
  const [rows] = await db.batch([
    db
      .update(jobs)
      .set({
        status: chunk.finished ? "done" : "running",
        cursor: chunk.finished ? job.cursor : chunk.cursor,
        done,
        messages: sql`${jobs.messages} + ${chunk.messages}`,
        // Finished: the total is what there turned out to be (an enterprise may have left meanwhile).
        ...(chunk.finished ? { total: done } : {}),
        attempts: 0,
        updatedAt: t,
        finishedAt: chunk.finished ? t : null,
        leaseToken: keep ? token : null,
        leaseUntil: keep ? t + LEASE_MS : null,
      })
      .where(
        and(
          eq(jobs.id, job.id),
          eq(jobs.leaseToken, token),
          eq(jobs.status, "running"),
          job.cursor === null ? isNull(jobs.cursor) : eq(jobs.cursor, job.cursor),
        ),
      )
      .returning(),
    ...chunk.writes.map((w) => onlyIfChanged(db, w)),
    ...(chunk.finished ? (chunk.finish ?? []).map((s) => db.run(s)) : []),
  ]);
  return rows[0] ?? null;
}

/** Records the failure and hands the job back for a later run, or gives it up after MAX_ATTEMPTS. */
async function failChunk(db: TenantDb, job: JobRow, token: string, err: unknown, t: number): Promise<void> {
  const last = job.attempts >= MAX_ATTEMPTS;
  const message = String(err instanceof Error ? err.message : err).slice(0, 500);
  await db
    .update(jobs)
    .set({
      status: last ? "failed" : "running",
      error: message,
      updatedAt: t,
      finishedAt: last ? t : null,
      leaseToken: null,
      leaseUntil: last ? null : t + RETRY_AFTER_MS,
    })
    .where(and(eq(jobs.id, job.id), eq(jobs.leaseToken, token)));
  console.error(JSON.stringify({ level: "error", job: job.kind, id: job.id, attempt: job.attempts, error: message }));
}
