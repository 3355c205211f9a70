/** A demo zone's control-plane row as the directory hands it out, for tests that build a Site by hand. */
import type { ZoneConfig } from "../../tenants/schema";
import type { TenantRecord } from "../../worker/control-plane/directory";
import { codeZoneIdentity } from "../../worker/control-plane/zone-base";

export function activeTenantRecord(zone: ZoneConfig): TenantRecord {
  return {
    ...codeZoneIdentity(zone),
    status: "active",
    dbName: zone.slug,
    hostnames: [],
    provisionStep: null,
    provisionError: null,
    rev: 1,
    createdAt: 0,
    updatedAt: 0,
  };
}
