/**
 * Loan applications past their response times are flagged to the bank, and escalated to the zone
 * admins when the zone's finance.escalation says (the zone as loadZone gives it, its settings applied);
 * the notices go out with this run's delivery, which is why this job runs before deliver-outbox.ts.
 */
import { zoneOrigin } from "../env";
import { flagOverdueLoans } from "../features/finance/response-times";
import { logJob, type ZoneJob } from "./zone-job";

export const flagOverdueLoansJob: ZoneJob = async ({ deps, zone, db }) => {
  const overdue = await flagOverdueLoans({ db, zone, now: deps.now(), origin: zoneOrigin(deps.config, zone.slug) });
  if (overdue > 0) logJob("loan-response-times", zone, { overdue });
};
