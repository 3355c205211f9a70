/**
 * Seed 002 part 三(二): major innovation projects commissioned 一事一议 after
 * expert appraisal, and common key technology projects taken into the city's
 * science and technology plan. Neither prints an amount.
 */
import { cases, programme } from "../../policy";
import { DAY_BEFORE, DOC, PERIOD } from "./common";

export const majorProjectCommission = programme({
  id: "dongying-major-project-commission",
  title: { zh: "重大创新项目定向委托(一事一议)", en: "Commissioned major innovation projects" },
  document: DOC,
  clause: "3.2",
  excerpt:
    "探索建立重大创新项目定向委托机制,围绕全市重大产业创新项目需求,按照“一事一议”原则,在专家论证的基础上,委托有实力的创新主体牵头组织实施。",
  category: "project",
  applicants: { zh: "受委托牵头组织实施全市重大产业创新项目的有实力的创新主体", kinds: ["enterprise", "institution"] },
  facts: [
    {
      name: "expertAppraised",
      type: "boolean",
      label: { zh: "项目已经专家论证", en: "Project appraised by experts" },
      help: "以科技部门组织的专家论证意见为准。",
    },
  ],
  conditions: [
    {
      id: "expert-appraised",
      label: "在专家论证的基础上委托",
      test: { test: "equals", fact: "expertAppraised", value: true },
    },
  ],
  amount: [{ kind: "caseByCase", label: "重大创新项目定向委托支持" }],
  materials: [
    { id: "expert-opinion", zh: "专家论证意见", required: true },
    { id: "implementation-plan", zh: "项目实施方案(目标、任务、经费预算、参与单位)", required: true },
    { id: "capability", zh: "牵头单位研发能力和条件说明", required: true },
  ],
  note: `条文说“探索建立”,委托对象由部门按“一事一议”选定,“有实力”没有可检验的标准,不设为条件。${PERIOD}`,
});

export const majorProjectCommissionCases = cases([
  {
    name: "appraised project: commissioned 一事一议",
    programme: "dongying-major-project-commission",
    facts: { expertAppraised: true },
    expect: { eligible: true, amountFen: null, explains: ["第三部分(二)", "重大创新项目定向委托支持:一事一议"] },
  },
  {
    name: "no expert appraisal yet: not eligible",
    programme: "dongying-major-project-commission",
    facts: { expertAppraised: false },
    expect: { eligible: false, conditions: { "expert-appraised": "fail" } },
  },
  {
    name: "major-project-commission, not stated: unknown",
    programme: "dongying-major-project-commission",
    facts: {},
    expect: { eligible: "unknown", missing: ["expertAppraised"] },
  },
]);

export const policyGuidedProject = programme({
  id: "dongying-policy-guided-project",
  title: {
    zh: "政策引导类科技项目(共性关键技术攻关纳入市级科技计划)",
    en: "Policy-guided projects: common key technologies in the city plan",
  },
  document: DOC,
  clause: "3.2",
  excerpt: "实施政策引导类科技项目,将经济社会发展亟需的共性关键技术攻关项目择优纳入市级科技计划。",
  category: "project",
  applicants: {
    zh: "承担经济社会发展亟需的共性关键技术攻关项目的企业、高校院所",
    kinds: ["enterprise", "institution"],
  },
  facts: [
    {
      name: "commonKeyTechnology",
      type: "boolean",
      label: {
        zh: "项目为经济社会发展亟需的共性关键技术攻关项目",
        en: "Project tackles a common key technology the economy urgently needs",
      },
    },
  ],
  conditions: [
    {
      id: "common-key-technology",
      label: "经济社会发展亟需的共性关键技术攻关项目",
      test: { test: "equals", fact: "commonKeyTechnology", value: true },
    },
  ],
  amount: [{ kind: "caseByCase", label: "市级科技计划项目支持" }],
  materials: [
    { id: "project-application", zh: "市级科技计划项目申报书", required: true },
    { id: "need-statement", zh: "共性关键技术需求及攻关目标说明", required: true },
    { id: "licence", zh: "营业执照或法人证书", required: true },
  ],
  note: `“择优纳入”:符合条件的项目经评审择优立项。同条说“更多运用财政后补助、间接投入等方式组织实施科技计划”,支持可能采用后补助,条文未定金额。${PERIOD}`,
});

export const policyGuidedProjectCases = cases([
  {
    name: "common key technology project: selected on merit, amount at review",
    programme: "dongying-policy-guided-project",
    facts: { commonKeyTechnology: true },
    expect: { eligible: true, amountFen: null, explains: ["市级科技计划项目支持:政策未规定具体金额"] },
  },
  {
    name: "not a common key technology: not eligible",
    programme: "dongying-policy-guided-project",
    facts: { commonKeyTechnology: false },
    expect: { eligible: false, conditions: { "common-key-technology": "fail" } },
  },
  {
    name: "policy-guided-project, the day before the notice: not yet in force",
    programme: "dongying-policy-guided-project",
    date: DAY_BEFORE,
    facts: { commonKeyTechnology: true },
    expect: { eligible: false, conditions: { effective: "fail" } },
  },
]);

export const projectParts = {
  programmes: [majorProjectCommission, policyGuidedProject],
  cases: [...majorProjectCommissionCases, ...policyGuidedProjectCases],
};
