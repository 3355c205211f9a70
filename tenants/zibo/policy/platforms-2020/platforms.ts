/**
 * Seed 001 part 四(二): engineering research platforms. 4.2.2 rewards newly
 * approved national and provincial innovation platforms; 4.2.3 funds an
 * industry alliance that becomes a municipal 创新创业共同体 (最高1000万元, so
 * the amount is set at review); 4.2.4 supports new R&D institutions 一事一议.
 */
import { cases, programme, wan } from "../../../policy";

const DOC = "zibo-innovation-platforms-2020";

export const platformAward = programme({
  id: "zibo-platform-award",
  title: {
    zh: "新获批国家级、省级创新平台奖励",
    en: "Award for newly approved national or provincial innovation platforms",
  },
  document: DOC,
  clause: "4.2.2",
  excerpt: "对新获批的国家级、省级创新平台,市财政分别给予200万元、50万元奖励。",
  category: "platform",
  applicants: {
    zh: "新获批国家级、省级创新平台的依托单位(企业与高校院所联合共建的技术创新中心、产业创新中心、制造业创新中心、工程(技术)研究中心等)",
    kinds: ["enterprise", "institution"],
  },
  facts: [
    {
      name: "platformLevel",
      type: "choice",
      label: { zh: "创新平台级别", en: "Platform level" },
      help: "按批复文件的级别选择;市级平台不在本条奖励范围内。",
      options: [
        { value: "national", zh: "国家级", en: "National" },
        { value: "provincial", zh: "省级", en: "Provincial" },
        { value: "municipal", zh: "市级", en: "Municipal" },
      ],
    },
    {
      name: "newlyApproved",
      type: "boolean",
      label: { zh: "为新获批的创新平台", en: "Newly approved platform" },
      help: "本政策施行后新获批复;此前已获批的平台不属于“新获批”。",
    },
    {
      name: "platformName",
      type: "text",
      optional: true,
      label: { zh: "创新平台名称", en: "Name of the platform" },
      help: "依托单位此前已因另一平台获本项奖励时填写,用于区分两个平台。",
    },
  ],
  conditions: [
    { id: "newly-approved", label: "新获批的创新平台", test: { test: "equals", fact: "newlyApproved", value: true } },
    {
      id: "level",
      label: "国家级或省级创新平台",
      test: { test: "oneOf", fact: "platformLevel", values: ["national", "provincial"] },
    },
  ],
  amount: [
    {
      kind: "byChoice",
      label: "新获批国家级、省级创新平台奖励",
      fact: "platformLevel",
      amounts: { national: wan(200), provincial: wan(50) },
    },
  ],
  limits: [
    {
      kind: "once",
      label: "每个平台每次新获批奖励一次",
      per: ["platformName"],
      upgrade: { fact: "platformLevel", order: ["municipal", "provincial", "national"] },
    },
  ],
  materials: [
    { id: "approval", zh: "国家级或省级创新平台批复(认定)文件", required: true },
    { id: "licence", zh: "依托单位营业执照或法人证书", required: true },
    { id: "platform-plan", zh: "平台建设方案及运行情况说明", required: false },
  ],
  note: "按每次新获批奖励一次:同一平台同一级别已获奖励的不再给予;由省级升为国家级的属新获批,按国家级全额计奖(条文未规定补足差额或扣减);另一平台(此前记录载明平台名称)另计。此前记录未载明级别和名称的按同一平台计。",
});

