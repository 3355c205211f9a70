/**
 * Queued work that grows with the zone (免申即享 notices after publishing): a bounded number of
 * chunks per zone per run (see features/jobs/run-zone-jobs.ts); a big job finishes over several
 * minutes. Before deliver-outbox.ts, so a chunk's notices go out in the same run.
 *
 * Why the cron and not Cloudflare Queues: the same code then runs on Workers and on Node, the
 * progress lives in the zone's own database where the admin reads it, and a per-minute chunk
 * budget is fast enough for a zone's few publications a year; a queue would add a binding, a
 * consumer and a second path to test for no gain at this rate.
 */
import { zoneOrigin } from "../env";
import { runZoneJobs } from "../features/jobs/run-zone-jobs";
import { jobHandlers } from "./zone-job-kinds";
import { logJob, type ZoneJob } from "./zone-job";

/** 5 × 200 enterprises a minute: a 5,000-enterprise zone is told within five runs. */
export const CHUNK_SIZE = 200;
export const CHUNKS_PER_RUN = 5;

export const runQueuedJobsJob: ZoneJob = async ({ deps, zone, db }) => {
  const r = await runZoneJobs({
    db,
    zone,
    origin: zoneOrigin(deps.config, zone.slug),
    clock: () => deps.now(),
    handlers: jobHandlers,
    chunkSize: CHUNK_SIZE,
    maxChunks: CHUNKS_PER_RUN,
  });
  if (r.chunks > 0) logJob("queued-jobs", zone, { ...r });
};
