/**
 * The display names of subsidy stages a zone has had: today's, the code's, then every
 * stored settings version's (newest wins). An application left in a stage the zone has
 * since removed is still shown by that stage's name; a key never named anywhere shows as itself.
 */
import { desc } from "drizzle-orm";
import { zoneSettingsVersions } from "../../db/schema";
import type { RequestCtx } from "../../middleware/request-ctx";
import { codeZoneOf } from "../../middleware/zone-settings";

/** key → zh for every stage key in `keys` (a key no version names maps to itself). */
export async function stageNames(
  ctx: Pick<RequestCtx, "db" | "zone">,
  keys: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const want = new Set(keys);
  const take = (stages: readonly { key: string; zh: string }[]) => {
    for (const s of stages) if (want.has(s.key) && !out.has(s.key)) out.set(s.key, s.zh);
  };
  take(ctx.zone.subsidy.stages);
  if (out.size < want.size) {
    const rows = await ctx.db
      .select({ data: zoneSettingsVersions.data })
      .from(zoneSettingsVersions)
      .orderBy(desc(zoneSettingsVersions.version));
    for (const row of rows) {
      if (out.size === want.size) break;
      try {
        take((JSON.parse(row.data) as { subsidy?: { stages?: { key: string; zh: string }[] } }).subsidy?.stages ?? []);
      } catch {
        // A version that does not parse names nothing.
      }
    }
  }
  take(codeZoneOf(ctx.zone).subsidy.stages);
  for (const k of want) if (!out.has(k)) out.set(k, k);
  return out;
}
