/** Progress toward a target in both directions, the target that applies to a year, and the computed metrics. */
import { describe, expect, it } from "vitest";
import { metricOf, metricValue, type MetricRows } from "./metrics";
import { progressToward, targetFor } from "./progress";

describe("progressToward", () => {
  const cases: [
    string,
    Parameters<typeof progressToward>[0],
    { label: string; percent: number | null; met: boolean },
  ][] = [
    [
      "higher: part of the way",
      { direction: "higher", baseline: 149, target: 220, actual: 190 },
      { label: "完成 57%", percent: 57, met: false },
    ],
    [
      "higher: exactly the target is met",
      { direction: "higher", baseline: 149, target: 220, actual: 220 },
      { label: "已达标", percent: 100, met: true },
    ],
    [
      "higher: past the target is met, capped at 100",
      { direction: "higher", baseline: 2.64, target: 2.7, actual: 3 },
      { label: "已达标", percent: 100, met: true },
    ],
    [
      "higher: below the baseline",
      { direction: "higher", baseline: 57, target: 62, actual: 55 },
      { label: "低于基期", percent: 0, met: false },
    ],
    [
      "higher: at the baseline is 0%",
      { direction: "higher", baseline: 57, target: 62, actual: 57 },
      { label: "完成 0%", percent: 0, met: false },
    ],
    [
      "higher: almost there reads 99%, never 100%",
      { direction: "higher", baseline: 0, target: 1000, actual: 999.9 },
      { label: "完成 99%", percent: 99, met: false },
    ],
    [
      "lower: part of the way down",
      { direction: "lower", baseline: 0.45, target: 0.36, actual: 0.4 },
      { label: "完成 55%", percent: 55, met: false },
    ],
    [
      "lower: at or under the target is met",
      { direction: "lower", baseline: 0.45, target: 0.36, actual: 0.36 },
      { label: "已达标", percent: 100, met: true },
    ],
    [
      "lower: worse than the baseline",
      { direction: "lower", baseline: 0.45, target: 0.36, actual: 0.5 },
      { label: "低于基期", percent: 0, met: false },
    ],
    [
      "higher with a target below the baseline: met",
      { direction: "higher", baseline: 6.4, target: 5, actual: 5.2 },
      { label: "已达标", percent: 100, met: true },
    ],
    [
      "higher with a target below the baseline: not met",
      { direction: "higher", baseline: 6.4, target: 5, actual: 4.8 },
      { label: "未达标", percent: null, met: false },
    ],
    [
      "no baseline: only met or not",
      { direction: "higher", baseline: null, target: 10, actual: 4 },
      { label: "未达标", percent: null, met: false },
    ],
  ];
  it.each(cases)("%s", (_, input, expected) => {
    expect(progressToward(input)).toMatchObject(expected);
  });

  it("has no progress without an actual or a target", () => {
    expect(progressToward({ direction: "higher", baseline: 1, target: 2, actual: null })).toBeNull();
    expect(progressToward({ direction: "higher", baseline: 1, target: null, actual: 3 })).toBeNull();
  });
});

describe("targetFor", () => {
  const targets = { "2020": 220, "2025": 300 };
  it("takes the first target year at or after the year, else the last", () => {
    expect(targetFor(targets, 2018)).toEqual({ year: 2020, value: 220 });
    expect(targetFor(targets, 2020)).toEqual({ year: 2020, value: 220 });
    expect(targetFor(targets, 2021)).toEqual({ year: 2025, value: 300 });
    expect(targetFor(targets, 2030)).toEqual({ year: 2025, value: 300 });
    expect(targetFor({}, 2020)).toBeNull();
  });
});

describe("computed metrics", () => {
  const rows: MetricRows = {
    qualifications: [
      { enterpriseId: "a", code: "hnte", issuedOn: "2018-11-30", validUntil: "2021-11-29" },
      // Renewed: two verified certificates, one enterprise.
      { enterpriseId: "a", code: "hnte", issuedOn: "2021-11-30", validUntil: "2024-11-29" },
      { enterpriseId: "b", code: "hnte", issuedOn: null, validUntil: null },
      { enterpriseId: "c", code: "hnte", issuedOn: "2020-01-01", validUntil: "2020-12-31" },
      { enterpriseId: "d", code: "tech-sme", issuedOn: "2019-05-01", validUntil: "2019-12-31" },
    ],
    rdByYear: [
      { year: 2019, fen: 123_456_789 },
      { year: 2020, fen: null },
    ],
    createdByYear: [
      { year: 2017, n: 3 },
      { year: 2019, n: 2 },
    ],
  };
  it("counts enterprises (not certificates) whose verified 高企 qualification was valid in the year", () => {
    expect(metricValue("high_tech_enterprises", 2017, rows)).toBe(1); // b (no dates)
    expect(metricValue("high_tech_enterprises", 2018, rows)).toBe(2); // a, b
    expect(metricValue("high_tech_enterprises", 2020, rows)).toBe(3); // a, b, c
    expect(metricValue("high_tech_enterprises", 2021, rows)).toBe(2); // a (renewed), b
    expect(metricValue("high_tech_enterprises", 2025, rows)).toBe(1);
  });
  it("counts 科技型中小企业 by its own code", () => {
    expect(metricValue("tech_sme_enterprises", 2019, rows)).toBe(1);
    expect(metricValue("tech_sme_enterprises", 2020, rows)).toBe(0);
  });
  it("sums R&D spending in 万元 from the yearly figures, nothing filed is no figure", () => {
    expect(metricValue("rd_expense_total", 2019, rows)).toBe(123.46);
    expect(metricValue("rd_expense_total", 2020, rows)).toBeNull();
    expect(metricValue("rd_expense_total", 2018, rows)).toBeNull();
  });
  it("counts the enterprises registered by the end of the year", () => {
    expect(metricValue("enterprises_total", 2016, rows)).toBe(0);
    expect(metricValue("enterprises_total", 2018, rows)).toBe(3);
    expect(metricValue("enterprises_total", 2026, rows)).toBe(5);
  });
  it("reads a source's metric, and nothing from an entered or unknown source", () => {
    expect(metricOf("computed:high_tech_enterprises")).toBe("high_tech_enterprises");
    expect(metricOf("entered")).toBeNull();
    expect(metricOf("computed:nonsense")).toBeNull();
  });
});
