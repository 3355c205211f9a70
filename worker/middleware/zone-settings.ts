/**
 * The effective configuration of a zone: the code's (tenants/<slug>/zone.ts) with the
 * zone's own settings (the latest row of zone_settings_versions) applied.
 *
 * How a change reaches every page within 5 s: each isolate keeps, per zone, the version
 * it last saw and when it checked. A request whose entry is younger than FRESH_MS runs
 * on it with no read; an older one first reads the latest version's number and data
 * (one small indexed read, LIMIT 1) and re-applies it if the number moved. A write
 * (PUT, restore) updates the cache of the isolate that served it at once, so its own
 * next page shows the change. Other isolates see it at their next check, ≤ 5 s later.
 */
import { desc } from "drizzle-orm";
import { applySettings, type ZoneSettings, zoneSettingsSchema } from "../../tenants/settings";
import type { ZoneConfig } from "../../tenants/schema";
import type { TenantDb } from "../db/open";
import { findDatabaseUnavailable } from "../db/time-limited-client";
import { zoneSettingsVersions } from "../db/schema";

/** How long a zone's settings are used without asking the database again. */
export const FRESH_MS = 5_000;

interface Entry {
  code: ZoneConfig;
  version: number;
  zone: ZoneConfig;
  checkedAt: number;
}

const cache = new Map<string, Entry>();
/** Effective zone → the code's zone it was built from (services merge onto the code's defaults). */
const codeOf = new WeakMap<ZoneConfig, ZoneConfig>();

/** The zone as tenants/<slug>/zone.ts defines it, for a zone this module handed out (or the code's own). */
export function codeZoneOf(zone: ZoneConfig): ZoneConfig {
  return codeOf.get(zone) ?? zone;
}

/** The latest stored settings version, or null when the zone has changed nothing yet. */
export async function readLatestSettings(db: TenantDb): Promise<{ version: number; settings: ZoneSettings } | null> {
  const [row] = await db
    .select({ version: zoneSettingsVersions.version, data: zoneSettingsVersions.data })
    .from(zoneSettingsVersions)
    .orderBy(desc(zoneSettingsVersions.version))
    .limit(1);
  if (!row) return null;
  return { version: row.version, settings: zoneSettingsSchema.parse(JSON.parse(row.data)) };
}

/**
 * Records `version` (0 = the code's defaults) as this isolate's view of the zone, and
 * returns the effective zone. Called by the loader and by the services that write.
 */
export function rememberZoneSettings(
  code: ZoneConfig,
  version: number,
  settings: ZoneSettings | null,
  nowMs: number,
): ZoneConfig {
  const current = cache.get(code.slug);
  if (current && current.code === code && current.version === version) {
    current.checkedAt = nowMs;
    return current.zone;
  }
  const zone = settings ? applySettings(code, settings) : code;
  if (zone !== code) codeOf.set(zone, code);
  cache.set(code.slug, { code, version, zone, checkedAt: nowMs });
  return zone;
}

/**
 * The effective zone for a request: from this isolate's cache while fresh, else after one
 * read. An outage (db/time-limited-client.ts) is thrown, so the request answers 503 as any
 * query's would, once. Any other failure (a database not migrated yet, a stored version
 * today's rules refuse) is a warning, and the zone last seen (or the code's) serves.
 */
export async function loadZone(code: ZoneConfig, db: () => TenantDb, nowMs = Date.now()): Promise<ZoneConfig> {
  const entry = cache.get(code.slug);
  if (entry && entry.code === code && nowMs - entry.checkedAt < FRESH_MS) return entry.zone;
  try {
    const latest = await readLatestSettings(db());
    return rememberZoneSettings(code, latest?.version ?? 0, latest?.settings ?? null, nowMs);
  } catch (err) {
    if (findDatabaseUnavailable(err)) throw err;
    console.warn(JSON.stringify({ level: "warn", event: "zone_settings_unread", zone: code.slug, error: String(err) }));
    if (entry && entry.code === code) {
      entry.checkedAt = nowMs;
      return entry.zone;
    }
    return code;
  }
}
