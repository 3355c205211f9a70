/**
 * The platform database for local runs. `npm start` creates the demo zones of tenants/ the
 * way an operator creates any zone (provisionDemoZones → provisionZone, template = the zone's
 * own folder); tests that only need the rows register them directly (preparePlatform).
 * Both are idempotent: a zone already registered keeps its row (and its status).
 */
import type { Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql/web";
import { platformMigrations } from "../../migrations/platform/bundle";
import type { ZoneConfig } from "../../tenants/schema";
import { provisionZone, type ProvisionDeps } from "../../worker/control-plane/provision/provision-zone";
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

export interface DemoZoneOutcome {
  slug: string;
  /** "created" by this run, "existing" before it, or "failed" at a step (the run stops there). */
  status: "created" | "existing" | "failed";
  detail?: string;
}

/**
 * Migrates the platform database, then creates each demo zone not registered yet through the
 * same service as the platform API and `npm run tenant:create` (a zone left `provisioning` by
 * an interrupted start is resumed). Throws when a zone cannot be created: npm start stops.
 */
export async function provisionDemoZones(deps: ProvisionDeps, zones: readonly ZoneConfig[]) {
  const migrated = await migrateTenant(deps.openPlatformClient(), platformMigrations);
  deps.directory.invalidate();
  const outcomes: DemoZoneOutcome[] = [];
  for (const zone of zones) {
    const existing = await deps.directory.get(zone.slug);
    if (existing && existing.status !== "provisioning") {
      outcomes.push({ slug: zone.slug, status: "existing" });
      continue;
    }
    const { slug, name, region, phone, template } = codeZoneIdentity(zone);
    const { tenant, steps } = await provisionZone({
      deps,
      input: { slug, name, province: region.province, city: region.city, phone, template },
      actor: { id: null, label: "npm start", ip: null },
    });
    const failed = steps.find((s) => !s.ok);
    if (tenant.status !== "active" || failed)
      throw new Error(`creating demo zone ${slug} failed at ${failed?.name}: ${failed?.error}`);
    outcomes.push({ slug, status: "created" });
  }
  return { migrated, outcomes };
}
