/**
 * Dongying's indicators, as its plan prints them: 《东营市国家创新型城市建设工作方案》(东营市人民政府,
 * 2018-12-28, seed 002), table 「东营市建设国家创新型城市主要指标」, each with its 2017 value and 2020
 * target. The seed prints the table as one run of text (PRINTED); every row keeps its own piece of
 * that run verbatim in `printed`, and a test checks the pieces put together give the run back, so
 * anyone can check how the digits were split. Where the split is ambiguous the reading follows the
 * plan's own text (its 目标 paragraph names 2.7%, 170人, 12件, 220家, 37%, 35%, 120万平方米):
 *   - 地区生产总值增速 "6.45": 6.4 (2017) → 5 (2020); the plan names no growth figure elsewhere.
 *   - 全员劳动生产率 "25.8826": 25.88 → 26; 地方财政科技支出比重 "1.711.81": 1.71 → 1.81.
 * The issue speaks of 17 indicators; the table prints 18 rows.
 */

/** The table as seed 002 prints it, after its header 「指标2017年值2020年目标值」. */
export const DONGYING_PRINTED =
  "地区生产总值增速(%)6.45全社会R&D经费支出占GDP比重(%)2.642.7高层次产业领军人才(团队)(人)103170" +
  "万人发明专利拥有量(件/万人)7.4512高新技术企业(家)149220全员劳动生产率(万元/人)25.8826" +
  "高新技术产业产值占规模以上工业产值比重(%)36.237服务业增加值占比(%)33.735" +
  "万元GDP综合能耗(吨标准煤/万元)0.450.36地方财政科技支出占财政支出的比重(%)1.711.81" +
  "省级重点实验室(家)58国家级大学科技园在孵企业(家)90130国家级科技企业孵化器在孵企业(家)405600" +
  "省级科技企业孵化器在孵企业(家)568679孵化面积(万平方米)100.3120孵化培育科技型企业(家)11611500" +
  "空气质量达标比率(%)5762居民可支配收入(元)3483042100";

export const DONGYING_CITATION =
  "《东营市国家创新型城市建设工作方案》(东营市人民政府,2018年12月28日)附表「东营市建设国家创新型城市主要指标」";

export interface SeedIndicator {
  code: string;
  /** The name as printed, without its unit. */
  name: string;
  unit: string;
  direction: "higher" | "lower";
  /** 2017 value and 2020 target as printed (text, so "5" stays "5"). */
  baseline: string;
  target: string;
  /** "entered" or "computed:<metric>". */
  source: string;
}

const row = (code: string, name: string, unit: string, baseline: string, target: string, source = "entered") =>
  ({ code, name, unit, direction: "higher", baseline, target, source }) satisfies SeedIndicator;

export const DONGYING_INDICATORS: SeedIndicator[] = [
  row("gdp-growth", "地区生产总值增速", "%", "6.4", "5"),
  row("rd-share-gdp", "全社会R&D经费支出占GDP比重", "%", "2.64", "2.7"),
  row("leading-talents", "高层次产业领军人才(团队)", "人", "103", "170"),
  row("invention-patents-per-10k", "万人发明专利拥有量", "件/万人", "7.45", "12"),
  row("high-tech-enterprises", "高新技术企业", "家", "149", "220", "computed:high_tech_enterprises"),
  row("labour-productivity", "全员劳动生产率", "万元/人", "25.88", "26"),
  row("high-tech-output-share", "高新技术产业产值占规模以上工业产值比重", "%", "36.2", "37"),
  row("services-share", "服务业增加值占比", "%", "33.7", "35"),
  { ...row("energy-per-gdp", "万元GDP综合能耗", "吨标准煤/万元", "0.45", "0.36"), direction: "lower" },
  row("science-budget-share", "地方财政科技支出占财政支出的比重", "%", "1.71", "1.81"),
  row("provincial-key-labs", "省级重点实验室", "家", "5", "8"),
  row("university-park-incubatees", "国家级大学科技园在孵企业", "家", "90", "130"),
  row("national-incubator-incubatees", "国家级科技企业孵化器在孵企业", "家", "405", "600"),
  row("provincial-incubator-incubatees", "省级科技企业孵化器在孵企业", "家", "568", "679"),
  row("incubation-area", "孵化面积", "万平方米", "100.3", "120"),
  row("incubated-tech-enterprises", "孵化培育科技型企业", "家", "1161", "1500"),
  row("air-quality-days", "空气质量达标比率", "%", "57", "62"),
  row("disposable-income", "居民可支配收入", "元", "34830", "42100"),
];

/** The row's piece of the printed run: name, unit in full-width parentheses, 2017 value, 2020 target. */
export const printedPiece = (r: SeedIndicator) => `${r.name}(${r.unit})${r.baseline}${r.target}`;

/**
 * Demo actuals for 2018–2019 on a few entered indicators: invented for the demo, plausible between
 * the printed 2017 value and the 2020 target, and marked 演示数据 — never published figures.
 */
export const DONGYING_DEMO_ACTUALS: { code: string; year: number; value: number }[] = [
  { code: "rd-share-gdp", year: 2018, value: 2.66 },
  { code: "rd-share-gdp", year: 2019, value: 2.68 },
  { code: "invention-patents-per-10k", year: 2018, value: 8.6 },
  { code: "invention-patents-per-10k", year: 2019, value: 9.9 },
  { code: "energy-per-gdp", year: 2018, value: 0.43 },
  { code: "energy-per-gdp", year: 2019, value: 0.4 },
  { code: "incubation-area", year: 2019, value: 108.5 },
];

export const DEMO_NOTE = "演示数据";
