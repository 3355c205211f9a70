/**
 * What one scheduled job gets for one zone, and the log line it writes. A job is one
 * housekeeping step that calls its feature's service; run-scheduled.ts runs them in turn.
 */
import type { ZoneConfig } from "../../tenants/schema";
import type { TenantDb } from "../db/open";
import type { AppDeps } from "../env";

export interface ZoneJobCtx {
  /** The deployment's deps: each job reads the clock (`deps.now()`) when it starts. */
  deps: AppDeps;
  zone: ZoneConfig;
  /** The zone's database, opened once for all of this run's jobs. */
  db: TenantDb;
}

/** Throws when its step fails; the run then moves on to the next zone (see run-scheduled.ts). */
export type ZoneJob = (ctx: ZoneJobCtx) => Promise<void>;

/** One JSON line per job that changed something, so a quiet minute logs nothing. */
export function logJob(job: string, zone: ZoneConfig, counts: Record<string, number>): void {
  console.log(JSON.stringify({ level: "info", job, zone: zone.slug, ...counts }));
}
