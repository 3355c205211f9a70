/**
 * Every kind of queued job and the feature code that does one chunk of it. Assembled here, where
 * the features meet, so the jobs feature (the table and the runner) depends on none of them.
 */
import type { JobHandlers } from "../features/jobs/job-handler";
import { computeProgrammeMatchesChunk } from "../features/policies/compute-programme-matches";
import { notifyNewlyEligibleChunk } from "../features/policies/notify-newly-eligible";

export const jobHandlers: JobHandlers = {
  notify_newly_eligible: notifyNewlyEligibleChunk,
  programme_matches: computeProgrammeMatchesChunk,
};
