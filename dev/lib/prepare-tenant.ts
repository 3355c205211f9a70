/** Migrate a zone's database and load its configuration into it: what a zone needs before it serves. */
import { createClient, type Client } from "@libsql/client";
import { migrations } from "../../migrations/bundle";
import { migrateTenant } from "../../worker/db/migrate";
import { openTenantDb } from "../../worker/db/open";
import { syncPolicyDocuments } from "../../worker/features/policies/sync-documents";
import type { ZoneConfig } from "../../tenants/schema";

export async function prepareTenant(client: Client, zone: ZoneConfig) {
  const migrated = await migrateTenant(client, migrations);
  const synced = await syncPolicyDocuments({ db: openTenantDb(client), zone });
  return { migrated, synced };
}

/** Prepares every configured zone, each through its own client from `urlFor(slug)`. */
export async function prepareAllZones(urlFor: (slug: string) => string, zones: readonly ZoneConfig[]) {
  const results = [];
  for (const zone of zones) {
    const client = createClient({ url: urlFor(zone.slug) });
    try {
      results.push({ zone, ...(await prepareTenant(client, zone)) });
    } finally {
      client.close();
    }
  }
  return results;
}
