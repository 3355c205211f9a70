/**
 * Seed 004 part 四(六): the young scientists' support plan and the talent
 * welfare policies (4.6.1), and the “五十百千” recruitment plan (4.6.2) whose
 * numbers are the plan's targets per talent category, not amounts.
 */
import { cases, programme } from "../../policy";
import { DAY_BEFORE, DOC, IN_FORCE, PERIOD } from "./common";

export const youngTechTalent = programme({
  id: "changzhi-young-tech-talent",
  title: { zh: "青年科技人才支持计划", en: "Young scientists support plan" },
  document: DOC,
  clause: "4.6.1",
  excerpt: "设立青年科技人才支持计划,每年精准识别、培养100名青年科技人才",
  category: "talent",
  applicants: { zh: "青年科技人才", kinds: ["talent"] },
  amount: [{ kind: "caseByCase", label: "青年科技人才支持计划支持" }],
  materials: [
    { id: "identity", zh: "身份证明", required: true },
    { id: "employment", zh: "用人单位推荐意见及劳动合同", required: true },
    { id: "achievements", zh: "科研成果、项目和获奖材料", required: true },
  ],
  note: `“每年…培养100名”是全区每年的名额,不是个人条件;支持内容和金额条文未定,“青年”的年龄界限条文未定。${PERIOD}`,
});

export const youngTechTalentCases = cases([
  {
    name: "young scientist: support set at review",
    programme: "changzhi-young-tech-talent",
    date: IN_FORCE,
    expect: {
      eligible: true,
      amountFen: null,
      explains: ["第四部分(六)第1项", "青年科技人才支持计划支持:政策未规定具体金额"],
    },
  },
  {
    name: "young-tech-talent, the day before the page's 发文时间: not yet in force",
    programme: "changzhi-young-tech-talent",
    date: DAY_BEFORE,
    expect: { eligible: false, conditions: { effective: "fail" } },
  },
]);

export const talentWelfare = programme({
  id: "changzhi-talent-welfare",
  title: { zh: "人才就医、子女上学、住房保障优惠", en: "Medical care, schooling and housing for talents" },
  document: DOC,
  clause: "4.6.1",
  excerpt: "建立与在高新区的院士等高层次人才定期对接机制,出台人才就医、子女上学、住房保障等一系列优惠政策。",
  category: "talent",
  applicants: { zh: "在高新区工作的人才(含院士等高层次人才)", kinds: ["talent"] },
  amount: [
    { kind: "inKind", label: "人才就医优惠" },
    { kind: "inKind", label: "人才子女上学优惠" },
    { kind: "inKind", label: "人才住房保障(含人才公寓)" },
  ],
  materials: [
    { id: "identity", zh: "身份证明", required: true },
    { id: "employment", zh: "劳动合同或用人单位证明", required: true },
  ],
  note: `条文说“出台…一系列优惠政策”,具体标准由这些政策规定;2021年启动人才公寓建设。${PERIOD}`,
});

export const talentWelfareCases = cases([
  {
    name: "talent working in the zone: welfare in kind",
    programme: "changzhi-talent-welfare",
    date: IN_FORCE,
    expect: {
      eligible: true,
      amountFen: null,
      explains: ["非资金支持:人才就医优惠、人才子女上学优惠、人才住房保障(含人才公寓)"],
    },
  },
]);

export const talentRecruitment = programme({
  id: "changzhi-talent-recruitment",
  title: { zh: "“五十百千”人才引培", en: "The “5-10-100-1000” talent plan" },
  document: DOC,
  clause: "4.6.2",
  excerpt:
    "重点引培具有国内外影响力的顶尖人才及其项目5个,引进省、市级领军人才及其项目10个,引进博士研究生、硕士研究生和本科生人才100人,引培技能型、应用型人才1000人。",
  category: "talent",
  applicants: {
    zh: "具有国内外影响力的顶尖人才及其项目、省市级领军人才及其项目、博士硕士研究生和本科生人才、技能型应用型人才",
    kinds: ["talent"],
  },
  facts: [
    {
      name: "talentCategory",
      type: "choice",
      label: { zh: "人才类别", en: "Talent category" },
      options: [
        {
          value: "top",
          zh: "具有国内外影响力的顶尖人才及其项目",
          en: "Top talent with international or national influence, with project",
        },
        {
          value: "leading",
          zh: "省、市级领军人才及其项目",
          en: "Provincial or municipal leading talent, with project",
        },
        {
          value: "graduate",
          zh: "博士研究生、硕士研究生和本科生人才",
          en: "Doctoral, master's or bachelor's graduate",
        },
        { value: "skilled", zh: "技能型、应用型人才", en: "Skilled or applied talent" },
        { value: "other", zh: "其他", en: "Other" },
      ],
    },
  ],
  conditions: [
    {
      id: "category",
      label: "属于“五十百千”所列人才类别",
      test: { test: "oneOf", fact: "talentCategory", values: ["top", "leading", "graduate", "skilled"] },
    },
  ],
  amount: [{ kind: "inKind", label: "纳入“五十百千”人才引培计划(引培目标名额,本方案未列资助标准)" }],
  materials: [
    { id: "identity", zh: "身份证明", required: true },
    { id: "credentials", zh: "学历学位证书、职业资格或人才称号证明", required: true },
    { id: "project-plan", zh: "项目计划书(顶尖人才、领军人才引进项目)", required: false },
  ],
  note: [
    "5个、10个、100人、1000人是各类别的引培目标名额,不是金额或个人条件;“五十百千”是引培计划,不是人才引培奖励:资助标准见第四部分(六)第4项所说的高新区鼓励人才创新创业政策,本方案未列,故不列金额。",
    PERIOD,
  ].join(""),
});

export const talentRecruitmentCases = cases([
  {
    name: "top talent with a project: counted in the plan, no award promised",
    programme: "changzhi-talent-recruitment",
    date: IN_FORCE,
    facts: { talentCategory: "top" },
    expect: {
      eligible: true,
      amountFen: null,
      explains: ["人才类别:具有国内外影响力的顶尖人才及其项目", "非资金支持:纳入“五十百千”人才引培计划"],
    },
  },
  {
    name: "provincial leading talent: eligible",
    programme: "changzhi-talent-recruitment",
    date: IN_FORCE,
    facts: { talentCategory: "leading" },
    expect: { eligible: true, amountFen: null },
  },
  {
    name: "master's graduate: eligible",
    programme: "changzhi-talent-recruitment",
    date: IN_FORCE,
    facts: { talentCategory: "graduate" },
    expect: { eligible: true, amountFen: null },
  },
  {
    name: "skilled worker: eligible",
    programme: "changzhi-talent-recruitment",
    date: IN_FORCE,
    facts: { talentCategory: "skilled" },
    expect: { eligible: true, amountFen: null },
  },
  {
    name: "none of the four categories: not eligible",
    programme: "changzhi-talent-recruitment",
    date: IN_FORCE,
    facts: { talentCategory: "other" },
    expect: { eligible: false, conditions: { category: "fail" } },
  },
  {
    name: "category not given: unknown",
    programme: "changzhi-talent-recruitment",
    date: IN_FORCE,
    facts: {},
    expect: { eligible: "unknown", missing: ["talentCategory"] },
  },
]);

export const talentParts = {
  programmes: [youngTechTalent, talentWelfare, talentRecruitment],
  cases: [...youngTechTalentCases, ...talentWelfareCases, ...talentRecruitmentCases],
};
