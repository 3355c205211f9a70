/**
 * Seed 000 part 五 (clauses 10–12): projects in the research institutes built
 * with universities, co-built industry institutes, and enterprise R&D
 * institutions by level. Clause 13 (the new-materials platform) names no amount.
 */
import { cases, programme, wan } from "../../../policy";

const DOC = "zibo-zichuang-2017";

export const instituteProject = programme({
  id: "zibo-institute-project",
  title: { zh: "共建研究院工程化研发项目扶持", en: "Engineering projects in university-built institutes" },
  document: DOC,
  clause: "10",
  excerpt:
    "对进入管委会和大学共建研究院进行工程化研发的科技含量高、技术成熟、产品市场前景好的项目,经评审认定,给予30—100万元项目扶持资金。",
  category: "project",
  applicants: {
    zh: "进入管委会和大学共建研究院进行工程化研发、经评审认定科技含量高、技术成熟、产品市场前景好的项目",
    kinds: ["enterprise", "talent"],
  },
  amount: [{ kind: "review", label: "工程化研发项目扶持资金", minFen: wan(30), maxFen: wan(100) }],
  materials: [
    { id: "project-plan", zh: "项目可行性研究报告或商业计划书", required: true },
    { id: "institute-agreement", zh: "入驻共建研究院的协议", required: true },
    { id: "ip-proof", zh: "项目核心技术知识产权证明", required: false },
  ],
});

export const industryInstitute = programme({
  id: "zibo-industry-institute",
  title: { zh: "共建产业研究院科技创新券", en: "Innovation vouchers for co-built industry institutes" },
  document: DOC,
  clause: "11",
  excerpt:
    "对所在行业领域具有较大带动作用,且较好发挥了行业服务功能的共建产业研究院,三年内每年给予50万元的科技创新券扶持。",
  category: "platform",
  applicants: {
    zh: "优势骨干企业和科技创新型企业与高校院所共建、在所在行业领域具有较大带动作用且较好发挥了行业服务功能的产业研究院",
    kinds: ["institution"],
  },
  amount: [{ kind: "fixed", label: "科技创新券", fen: wan(50) }],
  limits: [
    { kind: "perEnterprisePerYear", label: "每年给予50万元", fen: wan(50) },
    { kind: "maxYears", label: "三年内每年给予", years: 3 },
  ],
  materials: [
    { id: "co-building-agreement", zh: "企业与高校院所共建产业研究院的协议", required: true },
    { id: "service-report", zh: "年度行业服务和带动作用情况报告", required: true },
  ],
  note: "扶持以科技创新券形式发放,金额按券面值计。",
});

export const rdInstitution = programme({
  id: "zibo-rd-institution",
  title: { zh: "企业研发机构创建扶持", en: "Award for enterprise R&D institutions" },
  document: DOC,
  clause: "12",
  excerpt:
    "支持企业承担国家、省、市各类研发机构(包括工程实验室、重点实验室、工程(技术)研究中心、企业技术中心)建设,对创建为国家级、省级、市级研发机构的,分别给予100万元、50万元和10万元的扶持资金。",
  category: "platform",
  applicants: {
    zh: "创建为国家级、省级、市级工程实验室、重点实验室、工程(技术)研究中心、企业技术中心等研发机构的企业",
    kinds: ["enterprise"],
  },
  facts: [
    {
      name: "level",
      type: "choice",
      label: { zh: "研发机构级别", en: "Level of the R&D institution" },
      help: "以创建批复文件的级别为准。",
      options: [
        { value: "national", zh: "国家级", en: "National" },
        { value: "provincial", zh: "省级", en: "Provincial" },
        { value: "municipal", zh: "市级", en: "Municipal" },
      ],
    },
    {
      name: "institutionType",
      type: "choice",
      optional: true,
      label: { zh: "研发机构类别", en: "Kind of R&D institution" },
      help: "企业已因另一类研发机构获得本项扶持时填写,用于区分两次创建。",
      options: [
        { value: "engineering-lab", zh: "工程实验室", en: "Engineering laboratory" },
        { value: "key-lab", zh: "重点实验室", en: "Key laboratory" },
        { value: "engineering-centre", zh: "工程(技术)研究中心", en: "Engineering (technology) research centre" },
        { value: "tech-centre", zh: "企业技术中心", en: "Enterprise technology centre" },
      ],
    },
  ],
  limits: [
    {
      kind: "once",
      label: "每个研发机构每级扶持一次",
      per: ["institutionType"],
      upgrade: { fact: "level", order: ["municipal", "provincial", "national"] },
    },
  ],
  note: "按创建(认定)给予一次:同一研发机构同一级别已获扶持的不再给予;市级升为省级、省级升为国家级的,或另一类研发机构的,属另一认定(此前记录须载明类别和级别;未载明的按同一认定计)。升级按新级别全额给予,条文未规定扣减。",
  amount: [
    {
      kind: "byChoice",
      label: "创建研发机构",
      fact: "level",
      amounts: { national: wan(100), provincial: wan(50), municipal: wan(10) },
    },
  ],
  materials: [{ id: "approval-document", zh: "研发机构创建或认定的批复文件", required: true }],
});

