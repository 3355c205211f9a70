/**
 * Seed 000 part 六 (clauses 15–17): high-tech enterprise recognition, matching
 * of provincial and national science plans, and science awards. Clause 14 is
 * ../rd-inclusive.ts; clause 18 is growth.ts.
 */
import { cases, programme, wan, yuan } from "../../../policy";

const DOC = "zibo-zichuang-2017";

export const hitechCert = programme({
  id: "zibo-hitech-cert",
  title: { zh: "高新技术企业认定奖励", en: "Award for recognised high-tech enterprises" },
  document: DOC,
  clause: "15",
  excerpt: "对通过认定的高新技术企业,给予20万元的扶持资金",
  category: "qualification",
  applicants: { zh: "通过认定的高新技术企业", kinds: ["enterprise"], qualifications: ["hnte"] },
  amount: [{ kind: "fixed", label: "通过高新技术企业认定", fen: wan(20) }],
  limits: [{ kind: "once", label: "每次认定(高新技术企业证书有效期三年)奖励一次", validYears: 3 }],
  materials: [{ id: "hnte-certificate", zh: "高新技术企业证书", required: true }],
  note: "奖励“通过认定的高新技术企业”,按每次认定奖励一次,不是每年奖励:高新技术企业证书有效期三年,此前三个日历年度内(含本年度)已获本项奖励的,视为同一次认定;满三年后重新认定的,可再次申报。",
});

export const hitechFirstFail = programme({
  id: "zibo-hitech-first-fail",
  title: { zh: "首次申报高企未通过中介费补贴", en: "Agency fees of a first high-tech application that failed" },
  document: DOC,
  clause: "15",
  excerpt:
    "对首次申报高新技术企业,经高新区推荐,但未通过山东高新技术企业认定管理工作领导小组认定的科技型小微企业,按申报过程中实际发生中介服务费用的60%给予补贴,最高不超过5万元。",
  category: "qualification",
  applicants: {
    zh: "首次申报高新技术企业、经高新区推荐但未通过山东高新技术企业认定管理工作领导小组认定的科技型小微企业",
    kinds: ["enterprise"],
  },
  facts: [
    {
      name: "agencyFeeFen",
      type: "money",
      label: { zh: "申报过程中实际发生的中介服务费用", en: "Agency fees actually paid for the application" },
      help: "以中介服务合同和发票金额为准。",
    },
  ],
  amount: [
    { kind: "percent", label: "中介服务费用的60%", base: { fact: "agencyFeeFen" }, percent: 60, capFen: wan(5) },
  ],
  limits: [{ kind: "once", label: "限首次申报" }],
  materials: [
    { id: "recommendation", zh: "高新区推荐申报的证明", required: true },
    { id: "result-notice", zh: "未通过认定的结果公示或通知", required: true },
    { id: "agency-contract", zh: "中介服务合同及发票", required: true },
  ],
  note: "补贴限“首次申报”未通过的一次,故按只补贴一次处理。",
});

export const projectMatching = programme({
  id: "zibo-project-matching",
  title: { zh: "省级以上科技计划资金匹配", en: "Matching of provincial and national science plan funding" },
  document: DOC,
  clause: "16",
  excerpt:
    "对获得省级以上科技计划资金扶持的项目给予资金匹配,国家级按1:0.5匹配、省级按1:0.2匹配,且单家企业每年的匹配总额不超过300万元,单个项目列入省级以上多个科技计划(多年度)的,匹配总额不超过300万元。",
  category: "project",
  applicants: {
    zh: "获得省级以上科技计划资金扶持的项目承担企业(不符合高新区产业发展导向或执行不力的项目,经审核,不给予匹配)",
    kinds: ["enterprise"],
  },
  facts: [
    {
      name: "level",
      type: "choice",
      label: { zh: "科技计划级别", en: "Level of the science plan" },
      options: [
        { value: "national", zh: "国家级", en: "National" },
        { value: "provincial", zh: "省级", en: "Provincial" },
      ],
    },
    {
      name: "fundingFen",
      type: "money",
      label: { zh: "获得的科技计划扶持资金", en: "Science plan funding received" },
      help: "国家或省科技计划下达给本项目的资金。",
    },
    {
      name: "projectCode",
      type: "text",
      label: { zh: "项目编号", en: "Project number" },
      help: "科技计划下达的项目编号;同一项目列入多个科技计划(多年度)时填写同一编号,用于核对单个项目300万元的匹配总额。",
    },
  ],
  amount: [
    {
      kind: "percent",
      label: "科技计划资金匹配",
      base: { fact: "fundingFen" },
      percent: { fact: "level", byChoice: { national: 50, provincial: 20 } },
    },
  ],
  limits: [
    { kind: "perEnterprisePerYear", label: "单家企业每年的匹配总额不超过300万元", fen: wan(300) },
    {
      kind: "perProject",
      label: "单个项目列入省级以上多个科技计划(多年度)的,匹配总额不超过300万元",
      fen: wan(300),
      projectFact: "projectCode",
    },
  ],
  materials: [
    { id: "plan-approval", zh: "科技计划立项文件或任务书", required: true },
    { id: "funds-received", zh: "上级扶持资金到账凭证", required: true },
  ],
});

