/**
 * Seed 002 part 二(三)3–4: newly introduced new-type R&D institutions are
 * supported 一事一议 (2.3.3); themed towns give entrepreneurs free space (2.3.4).
 */
import { cases, programme } from "../../policy";
import { DAY_BEFORE, DOC, PERIOD } from "./common";

export const newRdInstitution = programme({
  id: "dongying-new-rd-institution",
  title: {
    zh: "新引进新型研发机构支持(一事一议)",
    en: "Case-by-case support for newly introduced new-type R&D institutions",
  },
  document: DOC,
  clause: "2.3.3",
  excerpt: "对新引进具有独立法人资格的新型研发机构,采取“一事一议”方式给予支持。",
  category: "platform",
  applicants: { zh: "新引进的、具有独立法人资格的新型研发机构", kinds: ["institution"] },
  facts: [
    {
      name: "newlyIntroduced",
      type: "boolean",
      label: { zh: "为新引进的新型研发机构", en: "Newly introduced new-type R&D institution" },
      help: "本方案施行后新引进落地;此前已在本地的机构不属于“新引进”。",
    },
    {
      name: "independentLegalPerson",
      type: "boolean",
      label: { zh: "具有独立法人资格", en: "Independent legal person" },
      help: "以法人登记证书或营业执照为准。",
    },
  ],
  conditions: [
    {
      id: "newly-introduced",
      label: "新引进的新型研发机构",
      test: { test: "equals", fact: "newlyIntroduced", value: true },
    },
    {
      id: "legal-person",
      label: "具有独立法人资格",
      test: { test: "equals", fact: "independentLegalPerson", value: true },
    },
  ],
  amount: [{ kind: "caseByCase", label: "新引进新型研发机构支持" }],
  materials: [
    { id: "legal-person-certificate", zh: "法人登记证书或营业执照", required: true },
    { id: "introduction-agreement", zh: "引进(合作共建)协议", required: true },
    { id: "construction-plan", zh: "机构建设方案(共建各方、投入、研发团队、服务产业)", required: true },
  ],
  note: `条文所列产业领域(石油化工、橡胶轮胎、石油装备、海洋工程、新材料新能源、生物医药、航空航天、现代农业等)和“多方共建、多元投入、混合所有、团队为主”是建设导向,未写成支持条件,故不设为条件。${PERIOD}`,
});

export const newRdInstitutionCases = cases([
  {
    name: "new institution with its own legal personality: 一事一议",
    programme: "dongying-new-rd-institution",
    facts: { newlyIntroduced: true, independentLegalPerson: true },
    expect: {
      eligible: true,
      amountFen: null,
      explains: ["第二部分(三)第3项", "新引进新型研发机构支持:一事一议,金额经评审确定"],
    },
  },
  {
    name: "institution already here before: not 新引进",
    programme: "dongying-new-rd-institution",
    facts: { newlyIntroduced: false, independentLegalPerson: true },
    expect: { eligible: false, amountFen: 0, conditions: { "newly-introduced": "fail", "legal-person": "pass" } },
  },
  {
    name: "no independent legal personality: not eligible",
    programme: "dongying-new-rd-institution",
    facts: { newlyIntroduced: true, independentLegalPerson: false },
    expect: { eligible: false, conditions: { "legal-person": "fail" } },
  },
  {
    name: "legal status not stated: unknown",
    programme: "dongying-new-rd-institution",
    facts: { newlyIntroduced: true },
    expect: { eligible: "unknown", missing: ["independentLegalPerson"] },
  },
]);

export const innovationTownSpace = programme({
  id: "dongying-innovation-town-space",
  title: { zh: "特色小镇免费创业场所", en: "Free premises in themed innovation towns" },
  document: DOC,
  clause: "2.3.4",
  excerpt: "支持打造一批不同主题的特色小镇,向创新创业者提供免费场所。",
  category: "incubation",
  applicants: { zh: "入驻特色小镇的创新创业者(创业团队和初创企业)", kinds: ["enterprise", "talent"] },
  amount: [{ kind: "inKind", label: "特色小镇免费场所" }],
  materials: [
    { id: "business-plan", zh: "创业项目计划书", required: true },
    { id: "identity", zh: "营业执照或创业者身份证明", required: true },
  ],
  note: [
    "条文未规定免费期限和面积。同条对孵化器、众创空间、盘活闲置设施建立双创载体、工匠工作室只作鼓励、支持的表述,未承诺申请人可得的具体支持,未单列;到2020年省级以上孵化器15家、众创空间30家是全市目标。",
    PERIOD,
  ].join(""),
});

export const innovationTownSpaceCases = cases([
  {
    name: "entrepreneur in a themed town: free premises, no money",
    programme: "dongying-innovation-town-space",
    expect: { eligible: true, amountFen: null, explains: ["非资金支持:特色小镇免费场所"] },
  },
  {
    name: "innovation-town-space, the day before the notice: not yet in force",
    programme: "dongying-innovation-town-space",
    date: DAY_BEFORE,
    expect: { eligible: false, conditions: { effective: "fail" } },
  },
]);

export const platformParts = {
  programmes: [newRdInstitution, innovationTownSpace],
  cases: [...newRdInstitutionCases, ...innovationTownSpaceCases],
};
