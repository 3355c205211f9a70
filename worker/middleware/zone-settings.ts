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
 *
 * The same read brings the zone's data versions (zone_data_versions: one number per area
 * that anonymous pages show, bumped by triggers in the same statement as any write), which
 * key the cached public pages (middleware/page-cache.ts). A signed-in request reads this
 * state in the batch that reads its session (middleware/session.ts), so it is never stale
 * there and costs no round trip of its own.
 */
import { desc, sql } from "drizzle-orm";
import { applySettings, type ZoneSettings, zoneSettingsSchema } from "../../tenants/settings";
import type { ZoneConfig } from "../../tenants/schema";
import type { TenantDb } from "../db/open";
import { findDatabaseUnavailable } from "../db/time-limited-client";
import { zoneDataVersions, zoneSettingsVersions } from "../db/schema";

/** How long a zone's settings are used without asking the database again. */
export const FRESH_MS = 5_000;

/** Each area's data version (zone_data_versions), e.g. { policy: 3, publicity: 17, … }. */
export type DataVersions = Readonly<Record<string, number>>;

interface Entry {
  code: ZoneConfig;
  version: number;
  zone: ZoneConfig;
  dataVersions: DataVersions;
  checkedAt: number;
  /** Set after a request that may have written: the next request must read the state before it serves. */
  mustRead?: boolean;
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
 * The two small reads behind a zone's state, to run in a request's first batch: every area's
 * data version, and the latest settings version with its data only when it differs from the
 * one this isolate holds (so an unchanged zone sends back a number, not its settings).
 */
export function zoneStateReads(db: TenantDb, code: ZoneConfig) {
  const entry = cache.get(code.slug);
  const known = entry && entry.code === code ? entry.version : -1;
  return [
    db.select({ area: zoneDataVersions.area, version: zoneDataVersions.version }).from(zoneDataVersions),
    db
      .select({
        version: zoneSettingsVersions.version,
        data: sql<
          string | null
        >`CASE WHEN ${zoneSettingsVersions.version} <> ${known} THEN ${zoneSettingsVersions.data} END`,
      })
      .from(zoneSettingsVersions)
      .orderBy(desc(zoneSettingsVersions.version))
      .limit(1),
  ] as const;
}

export type ZoneStateRows = [Array<{ area: string; version: number }>, Array<{ version: number; data: string | null }>];

/** Applies what `zoneStateReads` returned: the effective zone, remembered as checked now. */
export function applyZoneState(code: ZoneConfig, [areas, latest]: ZoneStateRows, nowMs: number): ZoneConfig {
  const dataVersions = Object.fromEntries(areas.map((a) => [a.area, a.version]));
  const row = latest[0];
  const entry = cache.get(code.slug);
  if (row && row.data === null && entry && entry.code === code && entry.version === row.version) {
    entry.dataVersions = dataVersions;
    entry.checkedAt = nowMs;
    entry.mustRead = false;
    return entry.zone;
  }
  const settings = row?.data ? zoneSettingsSchema.parse(JSON.parse(row.data)) : null;
  return rememberZoneSettings(code, row?.version ?? 0, settings, nowMs, dataVersions);
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
  dataVersions?: DataVersions,
): ZoneConfig {
  const current = cache.get(code.slug);
  const versions = dataVersions ?? (current?.code === code ? current.dataVersions : {});
  if (current && current.code === code && current.version === version) {
    current.checkedAt = nowMs;
    current.dataVersions = versions;
    current.mustRead = false;
    return current.zone;
  }
  const zone = settings ? applySettings(code, settings) : code;
  if (zone !== code) codeOf.set(zone, code);
  cache.set(code.slug, { code, version, zone, dataVersions: versions, checkedAt: nowMs });
  return zone;
}

/**
 * What this isolate last saw of a zone: its effective config and data versions, and whether
 * that was within FRESH_MS (a request may then use it without a read).
 */
export function cachedZoneState(
  code: ZoneConfig,
  nowMs: number,
): { zone: ZoneConfig; settingsVersion: number; dataVersions: DataVersions; fresh: boolean; mustRead: boolean } | null {
  const entry = cache.get(code.slug);
  if (!entry || entry.code !== code) return null;
  const { zone, version, dataVersions, checkedAt } = entry;
  return {
    zone,
    settingsVersion: version,
    dataVersions,
    fresh: nowMs - checkedAt < FRESH_MS,
    mustRead: entry.mustRead === true,
  };
}

/**
 * After a request that may have written (any method but GET/HEAD/OPTIONS): this isolate's next request
 * to the zone reads its state again, so a public page it serves shows the write at once.
 */
export function markZoneStateStale(code: ZoneConfig): void {
  const entry = cache.get(code.slug);
  if (entry && entry.code === code) entry.mustRead = true;
}

/**
 * The effective zone for a request: from this isolate's cache while fresh, else after one
 * round trip (`zoneStateReads` in one batch). An outage (db/time-limited-client.ts) is thrown,
 * so the request answers 503 as any query's would, once. Any other failure (a database not
 * migrated yet, a stored version today's rules refuse) is a warning, and the zone last seen
 * (or the code's) serves.
 */
export async function loadZone(
  code: ZoneConfig,
  db: () => TenantDb,
  nowMs = Date.now(),
  { force = false } = {},
): Promise<ZoneConfig> {
  const entry = cache.get(code.slug);
  if (!force && entry && entry.code === code && !entry.mustRead && nowMs - entry.checkedAt < FRESH_MS)
    return entry.zone;
  try {
    const handle = db();
    const rows = (await handle.batch(zoneStateReads(handle, code))) as ZoneStateRows;
    return applyZoneState(code, rows, nowMs);
  } catch (err) {
    return keepLastSeen(code, err, nowMs);
  }
}

/** After a failed state read: an outage is thrown; anything else is logged, and the zone last seen serves. */
export function keepLastSeen(code: ZoneConfig, err: unknown, nowMs: number): ZoneConfig {
  if (findDatabaseUnavailable(err)) throw err;
  console.warn(JSON.stringify({ level: "warn", event: "zone_settings_unread", zone: code.slug, error: String(err) }));
  const entry = cache.get(code.slug);
  if (entry && entry.code === code) {
    entry.checkedAt = nowMs;
    return entry.zone;
  }
  return code;
}
