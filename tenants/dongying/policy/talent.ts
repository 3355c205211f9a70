/**
 * Seed 002 part 二(五): institutes moved here whole get special terms
 * 一事一议 (2.5.1); talents get residence, one-stop and housing services,
 * and high-level talents full agency for their formalities (2.5.3).
 */
import { cases, programme } from "../../policy";
import { DAY_BEFORE, DOC, PERIOD } from "./common";

export const instituteRelocation = programme({
  id: "dongying-institute-relocation",
  title: {
    zh: "整建制引进高校院所、科研机构特别优惠(一事一议)",
    en: "Special terms for universities and research institutes moved here whole",
  },
  document: DOC,
  clause: "2.5.1",
  excerpt: "加大高校院所引进力度,对于整建制引进的高校院所、科研机构,实行“一事一议”,给予特别优惠。",
  category: "platform",
  applicants: { zh: "整建制引进的高校院所、科研机构", kinds: ["institution"] },
  facts: [
    {
      name: "wholeRelocation",
      type: "boolean",
      label: { zh: "为整建制引进的高校院所或科研机构", en: "University or institute moved here as a whole" },
      help: "整建制:整个院所(校区、研究所)引进落户;引进个人或团队不属于整建制引进。",
    },
  ],
  conditions: [
    {
      id: "whole-relocation",
      label: "整建制引进的高校院所、科研机构",
      test: { test: "equals", fact: "wholeRelocation", value: true },
    },
  ],
  amount: [{ kind: "caseByCase", label: "整建制引进特别优惠" }],
  materials: [
    { id: "legal-person-certificate", zh: "法人登记证书", required: true },
    { id: "introduction-agreement", zh: "整建制引进协议", required: true },
    { id: "relocation-plan", zh: "落户方案(机构、人员、学科与科研方向)", required: true },
  ],
  note: `“特别优惠”的内容和金额条文未定,一事一议确定。引进顶尖人才团队、“双百引才”计划等同条内容未写支持标准,未单列;到2020年各类人才3万人以上、市级以上高层次人才900人以上是全市目标。${PERIOD}`,
});

export const instituteRelocationCases = cases([
  {
    name: "institute moved here whole: special terms 一事一议",
    programme: "dongying-institute-relocation",
    facts: { wholeRelocation: true },
    expect: { eligible: true, amountFen: null, explains: ["第二部分(五)第1项", "整建制引进特别优惠:一事一议"] },
  },
  {
    name: "a team, not the whole institute: not eligible",
    programme: "dongying-institute-relocation",
    facts: { wholeRelocation: false },
    expect: { eligible: false, amountFen: 0, conditions: { "whole-relocation": "fail" } },
  },
  {
    name: "institute-relocation, not stated: unknown",
    programme: "dongying-institute-relocation",
    facts: {},
    expect: { eligible: "unknown", missing: ["wholeRelocation"] },
  },
]);

export const talentService = programme({
  id: "dongying-talent-service",
  title: { zh: "人才落户、一站式服务与安居保障", en: "Residence, one-stop service and housing for talents" },
  document: DOC,
  clause: "2.5.3",
  excerpt:
    "实行人才落户“零门槛”,探索“一对一”人才服务专员制度,建立高层次人才服务事项全过程代办机制,推行“店小二”式主动对接服务模式,设置人才“一站式”服务窗口,为各类人才提供高效专项服务。实施人才安居工程,优化人才安居环境," +
    "完善人才保障制度,着力改善和提高人才落户、子女就学、配偶就业、医疗社保等人才保障服务水平。",
  category: "talent",
  applicants: { zh: "各类人才(服务事项全过程代办限高层次人才)", kinds: ["talent"] },
  amount: [
    { kind: "inKind", label: "人才落户“零门槛”" },
    { kind: "inKind", label: "人才“一站式”服务窗口专项服务" },
    { kind: "inKind", label: "人才安居及子女就学、配偶就业、医疗社保等保障服务" },
    { kind: "inKind", label: "高层次人才服务事项全过程代办(限高层次人才)" },
  ],
  materials: [
    { id: "identity", zh: "身份证明", required: true },
    { id: "employment", zh: "劳动合同或用人单位证明", required: true },
    { id: "talent-recognition", zh: "高层次人才认定证明(申请全过程代办时)", required: false },
  ],
  note: [
    "均为服务,不涉及条文所定金额。全过程代办只对高层次人才:用一个事实把它分支(when)会让没填人才层次的人连其他服务也得到“无法确定”,故写在服务名称里。“一对一”人才服务专员制度条文说“探索”,未作为确定的服务列入。",
    PERIOD,
  ].join(""),
});

export const talentServiceCases = cases([
  {
    name: "any talent: residence, one-stop window, housing, and agency for high-level talents",
    programme: "dongying-talent-service",
    expect: {
      eligible: true,
      amountFen: null,
      explains: [
        "非资金支持:人才落户“零门槛”、人才“一站式”服务窗口专项服务、人才安居及子女就学、配偶就业、医疗社保等保障服务、高层次人才服务事项全过程代办(限高层次人才)",
        "第二部分(五)第3项",
      ],
    },
  },
  {
    name: "talent-service, the day before the notice: not yet in force",
    programme: "dongying-talent-service",
    date: DAY_BEFORE,
    expect: { eligible: false, conditions: { effective: "fail" } },
  },
]);

export const talentParts = {
  programmes: [instituteRelocation, talentService],
  cases: [...instituteRelocationCases, ...talentServiceCases],
};
