/** The scheduled 公示 step for one zone (see ./publicity.ts), with the names its notices need. */
import type { ZoneConfig } from "../../../tenants/schema";
import type { TenantDb } from "../../db/open";
import { zoneOrigin, type AppDeps } from "../../env";
import { shanghaiDate } from "../../lib/calendar";
import { loadCurrentPolicy } from "../policies/current-policy";
import { titleFrom } from "./programme-title";
import { advancePublicity } from "./publicity";

export async function advanceZonePublicity(
  deps: Pick<AppDeps, "config" | "now">,
  zone: ZoneConfig,
  db: TenantDb,
): Promise<number> {
  const now = deps.now();
  const policy = await loadCurrentPolicy({ db, zone }, shanghaiDate(now));
  const title = titleFrom(policy?.compiled);
  return advancePublicity({ db, zone, now, ip: null, origin: zoneOrigin(deps.config, zone.slug) }, title);
}
