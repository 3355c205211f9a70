/**
 * Seed 000 clause 18: the zone's 30 fastest-growing technology enterprises
 * (two tiers on how far their fiscal contribution grew above the zone's revenue,
 * two years running) and the city's 50 innovative high-growth enterprises.
 *
 * The two 30强 tiers are two programmes: the engine branches amounts on a fact,
 * not on a condition, and asking the enterprise to pick its tier as well as give
 * its margins would ask the same thing twice. They share the three-year limit.
 */
import { cases, programme, wan } from "../../../policy";
import type { Test } from "../../../../worker/engines/policy/format/conditions";

const DOC = "zibo-zichuang-2017";
const MID = "zibo-growth30-10to20";
const HIGH = "zibo-growth30-20plus";

const growthFacts = [
  {
    name: "marginYear1",
    type: "percent" as const,
    unit: "个百分点",
    label: {
      zh: "前年财政贡献增幅高出高新区财政收入增幅的百分点",
      en: "Margin over the zone's revenue growth, year before last (points)",
    },
    help: "企业财政贡献增幅减去高新区财政收入增幅,以百分点计;低于高新区增幅时填负数。",
  },
  {
    name: "marginYear2",
    type: "percent" as const,
    unit: "个百分点",
    label: {
      zh: "上年财政贡献增幅高出高新区财政收入增幅的百分点",
      en: "Margin over the zone's revenue growth, last year (points)",
    },
    help: "企业财政贡献增幅减去高新区财政收入增幅,以百分点计;低于高新区增幅时填负数。",
  },
  {
    name: "fiscalContribution1Fen",
    type: "money" as const,
    label: { zh: "近三年财政贡献(第一年)", en: "Fiscal contribution, three years ago" },
  },
  {
    name: "fiscalContribution2Fen",
    type: "money" as const,
    label: { zh: "近三年财政贡献(第二年)", en: "Fiscal contribution, two years ago" },
  },
  {
    name: "fiscalContribution3Fen",
    type: "money" as const,
    label: { zh: "近三年财政贡献(第三年)", en: "Fiscal contribution, last year" },
  },
];
const average = { average: ["fiscalContribution1Fen", "fiscalContribution2Fen", "fiscalContribution3Fen"] };
const bothYears = (word: "以上", value: number): Test => ({
  test: "all",
  of: [
    { test: "compare", fact: "marginYear1", word, value },
    { test: "compare", fact: "marginYear2", word, value },
  ],
});
const materials = [
  { id: "evaluation-result", zh: "高新区30强企业年度科技创新及经济发展评价认定结果", required: true },
  { id: "tax-records", zh: "近三年纳税证明(财政贡献)", required: true },
];
const excerpt18 =
  "对财政贡献增幅连续两年高于高新区财政收入增幅10—20个百分点的,按照近三年平均财政贡献的20%给予资金扶持,最高不超过20万元;对财政贡献增幅连续两年高于高新区财政收入增幅20个百分点以上的," +
  "按照近三年平均财政贡献的30%给予资金扶持,最高不超过30万元。对一家企业最多支持三年。";
const applicants = {
  zh: "高新区科技型高成长工业企业30强中,经年度科技创新及经济发展评价认定的企业",
  kinds: ["enterprise" as const],
};

export const growth30Mid = programme({
  id: MID,
  title: {
    zh: "科技型高成长工业企业30强扶持(10—20个百分点档)",
    en: "Top-30 high-growth enterprises, 10–20 point tier",
  },
  document: DOC,
  clause: "18",
  excerpt: excerpt18,
  category: "other",
  applicants,
  facts: growthFacts,
  conditions: [
    { id: "margin-10", label: "财政贡献增幅连续两年高于高新区财政收入增幅10个百分点以上", test: bothYears("以上", 10) },
    {
      id: "below-20-tier",
      label: "未连续两年达到20个百分点以上(否则按较高一档)",
      // Branches that cannot both pass, so the explanation names the one that applied.
      test: {
        test: "any",
        of: [
          {
            label: "前年未达到20个百分点以上",
            test: { test: "compare", fact: "marginYear1", word: "以上", value: 20, negate: true },
          },
          {
            label: "前年达到、上年未达到20个百分点以上",
            test: {
              test: "all",
              of: [
                { test: "compare", fact: "marginYear1", word: "以上", value: 20 },
                { test: "compare", fact: "marginYear2", word: "以上", value: 20, negate: true },
              ],
            },
          },
        ],
      },
    },
  ],
  amount: [{ kind: "percent", label: "近三年平均财政贡献的20%", base: average, percent: 20, capFen: wan(20) }],
  limits: [
    { kind: "maxYears", label: "对一家企业最多支持三年", years: 3, programmes: [HIGH] },
    { kind: "once", label: "年度评价,每年支持一次(两档合计)", validYears: 1, programmes: [HIGH] },
  ],
  materials,
  note:
    "“10—20个百分点”按两年中较低一年的增幅差认定:两年都在10个百分点以上、且未两年都达到20个百分点的,适用本档;两年都达到20个百分点(含本数)的适用较高一档。三年上限与30%档合计,本年度计入三年;" +
    "“年度评价”每年支持一次,本年度已获任一档支持的不再支持。",
});

