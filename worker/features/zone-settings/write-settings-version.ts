/** Writes a new settings version with its audit row, and shows it to this isolate at once. */
import { type ZoneSettings, changedKeys } from "../../../tenants/settings";
import { zoneSettingsVersions } from "../../db/schema";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { codeZoneOf, rememberZoneSettings } from "../../middleware/zone-settings";
import { auditInsert } from "../audit/audit";
import type { CurrentZoneSettings } from "./get-zone-settings";

/** `settings` (already validated) as the zone's next version; `restoredFrom` marks a restore. */
export async function writeSettingsVersion(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "actor">,
  before: CurrentZoneSettings,
  settings: ZoneSettings,
  restoredFrom: number | null,
): Promise<CurrentZoneSettings> {
  const { db, now, actor } = ctx;
  const keys = changedKeys(before.settings, settings);
  const [inserted] = await db.batch([
    db
      .insert(zoneSettingsVersions)
      .values({
        data: JSON.stringify(settings),
        changedByUserId: actor.id,
        changedByEmail: actor.email,
        changedAt: now.getTime(),
        restoredFrom,
      })
      .returning({ version: zoneSettingsVersions.version }),
    auditInsert(
      db,
      {
        actorId: actor.id,
        actor: actor.email,
        action: restoredFrom === null ? "zone.settings.update" : "zone.settings.restore",
        target: "zone-settings",
        result: "ok",
        ip: ctx.ip,
        detail: { keys: keys.join(","), previous: before.version, ...(restoredFrom === null ? {} : { restoredFrom }) },
      },
      now,
    ),
  ]);
  const version = inserted[0]!.version;
  // Real time, like the loader's clock: tests' injected clocks must not make the entry look stale or fresh.
  rememberZoneSettings(codeZoneOf(ctx.zone), version, settings, Date.now());
  return { version, changedAt: now.getTime(), changedBy: actor.email, settings };
}
