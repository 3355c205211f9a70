/** Dongying's indicator table as seed 002 prints it: every row, and nothing lost in the split. */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DONGYING_INDICATORS, DONGYING_PRINTED, printedPiece } from "./indicators";

describe("Dongying's indicator table (seed 002)", () => {
  it("puts the rows' printed pieces together into exactly the run of text the table prints", () => {
    expect(DONGYING_INDICATORS.map(printedPiece).join("")).toBe(DONGYING_PRINTED);
  });

  it("is the run the seed document prints under 东营市建设国家创新型城市主要指标", () => {
    const dir = "/work/shared/seeds";
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.startsWith("002_"));
    } catch {
      // The seeds live outside the repository; without them the pieces test above still holds.
    }
    for (const f of files)
      expect(readFileSync(`${dir}/${f}`, "utf8")).toContain(`指标2017年值2020年目标值${DONGYING_PRINTED}`);
  });

  it("reads every row as printed: name, unit, 2017 value and 2020 target", () => {
    expect(DONGYING_INDICATORS.map((r) => [r.name, r.unit, Number(r.baseline), Number(r.target)])).toEqual([
      ["地区生产总值增速", "%", 6.4, 5],
      ["全社会R&D经费支出占GDP比重", "%", 2.64, 2.7],
      ["高层次产业领军人才(团队)", "人", 103, 170],
      ["万人发明专利拥有量", "件/万人", 7.45, 12],
      ["高新技术企业", "家", 149, 220],
      ["全员劳动生产率", "万元/人", 25.88, 26],
      ["高新技术产业产值占规模以上工业产值比重", "%", 36.2, 37],
      ["服务业增加值占比", "%", 33.7, 35],
      ["万元GDP综合能耗", "吨标准煤/万元", 0.45, 0.36],
      ["地方财政科技支出占财政支出的比重", "%", 1.71, 1.81],
      ["省级重点实验室", "家", 5, 8],
      ["国家级大学科技园在孵企业", "家", 90, 130],
      ["国家级科技企业孵化器在孵企业", "家", 405, 600],
      ["省级科技企业孵化器在孵企业", "家", 568, 679],
      ["孵化面积", "万平方米", 100.3, 120],
      ["孵化培育科技型企业", "家", 1161, 1500],
      ["空气质量达标比率", "%", 57, 62],
      ["居民可支配收入", "元", 34830, 42100],
    ]);
  });

  it("counts 18 rows (the issue says 17), with unique codes", () => {
    expect(DONGYING_INDICATORS).toHaveLength(18);
    expect(new Set(DONGYING_INDICATORS.map((r) => r.code)).size).toBe(18);
  });

  it("computes only 高新技术企业 and makes only energy use lower-is-better", () => {
    expect(DONGYING_INDICATORS.filter((r) => r.source !== "entered").map((r) => r.code)).toEqual([
      "high-tech-enterprises",
    ]);
    expect(DONGYING_INDICATORS.filter((r) => r.direction === "lower").map((r) => r.code)).toEqual(["energy-per-gdp"]);
  });
});
