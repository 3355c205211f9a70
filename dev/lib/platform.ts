/**
 * The platform database for local runs (npm start, the tests): migrated, with the demo
 * zones of tenants/ registered as active zones whose database is named after their slug.
 * Idempotent: a zone already registered keeps its row (and its status).
 */
import type { Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql/web";
import { platformMigrations } from "../../migrations/platform/bundle";
import type { ZoneConfig } from "../../tenants/schema";
import { insertTenant } from "../../worker/control-plane/records";
import { codeZoneIdentity } from "../../worker/control-plane/zone-base";
import { migrateTenant } from "../../worker/db/migrate";

export async function preparePlatform(client: Client, zones: readonly ZoneConfig[], nowMs = Date.now()) {
  const migrated = await migrateTenant(client, platformMigrations);
  const db = drizzle(client);
  const registered: string[] = [];
  for (const zone of zones) {
    const added = await insertTenant(db, { ...codeZoneIdentity(zone), status: "active", dbName: zone.slug, nowMs });
    if (added) registered.push(zone.slug);
  }
  return { migrated, registered };
}
