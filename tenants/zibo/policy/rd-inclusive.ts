/**
 * Seed 000 clause 14: the R&D inclusive subsidy (研发投入普惠制补贴). The model
 * for every other programme file: the programme, then its cases, every
 * threshold from both sides and every cap.
 */
import { cases, programme, wan } from "../../policy";

const YI = wan(10000);

export const rdInclusive = programme({
  id: "zibo-rd-inclusive",
  title: { zh: "科技型企业研发投入普惠制补贴", en: "R&D investment inclusive subsidy" },
  document: "zibo-zichuang-2017",
  clause: "14",
  excerpt:
    "对年销售收入2亿元以上且研发投入占销售收入比例达到3%以上的企业、年销售收入在5000万元至2亿元之间且研发投入占销售收入比例达到4%以上的企业、年销售收入5000万元以下且研发投入占销售收入比例达到5%以上的企业," +
    "按照当年享受研发费用加计扣除费用总额较上年度新增部分的5%给予后补助,单个企业年度最高补助金额不超过100万元。",
  category: "rd",
  applicants: { zh: "研发投入达到规定比例的科技型企业", kinds: ["enterprise"] },
  facts: [
    {
      name: "revenueFen",
      type: "money",
      label: { zh: "年销售收入", en: "Annual sales revenue" },
      help: "上一会计年度的销售收入。",
      prefill: { source: "figures", field: "revenueFen", year: "latest" },
    },
    {
      name: "rdExpenseFen",
      type: "money",
      label: { zh: "研发投入", en: "R&D expense" },
      help: "同一年度的研发投入总额。",
      prefill: { source: "figures", field: "rdExpenseFen", year: "latest" },
    },
    {
      name: "rdDeductionFen",
      type: "money",
      label: { zh: "当年研发费用加计扣除额", en: "R&D super-deduction, this year" },
      prefill: { source: "figures", field: "rdSuperDeductionFen", year: "latest" },
    },
    {
      name: "prevRdDeductionFen",
      type: "money",
      label: { zh: "上年度研发费用加计扣除额", en: "R&D super-deduction, previous year" },
      prefill: { source: "figures", field: "rdSuperDeductionFen", year: "previous" },
    },
  ],
  conditions: [
    {
      id: "rd-intensity",
      label: "年销售收入与研发投入比例达到规定档次",
      test: {
        test: "any",
        of: [
          {
            label: "年销售收入2亿元以上、研发投入占比3%以上",
            test: {
              test: "all",
              of: [
                { test: "compare", fact: "revenueFen", word: "以上", value: 2 * YI },
                { test: "ratio", numerator: "rdExpenseFen", denominator: "revenueFen", word: "以上", percent: 3 },
              ],
            },
          },
          {
            label: "年销售收入5000万元至2亿元、研发投入占比4%以上",
            test: {
              test: "all",
              of: [
                { test: "between", fact: "revenueFen", from: wan(5000), to: 2 * YI },
                { test: "ratio", numerator: "rdExpenseFen", denominator: "revenueFen", word: "以上", percent: 4 },
              ],
            },
          },
          {
            label: "年销售收入5000万元以下、研发投入占比5%以上",
            test: {
              test: "all",
              of: [
                { test: "compare", fact: "revenueFen", word: "以下", value: wan(5000) },
                { test: "ratio", numerator: "rdExpenseFen", denominator: "revenueFen", word: "以上", percent: 5 },
              ],
            },
          },
        ],
      },
    },
  ],
  amount: [
    {
      kind: "percent",
      label: "研发费用加计扣除额新增部分的5%",
      base: { increase: { current: "rdDeductionFen", previous: "prevRdDeductionFen" } },
      percent: 5,
    },
  ],
  limits: [{ kind: "perEnterprisePerYear", label: "单个企业年度最高补助金额不超过100万元", fen: wan(100) }],
  materials: [
    { id: "audit-report", zh: "上年度财务审计报告", required: true },
    { id: "rd-deduction-filing", zh: "研发费用加计扣除纳税申报表(本年度和上年度)", required: true },
  ],
  note: "年销售收入恰为2亿元或5000万元时两档同时适用,按企业达到的那一档认定(第十四条“以上”“以下”“至”均含本数)。",
});

const facts = (revenue: number, rd: number, deduction = wan(3000), prev = wan(2000)) => ({
  revenueFen: revenue,
  rdExpenseFen: rd,
  rdDeductionFen: deduction,
  prevRdDeductionFen: prev,
});

