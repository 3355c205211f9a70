/** The zone's settings in force: the latest stored version, or the code's defaults (version 0). */
import { desc } from "drizzle-orm";
import { settingsOf, type ZoneSettings, zoneSettingsSchema } from "../../../tenants/settings";
import type { TenantDb } from "../../db/open";
import { type ZoneSettingsVersionRow, zoneSettingsVersions } from "../../db/schema";
import type { RequestCtx } from "../../middleware/request-ctx";
import { codeZoneOf } from "../../middleware/zone-settings";

export interface CurrentZoneSettings {
  /** 0 while the zone has changed nothing (the code's defaults). */
  version: number;
  /** Epoch ms of the version, null for the defaults. */
  changedAt: number | null;
  /** The email of who wrote it, null for the defaults. */
  changedBy: string | null;
  settings: ZoneSettings;
}

/** The read behind `getZoneSettings`, for a caller's own batch (a restore reads its version beside it). */
export const latestSettingsRead = (db: TenantDb) =>
  db.select().from(zoneSettingsVersions).orderBy(desc(zoneSettingsVersions.version)).limit(1);

/** The settings in force from `latestSettingsRead`'s rows. */
export function currentSettingsFrom(
  ctx: Pick<RequestCtx, "zone">,
  [row]: readonly ZoneSettingsVersionRow[],
): CurrentZoneSettings {
  if (!row) return { version: 0, changedAt: null, changedBy: null, settings: settingsOf(codeZoneOf(ctx.zone)) };
  return {
    version: row.version,
    changedAt: row.changedAt,
    changedBy: row.changedByEmail,
    settings: zoneSettingsSchema.parse(JSON.parse(row.data)),
  };
}

/** Reads the latest version (one query); the defaults come from the zone's code, not the request's cache. */
export async function getZoneSettings(ctx: Pick<RequestCtx, "db" | "zone">): Promise<CurrentZoneSettings> {
  return currentSettingsFrom(ctx, await latestSettingsRead(ctx.db));
}
