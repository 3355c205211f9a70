/**
 * Pending messages go out through the senders the deployment configures. Without
 * EMAIL_API_URL nothing is sent and messages stay pending, visible in local dev at /dev/outbox.
 */
import { deliverPending } from "../features/outbox/deliver-pending";
import { configuredSenders } from "../features/outbox/senders";
import { logJob, type ZoneJob } from "./zone-job";

export const deliverOutboxJob: ZoneJob = async ({ deps, zone, db }) => {
  const senders = configuredSenders(deps.config);
  if (senders.length === 0) return;
  const r = await deliverPending({ db, senders, now: deps.now() });
  if (r.sent + r.failed + r.retried > 0) logJob("outbox", zone, { ...r });
};
