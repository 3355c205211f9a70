/**
 * Each announced year against its notice, as data: the 春节 and 国庆 ranges, the
 * 调休上班 days and the number of 放假 days, copied by hand from the text of
 * 国务院办公厅关于XXXX年部分节假日安排的通知 (cited in cn-public-holidays.ts).
 */
import { describe, expect, it } from "vitest";
import { datesOf, NATIONAL_HOLIDAY_YEARS } from "./cn-public-holidays";
import { isWorkingDay, withNationalCalendar } from "./working-days";

interface YearCase {
  year: number;
  springFestival: [string, string];
  nationalDay: [string, string];
  /** Every 调休上班 day the notice names. */
  workdays: string[];
  /** Sum of the notice's "共N天" (and single days) over all its holidays. */
  offDays: number;
}

const CASES: YearCase[] = [
  // 2020: 春节 1月24日至30日, extended to 2月2日 by 国办发明电〔2020〕1号, which cancels 2月1日(星期六)上班.
  {
    year: 2020,
    springFestival: ["2020-01-24", "2020-02-02"],
    nationalDay: ["2020-10-01", "2020-10-08"],
    workdays: ["2020-01-19", "2020-04-26", "2020-05-09", "2020-06-28", "2020-09-27", "2020-10-10"],
    offDays: 1 + 7 + 3 + 3 + 5 + 3 + 8,
  },
  {
    year: 2021,
    springFestival: ["2021-02-11", "2021-02-17"],
    nationalDay: ["2021-10-01", "2021-10-07"],
    workdays: ["2021-02-07", "2021-02-20", "2021-04-25", "2021-05-08", "2021-09-18", "2021-09-26", "2021-10-09"],
    offDays: 3 + 7 + 3 + 5 + 3 + 3 + 7,
  },
  {
    year: 2022,
    springFestival: ["2022-01-31", "2022-02-06"],
    nationalDay: ["2022-10-01", "2022-10-07"],
    workdays: ["2022-01-29", "2022-01-30", "2022-04-02", "2022-04-24", "2022-05-07", "2022-10-08", "2022-10-09"],
    offDays: 3 + 7 + 3 + 5 + 3 + 3 + 7,
  },
  {
    year: 2023,
    springFestival: ["2023-01-21", "2023-01-27"],
    nationalDay: ["2023-09-29", "2023-10-06"],
    workdays: ["2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08"],
    offDays: 3 + 7 + 1 + 5 + 3 + 8,
  },
  {
    year: 2024,
    springFestival: ["2024-02-10", "2024-02-17"],
    nationalDay: ["2024-10-01", "2024-10-07"],
    workdays: [
      "2024-02-04",
      "2024-02-18",
      "2024-04-07",
      "2024-04-28",
      "2024-05-11",
      "2024-09-14",
      "2024-09-29",
      "2024-10-12",
    ],
    offDays: 1 + 8 + 3 + 5 + 1 + 3 + 7,
  },
  {
    year: 2025,
    springFestival: ["2025-01-28", "2025-02-04"],
    nationalDay: ["2025-10-01", "2025-10-08"],
    workdays: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
    offDays: 1 + 8 + 3 + 5 + 3 + 8,
  },
  {
    year: 2026,
    springFestival: ["2026-02-15", "2026-02-23"],
    nationalDay: ["2026-10-01", "2026-10-07"],
    workdays: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
    offDays: 3 + 9 + 3 + 5 + 3 + 3 + 7,
  },
];

const national = withNationalCalendar({ holidays: [], extraWorkdays: [] });
const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

describe("the national calendar ships every announced year from 2020", () => {
  it("has exactly the years with a case here, each citing its notice", () => {
    expect(NATIONAL_HOLIDAY_YEARS.map((y) => y.year)).toEqual(CASES.map((c) => c.year));
    for (const y of NATIONAL_HOLIDAY_YEARS) {
      expect(y.notices.length).toBeGreaterThan(0);
      for (const n of y.notices) {
        expect(n.title).toMatch(/^国务院办公厅关于/);
        expect(n.source).toMatch(/^https?:\/\//);
        expect(n.issuedOn < `${y.year}-02-01`).toBe(true);
      }
    }
  });

  it("does not ship 2027: its notice had not been published when this was written", () => {
    expect(NATIONAL_HOLIDAY_YEARS.some((y) => y.year === 2027)).toBe(false);
  });

  describe.each(CASES)("$year", (c) => {
    const data = NATIONAL_HOLIDAY_YEARS.find((y) => y.year === c.year)!;

    it("counts 春节 and 国庆 as days off, every day of them", () => {
      for (const [from, to] of [c.springFestival, c.nationalDay])
        for (const d of datesOf({ from, to })) expect(isWorkingDay(d, national), d).toBe(false);
    });

    it("works the 调休 weekend days, and only those the notice names", () => {
      for (const d of c.workdays) {
        expect([0, 6], `${d} is a weekend day`).toContain(weekday(d));
        expect(isWorkingDay(d, national), d).toBe(true);
      }
      expect([...data.workdays].sort()).toEqual([...c.workdays].sort());
    });

    it("has as many 放假 days as the notice, each period as long as its 共N天", () => {
      for (const p of data.periods) expect(datesOf(p).length, `${p.name} ${p.from}–${p.to}`).toBe(p.days);
      const all = new Set(data.periods.flatMap(datesOf));
      expect(all.size).toBe(c.offDays);
    });

    it("leaves the first working day after 国庆 a working day", () => {
      const after = datesOf({ from: c.nationalDay[1], to: `${c.year}-10-20` })
        .slice(1)
        .find((d) => weekday(d) !== 0 && weekday(d) !== 6)!;
      expect(isWorkingDay(after, national)).toBe(true);
    });
  });
});