export const growth30High = programme({
  id: HIGH,
  title: { zh: "科技型高成长工业企业30强扶持(20个百分点以上档)", en: "Top-30 high-growth enterprises, 20+ point tier" },
  document: DOC,
  clause: "18",
  excerpt: excerpt18,
  category: "other",
  applicants,
  facts: growthFacts,
  conditions: [
    { id: "margin-20", label: "财政贡献增幅连续两年高于高新区财政收入增幅20个百分点以上", test: bothYears("以上", 20) },
  ],
  amount: [{ kind: "percent", label: "近三年平均财政贡献的30%", base: average, percent: 30, capFen: wan(30) }],
  limits: [
    { kind: "maxYears", label: "对一家企业最多支持三年", years: 3, programmes: [MID] },
    { kind: "once", label: "年度评价,每年支持一次(两档合计)", validYears: 1, programmes: [MID] },
  ],
  materials,
  note: "三年上限与20%档合计,本年度计入三年;“年度评价”每年支持一次,本年度已获任一档支持的不再支持。",
});

export const growth50City = programme({
  id: "zibo-growth50-city",
  title: { zh: "市创新型高成长企业50强奖励", en: "Award for the city's top-50 innovative high-growth enterprises" },
  document: DOC,
  clause: "18",
  excerpt: "支持企业申报市创新型高成长企业50强,对通过认定的企业,给予30万元的扶持资金,单个企业只扶持一次。",
  category: "qualification",
  applicants: { zh: "通过认定的市创新型高成长企业50强", kinds: ["enterprise"] },
  amount: [{ kind: "fixed", label: "通过市创新型高成长企业50强认定", fen: wan(30) }],
  limits: [{ kind: "once", label: "单个企业只扶持一次" }],
  materials: [{ id: "recognition-document", zh: "市创新型高成长企业50强认定文件", required: true }],
});

const f = (m1: number, m2: number, avg = wan(50)) => ({
  marginYear1: m1,
  marginYear2: m2,
  fiscalContribution1Fen: avg,
  fiscalContribution2Fen: avg,
  fiscalContribution3Fen: avg,
});
const years = (p: string, ...ys: number[]) => ys.map((year) => ({ programme: p, year, amountFen: wan(10) }));

