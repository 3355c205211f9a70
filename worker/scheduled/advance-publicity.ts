/** Applications whose 公示 period has ended move on (see features/subsidies/publicity.ts). */
import { advanceZonePublicity } from "../features/subsidies/advance-zone-publicity";
import { logJob, type ZoneJob } from "./zone-job";

export const advancePublicityJob: ZoneJob = async ({ deps, zone, db }) => {
  const advanced = await advanceZonePublicity(deps, zone, db);
  if (advanced > 0) logJob("publicity", zone, { advanced });
};
