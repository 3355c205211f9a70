/**
 * The LPR history: the national list as published (one row per change of each term), the zone's
 * recorded rates merged in (a recorded one wins on the same term and day), and the rate in force
 * on a day.
 */
import { describe, expect, it } from "vitest";
import { lprOn, lprSeries, lprText, NATIONAL_LPR } from "./lpr";

describe("the national LPR", () => {
  it("lists each term's changes only, in order of date", () => {
    for (const term of ["1y", "5y"] as const) {
      const rows = NATIONAL_LPR.filter((r) => r.term === term);
      rows.slice(1).forEach((r, i) => {
        expect(r.from > rows[i]!.from).toBe(true);
        expect(r.bp).not.toBe(rows[i]!.bp);
      });
    }
  });

  it("answers the 1-year rate around the 2024 changes", () => {
    expect(lprOn(NATIONAL_LPR, "1y", "2024-07-21")?.bp).toBe(345);
    expect(lprOn(NATIONAL_LPR, "1y", "2024-07-22")?.bp).toBe(335);
    expect(lprOn(NATIONAL_LPR, "1y", "2024-10-20")?.bp).toBe(335);
    expect(lprOn(NATIONAL_LPR, "1y", "2024-10-21")).toMatchObject({ bp: 310, from: "2024-10-21" });
    expect(lprOn(NATIONAL_LPR, "5y", "2024-10-21")?.bp).toBe(360);
  });

  it("has no rate before the first published one", () => {
    expect(lprOn(NATIONAL_LPR, "1y", "2019-08-19")).toBeNull();
    expect(lprOn(NATIONAL_LPR, "1y", "2019-08-20")?.bp).toBe(425);
  });

  it("writes a rate as people do", () => {
    expect(lprText(310)).toBe("3.10%");
    expect(lprText(345)).toBe("3.45%");
  });
});

describe("a zone's recorded rates", () => {
  const source = "园区录入(测试)";

  it("is the national list when the zone recorded none", () => {
    expect(lprSeries()).toBe(NATIONAL_LPR);
    expect(lprSeries([])).toBe(NATIONAL_LPR);
  });

  it("adds a later change and replaces the national rate of the same term and day", () => {
    const series = lprSeries([
      { term: "1y", from: "2025-06-20", bp: 290, source },
      { term: "5y", from: "2025-05-20", bp: 355, source },
    ]);
    expect(lprOn(series, "1y", "2025-06-19")?.bp).toBe(300);
    expect(lprOn(series, "1y", "2025-06-20")).toEqual({ term: "1y", from: "2025-06-20", bp: 290, source });
    expect(lprOn(series, "5y", "2025-06-01")).toEqual({ term: "5y", from: "2025-05-20", bp: 355, source });
    expect(series.filter((r) => r.term === "5y" && r.from === "2025-05-20")).toHaveLength(1);
    expect(series.length).toBe(NATIONAL_LPR.length + 1);
  });
});