const AWARD_LEVELS = [
  { value: "national", zh: "国家科学技术奖", en: "National Science and Technology Award" },
  { value: "provincial", zh: "山东省科学技术奖", en: "Shandong Science and Technology Award" },
];

export const scienceAwardMatching = programme({
  id: "zibo-science-award-matching",
  title: { zh: "国家和省科学技术奖匹配奖励", en: "Matching of national and provincial science awards" },
  document: DOC,
  clause: "17",
  excerpt: "对获国家科学技术奖励的按1:2比例匹配奖励,获山东省科学技术奖励的按1:1比例匹配奖励。",
  category: "award",
  applicants: {
    zh: "获国家科学技术奖励或山东省科学技术奖励的单位和个人",
    kinds: ["enterprise", "institution", "talent"],
  },
  facts: [
    { name: "level", type: "choice", label: { zh: "所获奖励", en: "Award received" }, options: AWARD_LEVELS },
    {
      name: "awardFen",
      type: "money",
      label: { zh: "所获奖金", en: "Prize money received" },
      help: "国家或省科学技术奖励证书所附的奖金。",
    },
  ],
  amount: [
    {
      kind: "percent",
      label: "科学技术奖匹配奖励",
      base: { fact: "awardFen" },
      percent: { fact: "level", byChoice: { national: 200, provincial: 100 } },
    },
  ],
  materials: [
    { id: "award-certificate", zh: "获奖证书", required: true },
    { id: "prize-proof", zh: "奖金到账凭证或奖励文件", required: true },
  ],
  note: "“按1:2比例匹配”读作按所获奖金的2倍给予匹配奖励,“1:1”为等额。",
});

export const zoneScienceAward = programme({
  id: "zibo-zone-science-award",
  title: { zh: "高新区科学技术专项奖励", en: "Zone science and technology awards" },
  document: DOC,
  clause: "17",
  excerpt:
    "设立高新区科学技术专项奖励,科学技术特殊贡献奖奖励100万元,科学技术奖一等奖奖励20万元、二等奖奖励10万元、三等奖奖励5万元。",
  category: "award",
  applicants: {
    zh: "在自主创新和高新技术产业发展中作出突出贡献、经济社会效益显著、获高新区科学技术专项奖励的单位和个人",
    kinds: ["enterprise", "institution", "talent"],
  },
  facts: [
    {
      name: "grade",
      type: "choice",
      label: { zh: "所获奖项", en: "Award grade" },
      options: [
        { value: "special", zh: "科学技术特殊贡献奖", en: "Special contribution award" },
        { value: "first", zh: "科学技术奖一等奖", en: "First prize" },
        { value: "second", zh: "科学技术奖二等奖", en: "Second prize" },
        { value: "third", zh: "科学技术奖三等奖", en: "Third prize" },
      ],
    },
  ],
  amount: [
    {
      kind: "byChoice",
      label: "高新区科学技术专项奖励",
      fact: "grade",
      amounts: { special: wan(100), first: wan(20), second: wan(10), third: wan(5) },
    },
  ],
  materials: [{ id: "award-decision", zh: "高新区科学技术奖励决定或获奖证书", required: true }],
});

const fail = "zibo-hitech-first-fail";
const pm = "zibo-project-matching";
const sam = "zibo-science-award-matching";
const zsa = "zibo-zone-science-award";

