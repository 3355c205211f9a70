import { describe, expect, it } from "vitest";
import { withNationalCalendar } from "./working-days";
import { filingStatus, missingFields, REPORT_FIELDS, reminderDays, workingDayBefore } from "./yearly-report";

const full = Object.fromEntries(REPORT_FIELDS.map((f) => [f, 0])) as Record<(typeof REPORT_FIELDS)[number], number>;
const plain = { holidays: [], extraWorkdays: [] };

describe("a year's figures as the yearly report sees them", () => {
  it("are unfiled without a row, filed when every asked figure is there (0 counts), incomplete otherwise", () => {
    expect(filingStatus(null)).toBe("unfiled");
    expect(filingStatus(undefined)).toBe("unfiled");
    expect(filingStatus(full)).toBe("filed");
    expect(filingStatus({ ...full, exportsFen: null })).toBe("incomplete");
    expect(filingStatus({ revenueFen: 1 })).toBe("incomplete");
  });

  it("name what is missing in Chinese, in the form's order", () => {
    expect(missingFields(full)).toEqual([]);
    expect(missingFields({ ...full, rdStaff: null, validInventionPatents: null })).toEqual([
      "研发人员数",
      "有效发明专利数",
    ]);
    expect(missingFields(null)).toHaveLength(REPORT_FIELDS.length);
  });
});

describe("reminder days", () => {
  it("count working days back from the due date, the due date itself not counted", () => {
    // Due Friday 2026-11-27: the 1st working day before is Thursday, the 7th the Wednesday before last.
    expect(workingDayBefore("2026-11-27", 1, plain)).toBe("2026-11-26");
    expect(workingDayBefore("2026-11-27", 7, plain)).toBe("2026-11-18");
    // Due Monday: the 1st working day before is the Friday.
    expect(workingDayBefore("2026-11-30", 1, plain)).toBe("2026-11-27");
    expect(reminderDays("2026-11-27", plain)).toEqual(["2026-11-18", "2026-11-26"]);
  });

  it("skip the national holidays and count the 调休 Saturdays", () => {
    const cal = withNationalCalendar(plain);
    // 2026 National Day: 10-01 to 10-07 off, Saturday 10-10 worked (State Council notice).
    expect(workingDayBefore("2026-10-08", 1, cal)).toBe("2026-09-30");
    expect(workingDayBefore("2026-10-12", 1, cal)).toBe("2026-10-10");
  });
});
