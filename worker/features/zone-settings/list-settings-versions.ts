/** The zone's settings versions, newest first: who, when, what changed against the one before. */
import { desc } from "drizzle-orm";
import {
  changedKeys,
  settingsOf,
  type ZoneSettings,
  type ZoneSettingsKey,
  zoneSettingsSchema,
} from "../../../tenants/settings";
import { codeZoneOf } from "../../middleware/zone-settings";
import { zoneSettingsVersions } from "../../db/schema";
import type { RequestCtx } from "../../middleware/request-ctx";

export interface SettingsVersionItem {
  version: number;
  changedAt: number;
  changedBy: string | null;
  restoredFrom: number | null;
  /** Top-level keys that differ from the version before (the first: from the code's defaults). */
  changed: ZoneSettingsKey[];
}

/** At most this many versions are listed (a zone changes its settings a few times a year). */
export const VERSIONS_LISTED = 200;

export async function listSettingsVersions(ctx: Pick<RequestCtx, "db" | "zone">): Promise<SettingsVersionItem[]> {
  const rows = await ctx.db
    .select()
    .from(zoneSettingsVersions)
    .orderBy(desc(zoneSettingsVersions.version))
    .limit(VERSIONS_LISTED + 1);
  const parsed = rows.map((r) => zoneSettingsSchema.safeParse(JSON.parse(r.data)));
  return rows.slice(0, VERSIONS_LISTED).map((r, i) => {
    const mine = parsed[i]!;
    const previous = parsed[i + 1];
    // The zone's first change is compared with the code's defaults.
    const before: ZoneSettings | null = previous
      ? previous.success
        ? previous.data
        : null
      : settingsOf(codeZoneOf(ctx.zone));
    return {
      version: r.version,
      changedAt: r.changedAt,
      changedBy: r.changedByEmail,
      restoredFrom: r.restoredFrom,
      changed: mine.success ? changedKeys(before, mine.data) : [],
    };
  });
}