export const enterpriseCases = cases([
  {
    name: "recognised high-tech enterprise: 20万",
    programme: "zibo-hitech-cert",
    expect: { eligible: true, amountFen: wan(20), explains: ["第十五条"] },
  },
  {
    name: "with a profile holding hnte: 20万",
    programme: "zibo-hitech-cert",
    profile: { qualifications: ["hnte"] },
    expect: { eligible: true, amountFen: wan(20), conditions: { "applicant-hnte": "pass" } },
  },
  {
    name: "high-tech award in 2026 already: the same recognition, not again this year",
    programme: "zibo-hitech-cert",
    history: [{ programme: "zibo-hitech-cert", year: 2026, amountFen: wan(20) }],
    expect: {
      eligible: false,
      amountFen: 0,
      conditions: { "limit-1-once": "fail" },
      explains: ["在认定有效期(3年)内;每次认定(高新技术企业证书有效期三年)奖励一次(第十五条),不再重复支持"],
    },
  },
  {
    name: "high-tech award in 2024: the certificate's third year, still the same recognition",
    programme: "zibo-hitech-cert",
    history: [{ programme: "zibo-hitech-cert", year: 2024, amountFen: wan(20) }],
    expect: { eligible: false, conditions: { "limit-1-once": "fail" } },
  },
  {
    name: "high-tech award in 2023: three years on, a new recognition earns it again",
    programme: "zibo-hitech-cert",
    history: [{ programme: "zibo-hitech-cert", year: 2023, amountFen: wan(20) }],
    expect: {
      eligible: true,
      amountFen: wan(20),
      conditions: { "limit-1-once": "pass" },
      explains: ["属于此前的认定"],
    },
  },
  {
    name: "with a profile without hnte: not eligible",
    programme: "zibo-hitech-cert",
    profile: { qualifications: ["tech-sme"] },
    expect: { eligible: false, conditions: { "applicant-hnte": "fail" } },
  },

  {
    name: "agency fees 1万: 60% is 6000元",
    programme: fail,
    facts: { agencyFeeFen: wan(1) },
    expect: { eligible: true, amountFen: yuan(6000), explains: ["第十五条", "60%"] },
  },
  {
    name: "agency fees 83,333.32元: 49,999.99元, under the cap",
    programme: fail,
    facts: { agencyFeeFen: 8333332 },
    expect: { eligible: true, amountFen: 4999999 },
  },
  {
    name: "agency fees 83,333.33元: 49,999.998元 rounds to 5万",
    programme: fail,
    facts: { agencyFeeFen: 8333333 },
    expect: { eligible: true, amountFen: wan(5) },
  },
  {
    name: "agency fees 83,333.34元: at the 5万 cap",
    programme: fail,
    facts: { agencyFeeFen: 8333334 },
    expect: { eligible: true, amountFen: wan(5) },
  },
  {
    name: "agency fees 9万: 5.4万 capped at 5万",
    programme: fail,
    facts: { agencyFeeFen: wan(9) },
    expect: { eligible: true, amountFen: wan(5), explains: ["超过最高5万元,按5万元计"] },
  },
  {
    name: "agency fees 10万: 6万 capped at 5万",
    programme: fail,
    facts: { agencyFeeFen: wan(10) },
    expect: { eligible: true, amountFen: wan(5) },
  },
  {
    name: "already subsidised once: not again",
    programme: fail,
    facts: { agencyFeeFen: wan(1) },
    history: [{ programme: fail, year: 2024, amountFen: yuan(3000) }],
    expect: { eligible: false, conditions: { "limit-1-once": "fail" } },
  },
  { name: "fees missing: unknown", programme: fail, expect: { eligible: "unknown", missing: ["agencyFeeFen"] } },

  {
    name: "national plan 400万: 1:0.5 is 200万",
    programme: pm,
    facts: { projectCode: "P-9", level: "national", fundingFen: wan(400) },
    expect: { eligible: true, amountFen: wan(200), explains: ["第十六条", "50%"] },
  },
  {
    name: "provincial plan 500万: 1:0.2 is 100万",
    programme: pm,
    facts: { projectCode: "P-9", level: "provincial", fundingFen: wan(500) },
    expect: { eligible: true, amountFen: wan(100) },
  },
  {
    name: "national plan 600万: 300万, at the cap",
    programme: pm,
    facts: { projectCode: "P-9", level: "national", fundingFen: wan(600) },
    expect: { eligible: true, amountFen: wan(300) },
  },
  {
    name: "national plan 600万 and 2 fen: capped at 300万",
    programme: pm,
    facts: { projectCode: "P-9", level: "national", fundingFen: wan(600) + 2 },
    expect: { eligible: true, amountFen: wan(300), explains: ["本次按300万元计"] },
  },
  {
    name: "provincial 20% of 3 fen: 0.6 fen rounds to 1",
    programme: pm,
    facts: { projectCode: "P-9", level: "provincial", fundingFen: 3 },
    expect: { eligible: true, amountFen: 1 },
  },
  {
    name: "200万 matched this year for another project: 100万 left",
    programme: pm,
    facts: { level: "national", fundingFen: wan(400), projectCode: "B" },
    history: [{ programme: pm, year: 2026, amountFen: wan(200), projectCode: "A" }],
    expect: { eligible: true, amountFen: wan(100) },
  },
  {
    name: "300万 matched this year: the enterprise's annual cap is used up",
    programme: pm,
    facts: { projectCode: "P-9", level: "provincial", fundingFen: wan(100) },
    history: [{ programme: pm, year: 2026, amountFen: wan(300) }],
    expect: { eligible: false, conditions: { "limit-1-perEnterprisePerYear": "fail" } },
  },
  {
    name: "same project matched 250万 in earlier years: 50万 left for it",
    programme: pm,
    facts: { level: "national", fundingFen: wan(400), projectCode: "P-1" },
    history: [
      { programme: pm, year: 2024, amountFen: wan(150), projectCode: "P-1" },
      { programme: pm, year: 2025, amountFen: wan(100), projectCode: "P-1" },
    ],
    expect: { eligible: true, amountFen: wan(50), explains: ["项目P-1已获250万元"] },
  },
  {
    name: "same project already matched 300万: no more for it",
    programme: pm,
    facts: { level: "provincial", fundingFen: wan(100), projectCode: "P-1" },
    history: [{ programme: pm, year: 2025, amountFen: wan(300), projectCode: "P-1" }],
    expect: { eligible: false, conditions: { "limit-2-perProject": "fail" } },
  },
  {
    name: "another project's past matching does not count against this project",
    programme: pm,
    facts: { level: "national", fundingFen: wan(400), projectCode: "P-2" },
    history: [{ programme: pm, year: 2025, amountFen: wan(300), projectCode: "P-1" }],
    expect: { eligible: true, amountFen: wan(200) },
  },
  {
    name: "project code missing: unknown, the per-project cap cannot be checked without it",
    programme: pm,
    facts: { level: "national", fundingFen: wan(400) },
    history: [{ programme: pm, year: 2025, amountFen: wan(300), projectCode: "P-1" }],
    expect: {
      eligible: "unknown",
      amountFen: wan(200),
      missing: ["projectCode"],
      conditions: { "limit-2-perProject": "unknown" },
      explains: ["需提供项目编号"],
    },
  },
  {
    name: "per-project cap at 300万 over two years (under: 299万 used, 1万 left)",
    programme: pm,
    facts: { projectCode: "P-1", level: "provincial", fundingFen: wan(100) },
    history: [{ programme: pm, year: 2025, amountFen: wan(299), projectCode: "P-1" }],
    expect: { eligible: true, amountFen: wan(1), explains: ["项目P-1已获299万元,尚可获得1万元"] },
  },
  {
    name: "level missing: unknown",
    programme: pm,
    facts: { projectCode: "P-9", fundingFen: wan(400) },
    expect: { eligible: "unknown", missing: ["level"] },
  },

  {
    name: "national award with 20万 prize: 1:2 is 40万",
    programme: sam,
    facts: { level: "national", awardFen: wan(20) },
    expect: { eligible: true, amountFen: wan(40), explains: ["第十七条"] },
  },
  {
    name: "Shandong award with 10万 prize: 1:1 is 10万",
    programme: sam,
    facts: { level: "provincial", awardFen: wan(10) },
    expect: { eligible: true, amountFen: wan(10) },
  },
  {
    name: "prize missing: unknown",
    programme: sam,
    facts: { level: "national" },
    expect: { eligible: "unknown", missing: ["awardFen"] },
  },

  {
    name: "special contribution award: 100万",
    programme: zsa,
    facts: { grade: "special" },
    expect: { eligible: true, amountFen: wan(100), explains: ["科学技术特殊贡献奖"] },
  },
  {
    name: "first prize: 20万",
    programme: zsa,
    facts: { grade: "first" },
    expect: { eligible: true, amountFen: wan(20) },
  },
  {
    name: "second prize: 10万",
    programme: zsa,
    facts: { grade: "second" },
    expect: { eligible: true, amountFen: wan(10) },
  },
  {
    name: "third prize: 5万",
    programme: zsa,
    facts: { grade: "third" },
    expect: { eligible: true, amountFen: wan(5) },
  },
  { name: "grade missing: unknown", programme: zsa, expect: { eligible: "unknown", missing: ["grade"] } },
]);
