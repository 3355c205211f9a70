import { describe, expect, it } from "vitest";
import {
  addDays,
  isWorkingDay,
  lastOfWorkingDays,
  provisionalNote,
  unannouncedYears,
  withNationalCalendar,
  workingDayPeriod,
  workingDaysBetween,
} from "./working-days";

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
    expect(
      lastOfWorkingDays("2026-09-30", 3, {
        holidays: ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"],
        extraWorkdays: ["2026-10-10"],
      }),
    ).toBe("2026-10-09");
  });

  it("count the working days between two dates", () => {
    expect(workingDaysBetween("2026-11-20", "2026-11-27", plain)).toBe(5);
    expect(workingDaysBetween("2026-11-27", "2026-11-27", plain)).toBe(0);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});

describe("working days on the national calendar (State Council notices) with a zone's additions", () => {
  const national = withNationalCalendar({ holidays: [], extraWorkdays: [] });

  it("run a 5-working-day 公示 started before 国庆 2026 past the holiday", () => {
    // 9月28日–30日 count, 10月1日–7日 are off (国庆节 放假调休), 10月8日 and 9日 end it.
    expect(lastOfWorkingDays("2026-09-28", 5, national)).toBe("2026-10-09");
    expect(lastOfWorkingDays("2026-09-28", 5, plain)).toBe("2026-10-02"); // what the empty lists gave
    // From the last day before the holiday: 10月10日(周六)上班 counts.
    expect(lastOfWorkingDays("2026-09-30", 5, national)).toBe("2026-10-12");
  });

  it("stretch a review due date over 春节 2026 and count 2月14日 and 28日 (周六) as working days", () => {
    expect(lastOfWorkingDays("2026-02-13", 3, national)).toBe("2026-02-24"); // 13日, 14日(周六上班), 24日
    expect(workingDaysBetween("2026-02-27", "2026-03-02", national)).toBe(2); // 28日(周六上班), 3月2日
  });

  it("add a zone's local holiday and extra working day to the national ones", () => {
    const zone = withNationalCalendar({ holidays: ["2026-12-07"], extraWorkdays: ["2026-12-12"] });
    expect(isWorkingDay("2026-12-07", zone)).toBe(false); // a Monday off locally
    expect(isWorkingDay("2026-12-12", zone)).toBe(true); // a Saturday worked locally
    expect(isWorkingDay("2026-10-01", zone)).toBe(false); // the national holidays stay
    expect(lastOfWorkingDays("2026-12-04", 3, zone)).toBe("2026-12-09"); // 4日, (7日 off), 8日, 9日
  });

  it("let a zone add a day off on a national 调休 Saturday, but not work a national holiday", () => {
    const zone = withNationalCalendar({ holidays: ["2026-10-10"], extraWorkdays: ["2026-10-02"] });
    expect(isWorkingDay("2026-10-10", zone)).toBe(false);
    expect(isWorkingDay("2026-10-02", zone)).toBe(false);
  });

  it("say which years were counted without an announced calendar", () => {
    // 2026-12-28 + 10 working days runs into 2027, whose notice is not out: weekends only, and said so.
    expect(workingDayPeriod("2026-12-28", 10, national)).toEqual({ last: "2027-01-08", unannouncedYears: [2027] });
    expect(workingDayPeriod("2026-12-01", 5, national)).toEqual({ last: "2026-12-07", unannouncedYears: [] });
    expect(unannouncedYears("2026-12-04", "2028-01-03", national)).toEqual([2027, 2028]);
    expect(unannouncedYears("2026-12-04", "2027-01-08", plain)).toEqual([]); // a hand-made calendar claims nothing
  });

  it("give staff a note for a deadline in an unannounced year, and none otherwise", () => {
    expect(provisionalNote("2027-01-08", "2026-12-28")).toBe(
      "2027年放假安排尚未公布,截止日按周一至周五计算,公布后请核对。",
    );
    expect(provisionalNote("2027-01-08")).toBe("2027年放假安排尚未公布,截止日按周一至周五计算,公布后请核对。");
    expect(provisionalNote("2026-12-18", "2026-12-04")).toBeNull();
    expect(provisionalNote(null)).toBeNull();
  });
});
