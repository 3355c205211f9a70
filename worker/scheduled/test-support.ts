/** For tests: run a zone's queued jobs to the end, as the scheduled runs would over several minutes. */
import type { ZoneConfig } from "../../tenants/schema";
import type { TenantDb } from "../db/open";
import { runZoneJobs, type RunSummary } from "../features/jobs/run-zone-jobs";
import { jobHandlers } from "./zone-job-kinds";

export async function drainZoneJobs(
  { db, zone, now, origin = "https://zibo.example.cn" }: { db: TenantDb; zone: ZoneConfig; now: Date; origin?: string },
  opts: { chunkSize?: number; maxChunks?: number } = {},
): Promise<RunSummary[]> {
  const runs: RunSummary[] = [];
  // Bounded, so a job that never finishes fails the test instead of hanging it.
  for (let i = 0; i < 100; i++) {
    const r = await runZoneJobs({ db, zone, origin, clock: () => now, handlers: jobHandlers, ...opts });
    if (r.chunks === 0) return runs;
    runs.push(r);
  }
  throw new Error("queued jobs did not finish in 100 runs");
}
