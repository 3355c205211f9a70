/** Dongying's demo indicators: the printed table, demo actuals marked as such, idempotent; other zones none. */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { zones } from "../../tenants/index";
import { openMemoryTenantDb } from "../../worker/db/memory-db";
import { indicators, indicatorValues } from "../../worker/db/schema";
import { prepareTenant } from "./prepare-tenant";
import { demoIndicatorId, seedDemoIndicators } from "./seed-demo-indicators";

async function prepared(slug: string) {
  const zone = zones.get(slug)!;
  const { client, db } = await openMemoryTenantDb();
  await prepareTenant(client, zone);
  return { zone, db };
}

describe("seedDemoIndicators", () => {
  it("seeds Dongying's 18 indicators once, citing the plan and keeping the printed text", async () => {
    const { zone, db } = await prepared("dongying");
    expect(await seedDemoIndicators(db, zone)).toBe(18);
    expect(await seedDemoIndicators(db, zone)).toBe(0);
    const rows = await db.select().from(indicators);
    expect(rows).toHaveLength(18);
    const gdp = rows.find((r) => r.code === "gdp-growth")!;
    expect(gdp).toMatchObject({ baselineYear: 2017, baselineValue: 6.4, targets: '{"2020":5}', source: "entered" });
    expect(gdp.sourceNote).toContain("《东营市国家创新型城市建设工作方案》");
    expect(gdp.sourceNote).toContain("“地区生产总值增速(%)6.45”");
    expect(gdp.sourceNote).toContain("按 2017 年 6.4%、2020 年目标 5% 读取");
  });

  it("marks every demo actual 演示数据, and only entered indicators have any", async () => {
    const { zone, db } = await prepared("dongying");
    await seedDemoIndicators(db, zone);
    const values = await db.select().from(indicatorValues);
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((v) => v.note === "演示数据")).toBe(true);
    const hnte = demoIndicatorId("dongying", "high-tech-enterprises");
    expect(await db.select().from(indicatorValues).where(eq(indicatorValues.indicatorId, hnte))).toEqual([]);
  });

  it("gives the other demo zones no indicators: their seeds print no such table", async () => {
    for (const slug of ["zibo", "changzhi"]) {
      const { zone, db } = await prepared(slug);
      expect(await seedDemoIndicators(db, zone)).toBe(0);
      expect(await db.select().from(indicators)).toEqual([]);
    }
  });
});