export const rdInclusiveCases = cases([
  {
    name: "1亿 revenue at 3.9999%: one ratio, shown the same against 4% and 5%",
    programme: "zibo-rd-inclusive",
    facts: facts(YI, wan(399.9999)),
    expect: {
      eligible: false,
      explains: [
        "研发投入占年销售收入3.9999%,未达到第十四条规定的“4%以上”",
        "研发投入占年销售收入3.9999%,未达到第十四条规定的“5%以上”",
      ],
    },
  },
  {
    name: "3亿 revenue at 3.2% R&D, 1000万 more deduction: 5% = 50万",
    programme: "zibo-rd-inclusive",
    facts: facts(3 * YI, wan(960)),
    expect: {
      eligible: true,
      amountFen: wan(50),
      explains: ["研发投入占年销售收入3.2%,达到第十四条规定的“3%以上”", "第十四条"],
    },
  },
  {
    name: "revenue exactly 2亿 at exactly 3%: 以上 includes both numbers",
    programme: "zibo-rd-inclusive",
    facts: facts(2 * YI, wan(600)),
    expect: {
      eligible: true,
      amountFen: wan(50),
      explains: ["按“年销售收入2亿元以上、研发投入占比3%以上”认定", "(“以上”含本数)"],
    },
  },
  {
    name: "revenue 2亿 at 4%: both tiers fit at the boundary, the explanation says so",
    programme: "zibo-rd-inclusive",
    facts: facts(2 * YI, wan(800)),
    expect: { eligible: true, amountFen: wan(50), explains: ["同时符合"] },
  },
  {
    name: "revenue one fen under 2亿 at 3.5%: the 5000万–2亿 tier needs 4%",
    programme: "zibo-rd-inclusive",
    facts: facts(2 * YI - 1, wan(700)),
    expect: { eligible: false, amountFen: 0, conditions: { "rd-intensity": "fail" } },
  },
  {
    name: "3亿 at one fen under 3%: fails",
    programme: "zibo-rd-inclusive",
    facts: facts(3 * YI, wan(900) - 1),
    expect: { eligible: false, amountFen: 0 },
  },
  {
    name: "revenue exactly 5000万 at 4%: 至 includes 5000万",
    programme: "zibo-rd-inclusive",
    facts: facts(wan(5000), wan(200)),
    expect: { eligible: true, amountFen: wan(50) },
  },
  {
    name: "revenue 5000万 at 5%: both 5000万 tiers fit",
    programme: "zibo-rd-inclusive",
    facts: facts(wan(5000), wan(250)),
    expect: { eligible: true, explains: ["同时符合"] },
  },
  {
    name: "revenue one fen over 5000万 at 4.5%: the middle tier",
    programme: "zibo-rd-inclusive",
    facts: facts(wan(5000) + 1, wan(225) + 1),
    expect: { eligible: true, amountFen: wan(50) },
  },
  {
    name: "revenue 4000万 at exactly 5%",
    programme: "zibo-rd-inclusive",
    facts: facts(wan(4000), wan(200)),
    expect: { eligible: true, amountFen: wan(50) },
  },
  {
    name: "revenue 4000万 at 4.99%: under 5000万 needs 5%",
    programme: "zibo-rd-inclusive",
    facts: facts(wan(4000), wan(199.6)),
    expect: { eligible: false },
  },
  {
    name: "increase of 2500万: 5% is 125万, capped at 100万",
    programme: "zibo-rd-inclusive",
    facts: facts(3 * YI, wan(1000), wan(4500), wan(2000)),
    expect: { eligible: true, amountFen: wan(100), explains: ["本次按100万元计"] },
  },
  {
    name: "increase of exactly 2000万: 100万, at the cap",
    programme: "zibo-rd-inclusive",
    facts: facts(3 * YI, wan(1000), wan(4000), wan(2000)),
    expect: { eligible: true, amountFen: wan(100) },
  },
  {
    name: "deduction fell: no increase, nothing to pay",
    programme: "zibo-rd-inclusive",
    facts: facts(3 * YI, wan(1000), wan(1500), wan(2000)),
    expect: { eligible: true, amountFen: 0, explains: ["没有增加"] },
  },
  {
    name: "5% of 10 fen is 0.5 fen: rounds half up to 1 fen",
    programme: "zibo-rd-inclusive",
    facts: facts(3 * YI, wan(1000), 10, 0),
    expect: { eligible: true, amountFen: 1 },
  },
  {
    name: "5% of 9 fen is 0.45 fen: rounds to 0",
    programme: "zibo-rd-inclusive",
    facts: facts(3 * YI, wan(1000), 9, 0),
    expect: { eligible: true, amountFen: 0 },
  },
  {
    name: "80万 already awarded this year: at most 20万 more",
    programme: "zibo-rd-inclusive",
    facts: facts(3 * YI, wan(960)),
    history: [{ programme: "zibo-rd-inclusive", year: 2026, amountFen: wan(80) }],
    expect: { eligible: true, amountFen: wan(20) },
  },
  {
    name: "100万 already awarded this year: the annual cap is used up",
    programme: "zibo-rd-inclusive",
    facts: facts(3 * YI, wan(960)),
    history: [{ programme: "zibo-rd-inclusive", year: 2026, amountFen: wan(100) }],
    expect: { eligible: false, conditions: { "limit-1-perEnterprisePerYear": "fail" } },
  },
  {
    name: "last year's award does not count against this year",
    programme: "zibo-rd-inclusive",
    facts: facts(3 * YI, wan(960)),
    history: [{ programme: "zibo-rd-inclusive", year: 2025, amountFen: wan(100) }],
    expect: { eligible: true, amountFen: wan(50) },
  },
  {
    name: "R&D expense missing: unknown, asks for it",
    programme: "zibo-rd-inclusive",
    facts: { revenueFen: 3 * YI, rdDeductionFen: wan(3000), prevRdDeductionFen: wan(2000) },
    expect: { eligible: "unknown", amountFen: wan(50), missing: ["rdExpenseFen"] },
  },
  {
    name: "zero revenue: no ratio to compute",
    programme: "zibo-rd-inclusive",
    facts: facts(0, wan(10)),
    expect: { eligible: false },
  },
]);
