/**
 * Seed 000 part 七, clauses 20–21: technology transfer centres of universities
 * and institutes, and technology transfer agencies. Clause 19 names no amount.
 */
import { cases, programme, wan } from "../../../policy";

const DOC = "zibo-zichuang-2017";

export const techTransferCentre = programme({
  id: "zibo-tech-transfer-centre",
  title: { zh: "高校院所技术转移中心扶持", en: "Support for university technology transfer centres" },
  document: DOC,
  clause: "20",
  excerpt:
    "对国内外高校院所在高新区设立的技术转移中心,经认定,五年内无偿给予100平方米的办公用房及100平方米的公寓住房,三年内根据运行情况每年给予30万元的资金扶持。",
  category: "transfer",
  applicants: { zh: "国内外高校院所在高新区设立、经认定的技术转移中心", kinds: ["institution"] },
  amount: [
    { kind: "fixed", label: "根据运行情况每年给予的资金扶持", fen: wan(30) },
    { kind: "inKind", label: "五年内无偿提供100平方米办公用房及100平方米公寓住房" },
  ],
  limits: [
    { kind: "perEnterprisePerYear", label: "每年给予30万元", fen: wan(30) },
    { kind: "maxYears", label: "三年内每年给予资金扶持", years: 3 },
  ],
  materials: [
    { id: "establishment-document", zh: "高校院所设立技术转移中心的文件", required: true },
    { id: "operation-report", zh: "年度运行情况报告", required: true },
  ],
  note: "资金扶持三年、用房五年:三年上限只限资金,用房在认定时一并安排。中心在高新区转化的项目参照第十条申报(zibo-institute-project)。",
});

export const techTransferAgency = programme({
  id: "zibo-tech-transfer-agency",
  title: { zh: "技术转移机构认定奖励", en: "Award for recognised technology transfer agencies" },
  document: DOC,
  clause: "21",
  excerpt:
    "对新认定的国家级技术转移机构,一次性给予100万元的资金扶持;对新认定的省级技术转移机构,一次性给予50万元的资金扶持。",
  category: "transfer",
  applicants: { zh: "新认定为国家级或省级技术转移机构的产学研合作及科技成果转化中介服务机构", kinds: ["agency"] },
  facts: [
    {
      name: "level",
      type: "choice",
      label: { zh: "新认定的级别", en: "Level of the recognition" },
      options: [
        { value: "national", zh: "国家级技术转移机构", en: "National" },
        { value: "provincial", zh: "省级技术转移机构", en: "Provincial" },
      ],
    },
  ],
  amount: [
    {
      kind: "byChoice",
      label: "新认定技术转移机构一次性扶持",
      fact: "level",
      amounts: { national: wan(100), provincial: wan(50) },
    },
  ],
  limits: [
    {
      kind: "once",
      label: "新认定时一次性给予,同一认定不重复",
      upgrade: { fact: "level", order: ["provincial", "national"] },
    },
  ],
  materials: [{ id: "recognition-document", zh: "国家级或省级技术转移机构认定文件", required: true }],
  note: "“一次性”按每次新认定给予一次:已获本项扶持的不再给予,除非此前按省级获得、本次新认定为国家级(升级,按国家级100万元给予,条文未规定扣减此前的50万元)。此前的奖励记录未载明级别的,按同一认定计。",
});

export const techTransferDeals = programme({
  id: "zibo-tech-transfer-deals",
  title: { zh: "技术转移机构促成交易奖励", en: "Award for technology deals brokered by transfer agencies" },
  document: DOC,
  clause: "21",
  excerpt: "对技术转移机构年度累计促成技术交易额在100万以上的,经认定按实际交易额的3%给予扶持,最高不超过30万元。",
  category: "transfer",
  applicants: { zh: "年度累计促成技术交易额在100万元以上并经认定的技术转移机构", kinds: ["agency"] },
  facts: [
    {
      name: "dealsFen",
      type: "money",
      label: { zh: "年度累计促成的实际技术交易额", en: "Technology deals brokered in the year" },
      help: "经认定的本年度累计促成技术交易的实际交易额。",
    },
  ],
  conditions: [
    {
      id: "deals-1m",
      label: "年度累计促成技术交易额在100万元以上",
      test: { test: "compare", fact: "dealsFen", word: "以上", value: wan(100) },
    },
  ],
  amount: [{ kind: "percent", label: "实际交易额的3%", base: { fact: "dealsFen" }, percent: 3, capFen: wan(30) }],
  limits: [{ kind: "perEnterprisePerYear", label: "年度累计最高不超过30万元", fen: wan(30) }],
  materials: [
    { id: "deal-contracts", zh: "促成的技术合同及登记证明", required: true },
    { id: "deal-summary", zh: "年度技术交易额汇总表", required: true },
  ],
});

const centre = "zibo-tech-transfer-centre";
const deals = "zibo-tech-transfer-deals";

