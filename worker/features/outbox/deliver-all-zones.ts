/**
 * The scheduled job, per zone: prune expired sign-in records and 申请入驻 files
 * never submitted, move applications
 * whose 公示 period has ended, flag loan applications past their response times
 * (their notices join this run's delivery), then deliver the
 * pending messages through the senders the deployment configures. Run by the Workers cron trigger (entry.worker.ts) and
 * by a timer on Node (entry.node.ts). Without EMAIL_API_URL nothing is sent and
 * messages stay pending, visible in local dev at /dev/outbox.
 */
import type { AppDeps } from "../../env";
import { openTenantDb } from "../../db/open";
import { pruneAuthRecords } from "../auth/prune-auth-records";
import { pruneDraftUploads } from "../onboarding/draft-uploads";
import { advanceZonePublicity } from "../subsidies/advance-zone-publicity";
import { flagOverdueLoans } from "../finance/response-times";
import { zoneOrigin } from "../../env";
import { deliverPending } from "./deliver-pending";
import { httpEmailSender, type MessageSender } from "./senders";

export function configuredSenders(config: AppDeps["config"]): MessageSender[] {
  const senders: MessageSender[] = [];
  if (config.EMAIL_API_URL && config.EMAIL_API_KEY && config.EMAIL_FROM) {
    senders.push(httpEmailSender({ url: config.EMAIL_API_URL, apiKey: config.EMAIL_API_KEY, from: config.EMAIL_FROM }));
  }
  return senders;
}

export async function deliverAllZones(deps: AppDeps): Promise<void> {
  const senders = configuredSenders(deps.config);
  for (const zone of deps.zones.all()) {
    try {
      const db = openTenantDb(deps.openClient(zone.slug));
      const pruned = await pruneAuthRecords(db, deps.now());
      if (pruned.attempts + pruned.sessions + pruned.resetTokens > 0)
        console.log(JSON.stringify({ level: "info", job: "prune", zone: zone.slug, ...pruned }));
      const drafts = await pruneDraftUploads({ db, blobs: deps.blobs, now: deps.now() });
      if (drafts > 0)
        console.log(JSON.stringify({ level: "info", job: "prune-draft-uploads", zone: zone.slug, files: drafts }));
      const advanced = await advanceZonePublicity(deps, zone, db);
      if (advanced > 0) console.log(JSON.stringify({ level: "info", job: "publicity", zone: zone.slug, advanced }));
      const overdue = await flagOverdueLoans({ db, zone, now: deps.now(), origin: zoneOrigin(deps.config, zone.slug) });
      if (overdue > 0)
        console.log(JSON.stringify({ level: "info", job: "loan-response-times", zone: zone.slug, overdue }));
      if (senders.length === 0) continue;
      const r = await deliverPending({ db, senders, now: deps.now() });
      if (r.sent + r.failed + r.retried > 0)
        console.log(JSON.stringify({ level: "info", job: "outbox", zone: zone.slug, ...r }));
    } catch (err) {
      // One zone's database being unreachable must not stop the others' jobs.
      console.error(JSON.stringify({ level: "error", job: "scheduled", zone: zone.slug, error: String(err) }));
    }
  }
}