const inst = "zibo-industry-institute";
const rdi = "zibo-rd-institution";

export const institutesCases = cases([
  {
    name: "engineering project: 30万 to 100万 set at review",
    programme: "zibo-institute-project",
    expect: {
      eligible: true,
      amountFen: null,
      range: { minFen: wan(30), maxFen: wan(100) },
      explains: ["第十条", "在30万元至100万元之间"],
    },
  },

  {
    name: "co-built institute, first year: 50万 in vouchers",
    programme: inst,
    expect: { eligible: true, amountFen: wan(50), explains: ["第十一条", "科技创新券"] },
  },
  {
    name: "third year (two earlier years): still eligible",
    programme: inst,
    history: [
      { programme: inst, year: 2024, amountFen: wan(50) },
      { programme: inst, year: 2025, amountFen: wan(50) },
    ],
    expect: { eligible: true, amountFen: wan(50) },
  },
  {
    name: "fourth year: three years already used",
    programme: inst,
    history: [
      { programme: inst, year: 2023, amountFen: wan(50) },
      { programme: inst, year: 2024, amountFen: wan(50) },
      { programme: inst, year: 2025, amountFen: wan(50) },
    ],
    expect: { eligible: false, conditions: { "limit-2-maxYears": "fail" } },
  },
  {
    name: "20万 already this year: 30万 left of the year's 50万",
    programme: inst,
    history: [{ programme: inst, year: 2026, amountFen: wan(20) }],
    expect: { eligible: true, amountFen: wan(30), explains: ["2026年度已获20万元,尚可获得30万元"] },
  },
  {
    name: "already given 50万 this year: nothing more this year",
    programme: inst,
    history: [{ programme: inst, year: 2026, amountFen: wan(50) }],
    expect: { eligible: false, conditions: { "limit-1-perEnterprisePerYear": "fail" } },
  },

  {
    name: "national R&D institution: 100万",
    programme: rdi,
    facts: { level: "national" },
    expect: { eligible: true, amountFen: wan(100), explains: ["第十二条", "国家级"] },
  },
  {
    name: "provincial R&D institution: 50万",
    programme: rdi,
    facts: { level: "provincial" },
    expect: { eligible: true, amountFen: wan(50) },
  },
  {
    name: "municipal R&D institution: 10万",
    programme: rdi,
    facts: { level: "municipal" },
    expect: { eligible: true, amountFen: wan(10) },
  },
  {
    name: "level missing: unknown",
    programme: rdi,
    expect: { eligible: "unknown", amountFen: null, missing: ["level"] },
  },
  {
    name: "municipal tech centre in 2023, provincial now: an upgrade, 50万",
    programme: rdi,
    facts: { level: "provincial", institutionType: "tech-centre" },
    history: [
      { programme: rdi, year: 2023, amountFen: wan(10), facts: { level: "municipal", institutionType: "tech-centre" } },
    ],
    expect: { eligible: true, amountFen: wan(50), conditions: { "limit-1-once": "pass" } },
  },
  {
    name: "provincial tech centre again: a repeat",
    programme: rdi,
    facts: { level: "provincial", institutionType: "tech-centre" },
    history: [
      {
        programme: rdi,
        year: 2023,
        amountFen: wan(50),
        facts: { level: "provincial", institutionType: "tech-centre" },
      },
    ],
    expect: { eligible: false, conditions: { "limit-1-once": "fail" } },
  },
  {
    name: "a provincial key lab after a provincial tech centre: another institution",
    programme: rdi,
    facts: { level: "provincial", institutionType: "key-lab" },
    history: [
      {
        programme: rdi,
        year: 2023,
        amountFen: wan(50),
        facts: { level: "provincial", institutionType: "tech-centre" },
      },
    ],
    expect: { eligible: true, amountFen: wan(50) },
  },
]);
