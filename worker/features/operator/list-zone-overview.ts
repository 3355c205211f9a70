/**
 * The console's zone list: every zone's row from the control plane (in memory, see
 * control-plane/directory.ts) and, for one page of them, the figures from each zone's own
 * database. The page is bounded (ZONES_PER_PAGE) because each zone costs a round trip to
 * its own database; they are read ZONE_READS_AT_ONCE at a time, under the six connections
 * a Worker request may have open at once, so a page of 1,000 zones is never one request.
 */
import type { TenantRecord } from "../../control-plane/directory";
import type { AppDeps } from "../../env";
import { readZoneStats, type ZoneStats } from "./read-zone-stats";

export const ZONES_PER_PAGE = 25;
const ZONE_READS_AT_ONCE = 5;

export interface ZoneOverview {
  tenant: TenantRecord;
  stats: ZoneStats | null;
}

export async function listZoneOverview({ deps, page }: { deps: AppDeps; page: number }): Promise<{
  zones: ZoneOverview[];
  page: number;
  pages: number;
  total: number;
}> {
  const all = await deps.directory.list();
  const pages = Math.max(1, Math.ceil(all.length / ZONES_PER_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const slice = all.slice((current - 1) * ZONES_PER_PAGE, current * ZONES_PER_PAGE);
  const stats: (ZoneStats | null)[] = new Array(slice.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < slice.length) {
      const i = next++;
      stats[i] = await readZoneStats({ deps, tenant: slice[i]! });
    }
  };
  await Promise.all(Array.from({ length: Math.min(ZONE_READS_AT_ONCE, slice.length) }, worker));
  return { zones: slice.map((tenant, i) => ({ tenant, stats: stats[i]! })), page: current, pages, total: all.length };
}