export const platformAwardCases = cases([
  {
    name: "newly approved national platform: 200万",
    programme: "zibo-platform-award",
    facts: { platformLevel: "national", newlyApproved: true },
    expect: { eligible: true, amountFen: wan(200), explains: ["第四部分(二)第2项", "国家级"] },
  },
  {
    name: "newly approved provincial platform: 50万",
    programme: "zibo-platform-award",
    facts: { platformLevel: "provincial", newlyApproved: true },
    expect: { eligible: true, amountFen: wan(50) },
  },
  {
    name: "municipal platform: not in the clause",
    programme: "zibo-platform-award",
    facts: { platformLevel: "municipal", newlyApproved: true },
    expect: { eligible: false, amountFen: 0, conditions: { level: "fail" } },
  },
  {
    name: "national platform approved before: not 新获批",
    programme: "zibo-platform-award",
    facts: { platformLevel: "national", newlyApproved: false },
    expect: { eligible: false, amountFen: 0, conditions: { "newly-approved": "fail" } },
  },
  {
    name: "provincial platform rewarded in 2023, national now: an upgrade, 200万",
    programme: "zibo-platform-award",
    facts: { platformLevel: "national", newlyApproved: true },
    history: [
      { programme: "zibo-platform-award", year: 2023, amountFen: wan(50), facts: { platformLevel: "provincial" } },
    ],
    expect: { eligible: true, amountFen: wan(200) },
  },
  {
    name: "provincial platform rewarded in 2023, provincial again: a repeat",
    programme: "zibo-platform-award",
    facts: { platformLevel: "provincial", newlyApproved: true },
    history: [
      { programme: "zibo-platform-award", year: 2023, amountFen: wan(50), facts: { platformLevel: "provincial" } },
    ],
    expect: { eligible: false, conditions: { "limit-1-once": "fail" } },
  },
  {
    name: "another named platform at the same level: another approval",
    programme: "zibo-platform-award",
    facts: { platformLevel: "provincial", newlyApproved: true, platformName: "淄博市新材料技术创新中心" },
    history: [
      {
        programme: "zibo-platform-award",
        year: 2023,
        amountFen: wan(50),
        facts: { platformLevel: "provincial", platformName: "山东省陶瓷工程技术研究中心" },
      },
    ],
    expect: { eligible: true, amountFen: wan(50) },
  },
  {
    name: "level not given: unknown, no amount",
    programme: "zibo-platform-award",
    facts: { newlyApproved: true },
    expect: { eligible: "unknown", amountFen: null, missing: ["platformLevel"] },
  },
  {
    name: "the day before the opinions were issued: not yet in force",
    programme: "zibo-platform-award",
    date: "2020-04-09",
    facts: { platformLevel: "national", newlyApproved: true },
    expect: { eligible: false, conditions: { effective: "fail" } },
  },
  {
    name: "the day they were issued: in force",
    programme: "zibo-platform-award",
    date: "2020-04-10",
    facts: { platformLevel: "provincial", newlyApproved: true },
    expect: { eligible: true, amountFen: wan(50) },
  },
]);

export const innovationCommunity = programme({
  id: "zibo-innovation-community",
  title: { zh: "市级创新创业共同体补助", en: "Subsidy for alliances upgraded to municipal innovation communities" },
  document: DOC,
  clause: "4.2.3",
  excerpt: "对于升级为市级创新创业共同体给予最高1000万元补助。",
  category: "platform",
  applicants: {
    zh: "升级为市级创新创业共同体的产业技术创新战略联盟(由其牵头单位申报)",
    kinds: ["enterprise", "institution"],
  },
  facts: [
    {
      name: "upgradedToCommunity",
      type: "boolean",
      label: { zh: "联盟已升级为市级创新创业共同体", en: "Alliance upgraded to a municipal innovation community" },
      help: "以市级创新创业共同体认定文件为准。",
    },
  ],
  conditions: [
    {
      id: "upgraded",
      label: "产业技术创新战略联盟升级为市级创新创业共同体",
      test: { test: "equals", fact: "upgradedToCommunity", value: true },
    },
  ],
  amount: [{ kind: "fixed", label: "市级创新创业共同体补助", fen: wan(1000), upTo: true }],
  limits: [{ kind: "once", label: "升级为市级创新创业共同体的补助只享受一次" }],
  materials: [
    { id: "recognition", zh: "市级创新创业共同体认定文件", required: true },
    { id: "alliance-charter", zh: "联盟章程及成员单位名单", required: true },
    { id: "construction-plan", zh: "共同体建设方案及资金使用计划", required: true },
  ],
  note: "“最高1000万元”是上限,具体金额经评审确定。“升级为”是一次性的事件,故按只支持一次处理。联盟组织的活动、项目及平台建设的支持条文未给金额,不在本项计算。",
});

