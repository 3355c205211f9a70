/** 申请入驻 files uploaded to a draft that was never submitted. */
import { pruneDraftUploads } from "../features/onboarding/draft-uploads";
import { logJob, type ZoneJob } from "./zone-job";

export const pruneDraftUploadsJob: ZoneJob = async ({ deps, zone, db }) => {
  const files = await pruneDraftUploads({ db, blobs: deps.blobs, now: deps.now() });
  if (files > 0) logJob("prune-draft-uploads", zone, { files });
};
