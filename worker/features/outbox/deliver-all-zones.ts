/**
 * The delivery job: every zone's pending messages, through the senders the
 * deployment configures. Run by the Workers cron trigger (entry.worker.ts) and
 * by a timer on Node (entry.node.ts). Without EMAIL_API_URL nothing is sent and
 * messages stay pending, visible in local dev at /dev/outbox.
 */
import type { AppDeps } from "../../env";
import { openTenantDb } from "../../db/open";
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
  if (senders.length === 0) return;
  for (const zone of deps.zones.all()) {
    try {
      const r = await deliverPending({ db: openTenantDb(deps.openClient(zone.slug)), senders, now: deps.now() });
      if (r.sent + r.failed + r.retried > 0) console.log(JSON.stringify({ level: "info", job: "outbox", zone: zone.slug, ...r }));
    } catch (err) {
      // One zone's database being unreachable must not stop the others' mail.
      console.error(JSON.stringify({ level: "error", job: "outbox", zone: zone.slug, error: String(err) }));
    }
  }
}
