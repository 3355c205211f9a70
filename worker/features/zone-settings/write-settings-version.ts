/**
 * Writes a new settings version with its audit row, and shows it to this isolate at once.
 *
 * The new row's number is the one read plus one, written explicitly: if another writer
 * got there first, the primary key refuses this row and nothing is written (the batch is
 * one transaction). That is what makes If-Match hold between the read and the write.
 */
import { type ZoneSettings, changedKeys } from "../../../tenants/settings";
import { isUniqueViolation } from "../../db/unique-violation";
import { zoneSettingsVersions } from "../../db/schema";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { codeZoneOf, rememberZoneSettings } from "../../middleware/zone-settings";
import { auditInsert } from "../audit/audit";
import type { CurrentZoneSettings } from "./get-zone-settings";

/** Another writer saved a version after `before` was read; the caller decides (retry or 412). */
export class SettingsVersionTaken extends Error {
  constructor(readonly version: number) {
    super(`zone settings version ${version} was written by someone else first`);
    this.name = "SettingsVersionTaken";
  }
}

/** `settings` (already validated) as the zone's next version; `restoredFrom` marks a restore. */
export async function writeSettingsVersion(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "actor">,
  before: CurrentZoneSettings,
  settings: ZoneSettings,
  restoredFrom: number | null,
): Promise<CurrentZoneSettings> {
  const { db, now, actor } = ctx;
  const keys = changedKeys(before.settings, settings);
  const version = before.version + 1;
  try {
    await db.batch([
      db.insert(zoneSettingsVersions).values({
        version,
        data: JSON.stringify(settings),
        changedByUserId: actor.id,
        changedByEmail: actor.email,
        changedAt: now.getTime(),
        restoredFrom,
      }),
      auditInsert(
        db,
        {
          actorId: actor.id,
          actor: actor.email,
          action: restoredFrom === null ? "zone.settings.update" : "zone.settings.restore",
          target: "zone-settings",
          result: "ok",
          ip: ctx.ip,
          detail: {
            keys: keys.join(","),
            previous: before.version,
            ...(restoredFrom === null ? {} : { restoredFrom }),
          },
        },
        now,
      ),
    ]);
  } catch (e) {
    if (isUniqueViolation(e, "zone_settings_versions.version")) throw new SettingsVersionTaken(version);
    throw e;
  }
  // Real time, like the loader's clock: tests' injected clocks must not make the entry look stale or fresh.
  rememberZoneSettings(codeZoneOf(ctx.zone), version, settings, Date.now());
  return { version, changedAt: now.getTime(), changedBy: actor.email, settings };
}
