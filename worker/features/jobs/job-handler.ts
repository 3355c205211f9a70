/**
 * What a kind of job does, one chunk at a time. A handler reads what its chunk needs and returns
 * the writes; it writes nothing itself: the runner commits those writes in the same batch as the
 * job's new cursor, and only while it still holds the job (run-zone-jobs.ts), so a chunk's effects
 * and its progress land together or not at all.
 */
import type { SQL } from "drizzle-orm";
import type { ZoneConfig } from "../../../tenants/schema";
import type { TenantDb } from "../../db/open";
import type { JobKind, JobRow } from "../../db/schema";

export interface JobChunkCtx {
  db: TenantDb;
  zone: ZoneConfig;
  now: Date;
  /** The zone's public origin, for links in messages. */
  origin: string;
}

/** A single-row `insert … values (…)`, not yet run (see db/only-if-changed.ts). */
export interface SingleRowInsert {
  toSQL(): { sql: string; params: unknown[] };
}

export interface JobChunk {
  /** Items this chunk covered (enterprises looked at), added to the job's `done`. */
  items: number;
  /** Where the next chunk starts; ignored once `finished`. */
  cursor: string | null;
  /** True when nothing is left after this chunk. */
  finished: boolean;
  /** The chunk's effects, committed with its progress. */
  writes: SingleRowInsert[];
  /** How many of `writes` are outbox messages, added to the job's `messages`. */
  messages: number;
  /**
   * Statements for the batch of the LAST chunk only, after its writes (a stored list switched to the
   * rows this job wrote). They are not chained on the job's UPDATE: each guards itself on the job
   * being done and must be idempotent, so a runner that lost its lease changes nothing new.
   */
  finish?: SQL[];
}

export type JobHandler = (
  ctx: JobChunkCtx,
  job: Pick<JobRow, "id" | "params" | "cursor">,
  limit: number,
) => Promise<JobChunk>;

/** Every kind's handler, assembled where the features meet (worker/scheduled/zone-job-kinds.ts). */
export type JobHandlers = Record<JobKind, JobHandler>;
