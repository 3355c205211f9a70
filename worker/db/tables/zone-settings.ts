/**
 * The zone's own settings (园区设置), versioned: each change writes a new row with the
 * full settings object as of that version (tenants/settings.ts). The latest row is in
 * force; none yet means the code's defaults (tenants/<slug>/zone.ts).
 */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const zoneSettingsVersions = sqliteTable("zone_settings_versions", {
  version: integer("version").primaryKey({ autoIncrement: true }),
  /** The full settings object as JSON, validated before it was written. */
  data: text("data").notNull(),
  changedByUserId: text("changed_by_user_id"),
  changedByEmail: text("changed_by_email"),
  /** Epoch milliseconds. */
  changedAt: integer("changed_at").notNull(),
  /** The version this one restored, or null for an edit. */
  restoredFrom: integer("restored_from"),
});

export type ZoneSettingsVersionRow = typeof zoneSettingsVersions.$inferSelect;

/**
 * What anonymous visitors read, by area ("policy", "publicity", "finance", "settings"), each with a
 * version that triggers bump in the same statement as any write to the area's tables (migration
 * 0011): a cached public page is keyed by the versions it depends on, so a change is visible as soon
 * as its version moves (middleware/page-cache.ts, docs/decisions/0019).
 */
export const zoneDataVersions = sqliteTable("zone_data_versions", {
  area: text("area").primaryKey(),
  version: integer("version").notNull().default(0),
});
