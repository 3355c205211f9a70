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