export const growthCases = cases([
  {
    name: "margins 15 and 12 points, average 50万: 20% is 10万",
    programme: MID,
    facts: f(15, 12),
    expect: { eligible: true, amountFen: wan(10), explains: ["第十八条"] },
  },
  {
    name: "margins exactly 10 and 10: 以上 includes 10",
    programme: MID,
    facts: f(10, 10),
    expect: { eligible: true, amountFen: wan(10), explains: ["(“以上”含本数)"] },
  },
  {
    name: "margin 9.99 in one year: under 10, not eligible",
    programme: MID,
    facts: f(9.99, 15),
    expect: { eligible: false, conditions: { "margin-10": "fail" } },
  },
  {
    name: "margins 25 and 15: the lower year decides, 20% tier",
    programme: MID,
    facts: f(25, 15),
    expect: { eligible: true, amountFen: wan(10) },
  },
  {
    name: "margins 20 and 19.99: still the 20% tier",
    programme: MID,
    facts: f(20, 19.99),
    expect: { eligible: true, amountFen: wan(10) },
  },
  {
    name: "margins 20 and 20: the higher tier applies, not this one",
    programme: MID,
    facts: f(20, 20),
    expect: { eligible: false, conditions: { "below-20-tier": "fail" } },
  },
  {
    name: "average exactly 100万: 20万, at the cap",
    programme: MID,
    facts: f(15, 15, wan(100)),
    expect: { eligible: true, amountFen: wan(20) },
  },
  {
    name: "average 100万 and 3 fen: 20万 and 0.6 fen, capped at 20万",
    programme: MID,
    facts: f(15, 15, wan(100) + 3),
    expect: { eligible: true, amountFen: wan(20), explains: ["超过最高20万元"] },
  },
  {
    name: "average of 1, 1 and 3 fen is 5/3: 20% rounds to 0",
    programme: MID,
    facts: {
      marginYear1: 15,
      marginYear2: 15,
      fiscalContribution1Fen: 1,
      fiscalContribution2Fen: 1,
      fiscalContribution3Fen: 3,
    },
    expect: { eligible: true, amountFen: 0 },
  },
  {
    name: "average of 2, 3 and 3 fen is 8/3: 20% is 0.53, rounds to 1",
    programme: MID,
    facts: {
      marginYear1: 15,
      marginYear2: 15,
      fiscalContribution1Fen: 2,
      fiscalContribution2Fen: 3,
      fiscalContribution3Fen: 3,
    },
    expect: { eligible: true, amountFen: 1 },
  },
  {
    name: "third year of support: still eligible",
    programme: MID,
    facts: f(15, 15),
    history: [...years(MID, 2024), ...years(HIGH, 2025)],
    expect: { eligible: true, amountFen: wan(10) },
  },
  {
    name: "three years already, counting the 30% tier: not eligible",
    programme: MID,
    facts: f(15, 15),
    history: [...years(MID, 2023, 2024), ...years(HIGH, 2025)],
    expect: { eligible: false, conditions: { "limit-1-maxYears": "fail" } },
  },
  {
    name: "second year with a 2025 award: eligible, 2 of 3 years",
    programme: MID,
    facts: f(15, 15),
    history: years(MID, 2025),
    expect: {
      eligible: true,
      amountFen: wan(10),
      conditions: { "limit-1-maxYears": "pass", "limit-2-once": "pass" },
      explains: ["连同本年度共2年"],
    },
  },
  {
    name: "already supported in 2026: a second award this year is refused, not “此前未获支持”",
    programme: MID,
    facts: f(15, 15),
    history: years(MID, 2026),
    expect: {
      eligible: false,
      amountFen: 0,
      conditions: { "limit-1-maxYears": "pass", "limit-2-once": "fail" },
      explains: ["本年度已获支持;年度评价,每年支持一次(两档合计)(第十八条)"],
    },
  },
  {
    name: "supported in 2026 on the other tier: still one award a year",
    programme: MID,
    facts: f(15, 15),
    history: years(HIGH, 2026),
    expect: { eligible: false, conditions: { "limit-2-once": "fail" } },
  },
  {
    name: "2024 and 2025 and now 2026: the third year counts this one, at the limit",
    programme: HIGH,
    facts: f(30, 30),
    history: [...years(MID, 2024), ...years(HIGH, 2025)],
    expect: { eligible: true, amountFen: wan(15), explains: ["连同本年度共3年,最多支持3年"] },
  },
  {
    name: "explanation shows the three-year average and does not cite 低于",
    programme: MID,
    facts: {
      marginYear1: 15,
      marginYear2: 12,
      fiscalContribution1Fen: wan(40),
      fiscalContribution2Fen: wan(50),
      fiscalContribution3Fen: wan(60),
    },
    expect: {
      eligible: true,
      amountFen: wan(10),
      explains: ["的平均数50万元", "未达到第十八条规定的“20个百分点以上”"],
    },
  },
  {
    name: "second year's margin missing: unknown",
    programme: MID,
    facts: { marginYear1: 15, fiscalContribution1Fen: 1, fiscalContribution2Fen: 1, fiscalContribution3Fen: 1 },
    expect: { eligible: "unknown", missing: ["marginYear2"] },
  },

  {
    name: "margins exactly 20 and 20: 30% of 50万 is 15万",
    programme: HIGH,
    facts: f(20, 20),
    expect: { eligible: true, amountFen: wan(15), explains: ["(“以上”含本数)"] },
  },
  {
    name: "margins 20 and 19.99: not the 30% tier",
    programme: HIGH,
    facts: f(20, 19.99),
    expect: { eligible: false, conditions: { "margin-20": "fail" } },
  },
  {
    name: "average exactly 100万: 30万, at the cap",
    programme: HIGH,
    facts: f(30, 25, wan(100)),
    expect: { eligible: true, amountFen: wan(30) },
  },
  {
    name: "average 120万: 36万 capped at 30万",
    programme: HIGH,
    facts: f(30, 25, wan(120)),
    expect: { eligible: true, amountFen: wan(30), explains: ["超过最高30万元"] },
  },
  {
    name: "three years already, counting the 20% tier: not eligible",
    programme: HIGH,
    facts: f(30, 30),
    history: [...years(MID, 2023), ...years(HIGH, 2024, 2025)],
    expect: { eligible: false, conditions: { "limit-1-maxYears": "fail" } },
  },
  {
    name: "fiscal contribution missing: unknown",
    programme: HIGH,
    facts: { marginYear1: 30, marginYear2: 30, fiscalContribution1Fen: 1, fiscalContribution2Fen: 1 },
    expect: { eligible: "unknown", missing: ["fiscalContribution3Fen"] },
  },

  {
    name: "city top-50: 30万",
    programme: "zibo-growth50-city",
    expect: { eligible: true, amountFen: wan(30), explains: ["第十八条"] },
  },
  {
    name: "city top-50 already supported: only once",
    programme: "zibo-growth50-city",
    history: [{ programme: "zibo-growth50-city", year: 2022, amountFen: wan(30) }],
    expect: { eligible: false, conditions: { "limit-1-once": "fail" } },
  },
]);
