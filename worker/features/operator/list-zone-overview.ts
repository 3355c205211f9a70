/**
 * The console's zone list: every zone's row from the control plane (in memory, see
 * control-plane/directory.ts) and, for one page of them, the figures from each zone's own
 * database. The page is bounded (ZONES_PER_PAGE) because each zone costs a round trip to
 * its own database; they are read ZONE_READS_AT_ONCE at a time, under the six connections
 * a Worker request may have open at once, so a page of 1,000 zones is never one request.
 */
import type { TenantRecord } from "../../control-plane/directory";
import type { TenantStatus } from "../../db/platform-schema";
import type { AppDeps } from "../../env";
import { readZoneStats, type ZoneStats } from "./read-zone-stats";

export const ZONES_PER_PAGE = 25;
const ZONE_READS_AT_ONCE = 5;

export interface ZoneOverview {
  tenant: TenantRecord;
  stats: ZoneStats | null;
}

export interface ZoneFilter {
  /** Part of the slug, a name (zh or en), the city or province, or a custom hostname; case-insensitive. */
  q?: string;
  status?: TenantStatus;
}

/** Whether a zone matches the console's search: filtered in memory, where the directory keeps every row. */
function matches(t: TenantRecord, { q, status }: ZoneFilter): boolean {
  if (status && t.status !== status) return false;
  if (!q) return true;
  const needle = q.toLowerCase();
  return [t.slug, t.name.zh, t.name.en, t.region.province, t.region.city, ...t.hostnames].some((v) =>
    v.toLowerCase().includes(needle),
  );
}

export async function listZoneOverview({
  deps,
  page,
  filter = {},
}: {
  deps: AppDeps;
  page: number;
  filter?: ZoneFilter;
}): Promise<{
  zones: ZoneOverview[];
  page: number;
  pages: number;
  total: number;
  /** Every zone of the platform, whatever the filter. */
  all: number;
}> {
  const every = await deps.directory.list();
  const all = every.filter((t) => matches(t, filter));
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
  return {
    zones: slice.map((tenant, i) => ({ tenant, stats: stats[i]! })),
    page: current,
    pages,
    total: all.length,
    all: every.length,
  };
}