export const innovationCommunityCases = cases([
  {
    name: "upgraded alliance: up to 1000万, set at review",
    programme: "zibo-innovation-community",
    facts: { upgradedToCommunity: true },
    expect: {
      eligible: true,
      amountFen: null,
      range: { minFen: 0, maxFen: wan(1000) },
      explains: ["为最高额,具体金额评审确定"],
    },
  },
  {
    name: "not upgraded: not eligible",
    programme: "zibo-innovation-community",
    facts: { upgradedToCommunity: false },
    expect: { eligible: false, amountFen: 0, conditions: { upgraded: "fail" } },
  },
  {
    name: "already subsidised in 2023: only once",
    programme: "zibo-innovation-community",
    facts: { upgradedToCommunity: true },
    history: [{ programme: "zibo-innovation-community", year: 2023, amountFen: wan(600) }],
    expect: { eligible: false, conditions: { "limit-1-once": "fail" } },
  },
  {
    name: "upgrade not stated: unknown, range still shown",
    programme: "zibo-innovation-community",
    facts: {},
    expect: { eligible: "unknown", missing: ["upgradedToCommunity"], range: { minFen: 0, maxFen: wan(1000) } },
  },
]);

export const newRdInstitution = programme({
  id: "zibo-city-new-rd-institution",
  title: { zh: "新型研发机构重点扶持(一事一议)", en: "Case-by-case support for new R&D institutions" },
  document: DOC,
  clause: "4.2.4",
  excerpt: "对我市产业发展急需、补齐短板的新型研发机构,可按“一事一议”方式给予重点扶持。",
  category: "platform",
  applicants: { zh: "我市产业发展急需、补齐短板的新型研发机构", kinds: ["institution"] },
  facts: [
    {
      name: "fillsIndustryGap",
      type: "boolean",
      label: {
        zh: "属于我市产业发展急需、补齐短板的新型研发机构",
        en: "New R&D institution the city's industry urgently needs",
      },
      help: "以市科技局的认定意见为准。",
    },
  ],
  conditions: [
    {
      id: "fills-gap",
      label: "我市产业发展急需、补齐短板的新型研发机构",
      test: { test: "equals", fact: "fillsIndustryGap", value: true },
    },
  ],
  amount: [{ kind: "caseByCase", label: "新型研发机构重点扶持" }],
  materials: [
    { id: "registration", zh: "新型研发机构登记或备案证明", required: true },
    { id: "proposal", zh: "机构建设方案(功能定位、投资主体、运作模式、服务产业情况)", required: true },
    { id: "need-statement", zh: "对我市产业发展急需、补齐短板情况的说明", required: true },
  ],
  note: "同条“对符合条件的新型研发机构给予补助”未规定金额和条件,不在此计算。",
});

export const newRdInstitutionCases = cases([
  {
    name: "institution the city needs: 一事一议, no figure",
    programme: "zibo-city-new-rd-institution",
    facts: { fillsIndustryGap: true },
    expect: { eligible: true, amountFen: null, explains: ["一事一议"] },
  },
  {
    name: "not a gap-filling institution: not eligible",
    programme: "zibo-city-new-rd-institution",
    facts: { fillsIndustryGap: false },
    expect: { eligible: false, amountFen: 0, conditions: { "fills-gap": "fail" } },
  },
  {
    name: "not stated: unknown",
    programme: "zibo-city-new-rd-institution",
    facts: {},
    expect: { eligible: "unknown", missing: ["fillsIndustryGap"] },
  },
]);

export const platformParts = {
  programmes: [platformAward, innovationCommunity, newRdInstitution],
  cases: [...platformAwardCases, ...innovationCommunityCases, ...newRdInstitutionCases],
};
