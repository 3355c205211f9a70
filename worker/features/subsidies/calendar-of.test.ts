import { describe, expect, it } from "vitest";
import { zones } from "../../../tenants";
import type { ZoneConfig } from "../../../tenants/schema";
import { isWorkingDay, lastOfWorkingDays } from "../../lib/working-days";
import { dueOnFor } from "./context";
import { calendarOf } from "../../lib/calendar";

const zibo = zones.get("zibo")!;

describe("a zone's working-day calendar", () => {
  it("is the national calendar for every zone: 国庆 and 春节 are not working days, the 调休 Saturdays are", () => {
    for (const zone of zones.all()) {
      const cal = calendarOf(zone);
      expect(isWorkingDay("2026-10-05", cal), zone.slug).toBe(false);
      expect(isWorkingDay("2026-02-18", cal), zone.slug).toBe(false);
      expect(isWorkingDay("2026-10-10", cal), zone.slug).toBe(true);
      expect(lastOfWorkingDays("2026-09-28", 5, cal), zone.slug).toBe("2026-10-09");
    }
  });

  it("puts a review stage entered just before 国庆 due after the holiday", () => {
    const stage = zibo.subsidy.stages[0]!;
    // Entered 2026-09-29; counted from the 30th: 30日, then 10月8日 on (10日 is a 调休 Saturday).
    expect(dueOnFor(zibo, { ...stage, dueWorkingDays: 3 }, "2026-09-29")).toBe("2026-10-09");
  });

  it("keeps the zone's local additions on top of the national days", () => {
    const local: ZoneConfig = {
      ...zibo,
      subsidy: { ...zibo.subsidy, holidays: ["2026-12-07"], extraWorkdays: ["2026-12-12"] },
    };
    const cal = calendarOf(local);
    expect(isWorkingDay("2026-12-07", cal)).toBe(false);
    expect(isWorkingDay("2026-12-12", cal)).toBe(true);
    expect(isWorkingDay("2026-10-01", cal)).toBe(false);
    expect(isWorkingDay("2026-12-07", calendarOf(zibo))).toBe(true);
  });
});
