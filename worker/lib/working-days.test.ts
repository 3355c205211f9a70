import { describe, expect, it } from "vitest";
import { addDays, isWorkingDay, lastOfWorkingDays, workingDaysBetween } from "./working-days";

const plain = { holidays: [], extraWorkdays: [] };

describe("working days (Asia/Shanghai calendar dates)", () => {
  it("are Monday to Friday", () => {
    expect(isWorkingDay("2026-11-27", plain)).toBe(true); // Friday
    expect(isWorkingDay("2026-11-28", plain)).toBe(false); // Saturday
    expect(isWorkingDay("2026-11-29", plain)).toBe(false); // Sunday
  });

  it("skip the zone's holidays and count its 调休 weekend workdays", () => {
    const cal = { holidays: ["2026-10-01", "2026-10-02"], extraWorkdays: ["2026-10-10"] };
    expect(isWorkingDay("2026-10-01", cal)).toBe(false);
    expect(isWorkingDay("2026-10-10", cal)).toBe(true); // a Saturday worked
  });

  it("give a 5-working-day notice from Monday to Friday, and from Saturday to the next Friday", () => {
    expect(lastOfWorkingDays("2026-11-23", 5, plain)).toBe("2026-11-27");
    expect(lastOfWorkingDays("2026-11-28", 5, plain)).toBe("2026-12-04");
    expect(lastOfWorkingDays("2026-11-25", 5, plain)).toBe("2026-12-01");
  });

  it("stretch over holidays", () => {
    expect(lastOfWorkingDays("2026-09-30", 3, { holidays: ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"], extraWorkdays: ["2026-10-10"] })).toBe("2026-10-09");
  });

  it("count the working days between two dates", () => {
    expect(workingDaysBetween("2026-11-20", "2026-11-27", plain)).toBe(5);
    expect(workingDaysBetween("2026-11-27", "2026-11-27", plain)).toBe(0);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});
