/**
 * The scheduled run, for every zone in turn: each job of `zoneJobs` in order. Run by the
 * Workers cron trigger (entry.worker.ts) and by a timer on Node (entry.node.ts).
 */
import { openTenantDb } from "../db/open";
import type { AppDeps } from "../env";
import { advancePublicityJob } from "./advance-publicity";
import { deliverOutboxJob } from "./deliver-outbox";
import { flagOverdueLoansJob } from "./flag-overdue-loans";
import { pruneAuthRecordsJob } from "./prune-auth-records";
import { pruneDraftUploadsJob } from "./prune-draft-uploads";
import { pruneNoticesJob } from "./prune-notices";
import { reportRemindersJob } from "./report-reminders";
import { runQueuedJobsJob } from "./run-queued-jobs";
import type { ZoneJob } from "./zone-job";
import { loadZone } from "../middleware/zone-settings";

/** Delivery last: notices the earlier jobs write (overdue loans, 免申即享) go out in the same run. */
const zoneJobs: readonly ZoneJob[] = [
  pruneAuthRecordsJob,
  pruneDraftUploadsJob,
  pruneNoticesJob,
  advancePublicityJob,
  flagOverdueLoansJob,
  reportRemindersJob,
  runQueuedJobsJob,
  deliverOutboxJob,
];

/** Every active zone of the control plane; suspended and provisioning zones are skipped. */
export async function runScheduled(deps: AppDeps): Promise<void> {
  for (const tenant of await deps.directory.list()) {
    if (tenant.status !== "active") continue;
    const code = deps.directory.baseZone(tenant);
    try {
      const db = openTenantDb(deps.openClient(tenant.dbName));
      // The zone's own settings (stages, 公示 days, calendar), as its pages see them.
      const zone = await loadZone(code, () => db);
      for (const job of zoneJobs) await job({ deps, zone, db });
    } catch (err) {
      // One zone's database being unreachable must not stop the others' jobs. Within a zone a
      // failed job ends that zone's run: the next minute's run starts over from the first job.
      console.error(JSON.stringify({ level: "error", job: "scheduled", zone: code.slug, error: String(err) }));
    }
  }
}
