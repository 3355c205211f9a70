/**
 * A zone admin's change to the zone's settings: a partial object merged deeply onto the
 * settings in force (objects merge, lists replace), the whole validated, then written as
 * a new version. A change that changes nothing writes nothing.
 *
 * Concurrency (decision 0016): with `expectedVersion` (the API's If-Match, the form's
 * hidden version) a change made on an older version is refused with 412 naming who saved
 * the newer one and when, and nothing is written. Without it the change is merged onto
 * whatever is current when it is written: last writer wins, field by field.
 */
import {
  changedKeys,
  mergeSettings,
  settingsIssues,
  type ZoneSettingsPatch,
  zoneSettingsSchema,
} from "../../../tenants/settings";
import { shanghaiDateTime } from "../../lib/calendar";
import { AppError } from "../../lib/errors";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { type CurrentZoneSettings, getZoneSettings } from "./get-zone-settings";
import { SettingsVersionTaken, writeSettingsVersion } from "./write-settings-version";

type WriteCtx = Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "actor">;

export interface SettingsChange {
  patch: ZoneSettingsPatch;
  /** The version the change was made on; null or left out: merged onto the latest (last writer wins). */
  expectedVersion?: number | null;
}

/** Writers racing on one zone's settings are rare (a few admins): a few retries settle it. */
const ATTEMPTS = 3;

export const LOGO_BY_UPLOAD =
  "徽标请在园区设置页上传(或 PUT /api/v1/admin/zone/settings/logo);这里只能保留现有徽标,或填 null 删除。";

/** The refusal of a change made on `expected` when `current` is newer: who, when, which version. */
export function staleSettings(current: CurrentZoneSettings, expected: number): AppError {
  const when = current.changedAt === null ? "" : `于 ${shanghaiDateTime(current.changedAt).slice(0, 16)}(北京时间)`;
  const who = current.changedBy ?? "园区管理员";
  return new AppError(
    "precondition_failed",
    current.version > expected
      ? `园区设置已被 ${who} ${when}改为第${current.version}版,你的修改是在第${expected}版上做的,没有保存。请在最新设置上重新修改后再保存。`
      : `没有第${expected}版园区设置(现行第${current.version}版),没有保存。请重新读取最新设置后再修改。`,
  );
}

export async function updateZoneSettings(ctx: WriteCtx, change: SettingsChange): Promise<CurrentZoneSettings> {
  const logo = change.patch.branding?.logo;
  if (logo !== undefined && logo !== null) {
    // A logo's key comes only from bytes the upload checked; a PUT may carry the current one back.
    const current = await getZoneSettings(ctx);
    if (logo !== current.settings.branding.logo)
      throw new AppError("validation_failed", `园区设置未保存:${LOGO_BY_UPLOAD}`, { "branding.logo": LOGO_BY_UPLOAD });
    // The settings just read are the ones the change is made on: no second read.
    return saveSettingsChange(ctx, change, current);
  }
  return saveSettingsChange(ctx, change);
}

/** The change merged, validated and written; also the logo upload's way in (its key is checked there). */
export async function saveSettingsChange(
  ctx: WriteCtx,
  { patch, expectedVersion = null }: SettingsChange,
  /** The settings in force, when the caller has just read them (the first attempt reads nothing). */
  read?: CurrentZoneSettings,
): Promise<CurrentZoneSettings> {
  for (let attempt = 1; ; attempt++) {
    const before = attempt === 1 && read ? read : await getZoneSettings(ctx);
    if (expectedVersion !== null && before.version !== expectedVersion) throw staleSettings(before, expectedVersion);
    const parsed = zoneSettingsSchema.safeParse(mergeSettings(before.settings, patch));
    if (!parsed.success) {
      const fields = settingsIssues(parsed.error);
      throw new AppError("validation_failed", `园区设置未保存:${Object.values(fields).join(";")}`, fields);
    }
    if (changedKeys(before.settings, parsed.data).length === 0) return before;
    try {
      return await writeSettingsVersion(ctx, before, parsed.data, null);
    } catch (e) {
      if (!(e instanceof SettingsVersionTaken)) throw e;
      // Someone saved between our read and our write: with a version named, that is a refusal.
      if (expectedVersion !== null) throw staleSettings(await getZoneSettings(ctx), expectedVersion);
      if (attempt >= ATTEMPTS) throw new AppError("conflict", "园区设置正被他人同时修改,没有保存。请稍后再试。");
    }
  }
}
