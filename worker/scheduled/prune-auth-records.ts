/** Sign-in attempts, expired sessions and spent reset tokens past their keeping time. */
import { pruneAuthRecords } from "../features/auth/prune-auth-records";
import { logJob, type ZoneJob } from "./zone-job";

export const pruneAuthRecordsJob: ZoneJob = async ({ deps, zone, db }) => {
  const pruned = await pruneAuthRecords(db, deps.now());
  if (pruned.attempts + pruned.sessions + pruned.resetTokens > 0) logJob("prune", zone, pruned);
};
