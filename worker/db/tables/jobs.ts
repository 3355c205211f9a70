/**
 * Work that grows with the zone (免申即享 notices after a policy version is published) is not done
 * inside the request: it is queued here and the scheduled run advances it a bounded chunk at a time
 * (worker/features/jobs/run-zone-jobs.ts). Each chunk's effects are written in the same batch as the
 * job's new cursor and counts, so a crash resumes exactly after the last committed chunk.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const JOB_KINDS = ["notify_newly_eligible", "programme_matches"] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_STATUSES = ["queued", "running", "done", "failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const jobs = sqliteTable(
  "jobs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: JOB_KINDS }).notNull(),
    /** JSON, validated by the kind's own zod schema when a chunk runs. */
    params: text("params").notNull(),
    status: text("status", { enum: JOB_STATUSES }).notNull().default("queued"),
    /** Where the next chunk starts (the kind says what it means: the last enterprise id done); null: at the start. */
    cursor: text("cursor"),
    /** Items done so far, of `total` (counted when the job was queued; null when unknown). */
    done: integer("done").notNull().default(0),
    total: integer("total"),
    /** Messages the job has queued in the outbox so far. */
    messages: integer("messages").notNull().default(0),
    /** Claims since the last committed chunk: a job that keeps failing or crashing stops after a few. */
    attempts: integer("attempts").notNull().default(0),
    /** The last failure, for the admin; kept after a retry succeeds, so a hiccup stays visible. */
    error: text("error"),
    /** Which runner holds the job, and until when (epoch ms): another claims it only after that. */
    leaseToken: text("lease_token"),
    leaseUntil: integer("lease_until"),
    /** Who queued it: a user id, or null for the CLI and the system. */
    createdBy: text("created_by"),
    /** Epoch milliseconds. */
    createdAt: integer("created_at").notNull(),
    startedAt: integer("started_at"),
    updatedAt: integer("updated_at").notNull(),
    finishedAt: integer("finished_at"),
  },
  (t) => [index("jobs_status_idx").on(t.status, t.id)],
);

export type JobRow = typeof jobs.$inferSelect;
