/**
 * Dongying's indicators (tenants/dongying/indicators.ts, as seed 002 prints them) in its demo
 * zone, with a few 2018–2019 actuals marked 演示数据 — never presented as published figures.
 * Other demo zones get none: their seeds print no such table. Idempotent by code and year.
 */
import type { ZoneConfig } from "../../tenants/schema";
import {
  DEMO_NOTE,
  DONGYING_CITATION,
  DONGYING_DEMO_ACTUALS,
  DONGYING_INDICATORS,
  printedPiece,
} from "../../tenants/dongying/indicators";
import type { TenantDb } from "../../worker/db/open";
import { indicators, indicatorValues } from "../../worker/db/schema";
import { demoId } from "../../worker/lib/ids";

const AMBIGUOUS: Record<string, string> = {
  "gdp-growth": "原文“6.45”连排,按 2017 年 6.4%、2020 年目标 5% 读取。",
  "labour-productivity": "原文“25.8826”连排,按 25.88、26 读取。",
  "science-budget-share": "原文“1.711.81”连排,按 1.71、1.81 读取。",
};
const PLATFORM_SCOPE = "平台统计只含在本平台登记并经核验资质的企业,口径小于全市统计。";

export const demoIndicatorId = (slug: string, code: string) => demoId(`indicator:${slug}:${code}`);

export async function seedDemoIndicators(db: TenantDb, zone: ZoneConfig, now = new Date()): Promise<number> {
  if (zone.slug !== "dongying") return 0;
  const t = now.getTime();
  const rows = DONGYING_INDICATORS.map((r, n) => ({
    id: demoIndicatorId(zone.slug, r.code),
    code: r.code,
    name: r.name,
    unit: r.unit,
    direction: r.direction,
    baselineYear: 2017,
    baselineValue: Number(r.baseline),
    targets: JSON.stringify({ "2020": Number(r.target) }),
    source: r.source,
    sourceNote:
      `${DONGYING_CITATION};原文:“${printedPiece(r)}”。` +
      (AMBIGUOUS[r.code] ?? "") +
      (r.source === "entered" ? "" : PLATFORM_SCOPE),
    sortOrder: (n + 1) * 10,
    active: true,
    updatedAt: t,
    updatedBy: "system",
  }));
  const inserted = await db.insert(indicators).values(rows).onConflictDoNothing().returning({ id: indicators.id });
  await db
    .insert(indicatorValues)
    .values(
      DONGYING_DEMO_ACTUALS.map((a) => ({
        indicatorId: demoIndicatorId(zone.slug, a.code),
        year: a.year,
        value: a.value,
        note: DEMO_NOTE,
        enteredBy: "system",
        enteredAt: t,
      })),
    )
    .onConflictDoNothing();
  return inserted.length;
}
