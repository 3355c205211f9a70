/**
 * Puts an earlier settings version back in force, as a new version (the history stays
 * whole). Version 0 is the code's defaults (tenants/<slug>/zone.ts).
 */
import { eq } from "drizzle-orm";
import { settingsOf, zoneSettingsSchema } from "../../../tenants/settings";
import { zoneSettingsVersions } from "../../db/schema";
import { AppError } from "../../lib/errors";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { codeZoneOf } from "../../middleware/zone-settings";
import { type CurrentZoneSettings, currentSettingsFrom, latestSettingsRead } from "./get-zone-settings";
import { SettingsVersionTaken, writeSettingsVersion } from "./write-settings-version";

export async function restoreSettingsVersion(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "actor">,
  version: number,
): Promise<CurrentZoneSettings> {
  // One read: the settings in force and the version to restore.
  const [latest, stored] = await ctx.db.batch([
    latestSettingsRead(ctx.db),
    ctx.db.select().from(zoneSettingsVersions).where(eq(zoneSettingsVersions.version, version)),
  ]);
  const before = currentSettingsFrom(ctx, latest);
  if (before.version === version) return before;
  const [row] = version === 0 ? [{ data: JSON.stringify(settingsOf(codeZoneOf(ctx.zone))) }] : stored;
  if (!row) throw new AppError("not_found", `没有第 ${version} 版园区设置。`);
  const parsed = zoneSettingsSchema.safeParse(JSON.parse(row.data));
  // A version written under older rules that today's rules refuse cannot come back as it was.
  if (!parsed.success)
    throw new AppError("conflict", `第 ${version} 版园区设置不符合现行规则,无法恢复;请在设置页逐项修改。`);
  try {
    return await writeSettingsVersion(ctx, before, parsed.data, version);
  } catch (e) {
    if (e instanceof SettingsVersionTaken)
      throw new AppError("conflict", "园区设置刚被他人修改,没有恢复。请刷新修改记录后再恢复。");
    throw e;
  }
}
