/**
 * A zone admin's change to the zone's settings: a partial object merged deeply onto the
 * settings in force (objects merge, lists replace), the whole validated, then written as
 * a new version. A change that changes nothing writes nothing.
 */
import {
  changedKeys,
  mergeSettings,
  settingsIssues,
  type ZoneSettingsPatch,
  zoneSettingsSchema,
} from "../../../tenants/settings";
import { AppError } from "../../lib/errors";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { type CurrentZoneSettings, getZoneSettings } from "./get-zone-settings";
import { writeSettingsVersion } from "./write-settings-version";

export async function updateZoneSettings(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "actor">,
  patch: ZoneSettingsPatch,
): Promise<CurrentZoneSettings> {
  const before = await getZoneSettings(ctx);
  const parsed = zoneSettingsSchema.safeParse(mergeSettings(before.settings, patch));
  if (!parsed.success) {
    const fields = settingsIssues(parsed.error);
    throw new AppError("validation_failed", `园区设置未保存:${Object.values(fields).join(";")}`, fields);
  }
  if (changedKeys(before.settings, parsed.data).length === 0) return before;
  return writeSettingsVersion(ctx, before, parsed.data, null);
}