export const transferCases = cases([
  {
    name: "recognised centre: 30万 a year, space in kind noted",
    programme: centre,
    expect: { eligible: true, amountFen: wan(30), explains: ["第二十条", "另有非资金支持"] },
  },
  {
    name: "third year: still eligible",
    programme: centre,
    history: [
      { programme: centre, year: 2024, amountFen: wan(30) },
      { programme: centre, year: 2025, amountFen: wan(30) },
    ],
    expect: { eligible: true, amountFen: wan(30) },
  },
  {
    name: "after three years: no more money",
    programme: centre,
    history: [
      { programme: centre, year: 2023, amountFen: wan(30) },
      { programme: centre, year: 2024, amountFen: wan(30) },
      { programme: centre, year: 2025, amountFen: wan(30) },
    ],
    expect: { eligible: false, conditions: { "limit-2-maxYears": "fail" } },
  },
  {
    name: "10万 already this year: 20万 left of the year's 30万",
    programme: centre,
    history: [{ programme: centre, year: 2026, amountFen: wan(10) }],
    expect: { eligible: true, amountFen: wan(20) },
  },
  {
    name: "already 30万 this year: nothing more this year",
    programme: centre,
    history: [{ programme: centre, year: 2026, amountFen: wan(30) }],
    expect: { eligible: false, conditions: { "limit-1-perEnterprisePerYear": "fail" } },
  },

  {
    name: "national transfer agency: 100万",
    programme: "zibo-tech-transfer-agency",
    facts: { level: "national" },
    expect: { eligible: true, amountFen: wan(100), explains: ["第二十一条"] },
  },
  {
    name: "provincial transfer agency: 50万",
    programme: "zibo-tech-transfer-agency",
    facts: { level: "provincial" },
    expect: { eligible: true, amountFen: wan(50) },
  },
  {
    name: "level missing: unknown",
    programme: "zibo-tech-transfer-agency",
    expect: { eligible: "unknown", missing: ["level"] },
  },
  {
    name: "provincial award already: a second provincial award is a repeat",
    programme: "zibo-tech-transfer-agency",
    facts: { level: "provincial" },
    history: [
      { programme: "zibo-tech-transfer-agency", year: 2023, amountFen: wan(50), facts: { level: "provincial" } },
    ],
    expect: { eligible: false, amountFen: 0, conditions: { "limit-1-once": "fail" }, explains: ["不再重复支持"] },
  },
  {
    name: "provincial in 2023, newly national now: an upgrade, 100万",
    programme: "zibo-tech-transfer-agency",
    facts: { level: "national" },
    history: [
      { programme: "zibo-tech-transfer-agency", year: 2023, amountFen: wan(50), facts: { level: "provincial" } },
    ],
    expect: {
      eligible: true,
      amountFen: wan(100),
      conditions: { "limit-1-once": "pass" },
      explains: ["本次升为国家级技术转移机构"],
    },
  },
  {
    name: "national already: provincial afterwards is not an upgrade",
    programme: "zibo-tech-transfer-agency",
    facts: { level: "provincial" },
    history: [
      { programme: "zibo-tech-transfer-agency", year: 2023, amountFen: wan(100), facts: { level: "national" } },
    ],
    expect: { eligible: false, conditions: { "limit-1-once": "fail" } },
  },
  {
    name: "an earlier award without its facts counts as a repeat, and says how to show otherwise",
    programme: "zibo-tech-transfer-agency",
    facts: { level: "national" },
    history: [{ programme: "zibo-tech-transfer-agency", year: 2023, amountFen: wan(50) }],
    expect: { eligible: false, conditions: { "limit-1-once": "fail" }, explains: ["当时的记录未载明新认定的级别"] },
  },

  {
    name: "deals exactly 100万: 以上 includes it, 3% is 3万",
    programme: deals,
    facts: { dealsFen: wan(100) },
    expect: { eligible: true, amountFen: wan(3), explains: ["(“以上”含本数)"] },
  },
  {
    name: "deals one fen under 100万: not eligible",
    programme: deals,
    facts: { dealsFen: wan(100) - 1 },
    expect: { eligible: false, conditions: { "deals-1m": "fail" } },
  },
  {
    name: "deals 500万: 15万",
    programme: deals,
    facts: { dealsFen: wan(500) },
    expect: { eligible: true, amountFen: wan(15) },
  },
  {
    name: "deals exactly 1000万: 30万, at the cap",
    programme: deals,
    facts: { dealsFen: wan(1000) },
    expect: { eligible: true, amountFen: wan(30) },
  },
  {
    name: "deals 1000万 and 50 fen: capped at 30万",
    programme: deals,
    facts: { dealsFen: wan(1000) + 50 },
    expect: { eligible: true, amountFen: wan(30), explains: ["超过最高30万元"] },
  },
  {
    name: "3% of 100万 and 50 fen rounds 30,000.015元 to 30,000.02元",
    programme: deals,
    facts: { dealsFen: wan(100) + 50 },
    expect: { eligible: true, amountFen: wan(3) + 2 },
  },
  {
    name: "deals this year already paid 20万: 10万 left of the yearly 30万",
    programme: deals,
    facts: { dealsFen: wan(500) },
    history: [{ programme: deals, year: 2026, amountFen: wan(20) }],
    expect: { eligible: true, amountFen: wan(10), explains: ["2026年度已获20万元,尚可获得10万元,本次按10万元计"] },
  },
  {
    name: "deals this year already paid 15万: 15万 left, exactly this award",
    programme: deals,
    facts: { dealsFen: wan(500) },
    history: [{ programme: deals, year: 2026, amountFen: wan(15) }],
    expect: { eligible: true, amountFen: wan(15) },
  },
  {
    name: "deals this year already paid 30万: the yearly cap is used up, 0",
    programme: deals,
    facts: { dealsFen: wan(500) },
    history: [{ programme: deals, year: 2026, amountFen: wan(30) }],
    expect: {
      eligible: false,
      amountFen: 0,
      conditions: { "limit-1-perEnterprisePerYear": "fail" },
      explains: ["2026年度已获30万元,已达第二十一条规定的最高30万元"],
    },
  },
  {
    name: "last year's 30万 does not count against this year",
    programme: deals,
    facts: { dealsFen: wan(500) },
    history: [{ programme: deals, year: 2025, amountFen: wan(30) }],
    expect: { eligible: true, amountFen: wan(15) },
  },
  { name: "deals missing: unknown", programme: deals, expect: { eligible: "unknown", missing: ["dealsFen"] } },
]);
