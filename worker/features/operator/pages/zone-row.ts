/** A zone as the console's pages show it: the control plane's row and its database's figures. */
import { zoneOrigin, type AppDeps } from "../../../env";
import type { TenantRecord } from "../../../control-plane/directory";
import type { ZoneListRow } from "../../../../web/pages/operator/zones";
import type { ZoneStats } from "../read-zone-stats";

export function zoneRow(deps: AppDeps, tenant: TenantRecord, stats: ZoneStats | null): ZoneListRow {
  return {
    slug: tenant.slug,
    nameZh: tenant.name.zh,
    region: `${tenant.region.province} · ${tenant.region.city}`,
    status: tenant.status,
    origin: zoneOrigin(deps.config, tenant.slug),
    hostnames: tenant.hostnames,
    stats,
  };
}
