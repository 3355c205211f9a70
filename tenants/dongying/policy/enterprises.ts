/**
 * Seed 002 part 二(二) and 二(三)2: support for enterprises as innovators —
 * project funding for innovative start-ups (2.2.1), the 高新技术企业 award and
 * cultivation pool (2.2.2) and enterprise R&D platforms (2.3.2). The plan names
 * the support but no amounts, so every award here is set at review.
 */
import { cases, programme } from "../../policy";
import { DAY_BEFORE, DOC, ISSUED, PERIOD } from "./common";

export const startupProjectFunding = programme({
  id: "dongying-startup-project-funding",
  title: { zh: "创新型初创企业科技项目资金优先支持", en: "Priority project funding for innovative start-ups" },
  document: DOC,
  clause: "2.2.1",
  excerpt: "对成长性好、研发绩效突出的创新型初创企业,优先给予科技项目资金支持,引导企业加大新技术、新产品研发投入。",
  category: "project",
  applicants: { zh: "成长性好、研发绩效突出的创新型初创企业", kinds: ["enterprise"] },
  facts: [
    {
      name: "innovativeStartup",
      type: "boolean",
      label: {
        zh: "属于成长性好、研发绩效突出的创新型初创企业",
        en: "Innovative start-up with good growth and outstanding R&D performance",
      },
      help: "成长性和研发绩效由科技部门评审认定,此处按企业情况如实填写。",
    },
  ],
  conditions: [
    {
      id: "innovative-startup",
      label: "成长性好、研发绩效突出的创新型初创企业",
      test: { test: "equals", fact: "innovativeStartup", value: true },
    },
  ],
  amount: [{ kind: "caseByCase", label: "科技项目资金支持" }],
  materials: [
    { id: "licence", zh: "营业执照", required: true },
    { id: "project-application", zh: "科技项目申报书", required: true },
    { id: "financial-statements", zh: "近两年财务报表(反映成长性)", required: true },
    { id: "rd-performance", zh: "研发投入及新技术、新产品研发成果情况说明", required: true },
  ],
  note: [
    "条文说“优先给予”,未定金额,资金随所申报的科技项目经评审确定;本项即这一优先支持。同条的科技型中小微企业信息库、“创新对子”“金融合作对子”靶向服务由部门择优确定,不是企业申请的补助,未单列;",
    "到2020年引导2000家个体工商户转型、新发展“规上”“限上”企业460家、60家以上挂牌是全市目标,不是申报条件。",
    PERIOD,
  ].join(""),
});

export const startupProjectFundingCases = cases([
  {
    name: "innovative start-up: project funding, amount set at review",
    programme: "dongying-startup-project-funding",
    facts: { innovativeStartup: true },
    expect: {
      eligible: true,
      amountFen: null,
      explains: ["第二部分(二)第1项", "科技项目资金支持:政策未规定具体金额,金额经评审确定"],
    },
  },
  {
    name: "not an innovative start-up with outstanding R&D: no priority",
    programme: "dongying-startup-project-funding",
    facts: { innovativeStartup: false },
    expect: { eligible: false, amountFen: 0, conditions: { "innovative-startup": "fail" } },
  },
  {
    name: "not stated: unknown, asks for it",
    programme: "dongying-startup-project-funding",
    facts: {},
    expect: { eligible: "unknown", amountFen: null, missing: ["innovativeStartup"] },
  },
  {
    name: "startup-project-funding, the day before the notice: not yet in force",
    programme: "dongying-startup-project-funding",
    date: DAY_BEFORE,
    facts: { innovativeStartup: true },
    expect: { eligible: false, conditions: { effective: "fail" } },
  },
  {
    name: "startup-project-funding, the day of the notice: in force",
    programme: "dongying-startup-project-funding",
    date: ISSUED,
    facts: { innovativeStartup: true },
    expect: { eligible: true, amountFen: null },
  },
]);

export const hnteAward = programme({
  id: "dongying-hnte-award",
  title: { zh: "高新技术企业认定补助奖励和税收优惠", en: "Award and tax relief for recognised high-tech enterprises" },
  document: DOC,
  clause: "2.2.2",
  excerpt: "对通过高新技术企业认定的,严格落实税收优惠和补助奖励政策。",
  category: "qualification",
  applicants: { zh: "通过高新技术企业认定的企业", kinds: ["enterprise"], qualifications: ["hnte"] },
  amount: [
    { kind: "caseByCase", label: "高新技术企业认定补助奖励" },
    { kind: "inKind", label: "高新技术企业税收优惠" },
  ],
  materials: [
    { id: "hnte-certificate", zh: "高新技术企业证书", required: true },
    { id: "licence", zh: "营业执照", required: true },
  ],
  note: `补助奖励的标准由落实的相关政策规定,本方案未列金额;税收优惠按国家规定享受,不计入补助金额。到2020年全市高新技术企业220家以上是目标,不是申报条件。${PERIOD}`,
});

export const hnteAwardCases = cases([
  {
    name: "anonymous estimate: award set at review, tax relief noted",
    programme: "dongying-hnte-award",
    expect: {
      eligible: true,
      amountFen: null,
      explains: ["高新技术企业认定补助奖励:政策未规定具体金额", "第二部分(二)第2项 高新技术企业税收优惠(非资金支持"],
    },
  },
  {
    name: "profile holds 高新技术企业: eligible",
    programme: "dongying-hnte-award",
    profile: { qualifications: ["hnte"] },
    expect: { eligible: true, amountFen: null, conditions: { "applicant-hnte": "pass" } },
  },
  {
    name: "profile holds only 科技型中小企业: not recognised",
    programme: "dongying-hnte-award",
    profile: { qualifications: ["tech-sme"] },
    expect: { eligible: false, amountFen: 0, conditions: { "applicant-hnte": "fail" } },
  },
  {
    name: "profile with no qualification: not eligible",
    programme: "dongying-hnte-award",
    profile: {},
    expect: { eligible: false, explains: ["没有经核验、在有效期内的高新技术企业资格"] },
  },
]);

export const hnteCultivation = programme({
  id: "dongying-hnte-cultivation",
  title: { zh: "高新技术企业培育库入库与培训辅导", en: "High-tech enterprise cultivation pool and coaching" },
  document: DOC,
  clause: "2.2.2",
  excerpt: "加强高新技术企业管理和培训辅导,鼓励符合申报条件的企业应报尽报。建立完善高新技术企业培育库,实行动态管理",
  category: "qualification",
  applicants: { zh: "拟申报高新技术企业认定的企业(高新技术企业培育库入库企业)", kinds: ["enterprise"] },
  amount: [
    { kind: "inKind", label: "纳入高新技术企业培育库,实行动态管理" },
    { kind: "inKind", label: "高新技术企业申报培训辅导" },
  ],
  materials: [
    { id: "licence", zh: "营业执照", required: true },
    { id: "ip-list", zh: "知识产权清单", required: true },
    { id: "financial-statements", zh: "上年度财务报表及研发费用情况", required: true },
  ],
  note: `培育库入库条件本方案未列,以培育库管理办法为准。到2020年培育库入库企业300家以上是全市目标。${PERIOD}`,
});

export const hnteCultivationCases = cases([
  {
    name: "enterprise joins the pool: support in kind only",
    programme: "dongying-hnte-cultivation",
    expect: {
      eligible: true,
      amountFen: null,
      explains: ["非资金支持:纳入高新技术企业培育库,实行动态管理、高新技术企业申报培训辅导"],
    },
  },
  {
    name: "hnte-cultivation, the day before the notice: not yet in force",
    programme: "dongying-hnte-cultivation",
    date: DAY_BEFORE,
    expect: { eligible: false, conditions: { effective: "fail" } },
  },
]);

export const enterpriseRdPlatform = programme({
  id: "dongying-enterprise-rd-platform",
  title: { zh: "骨干企业创新平台建设支持", en: "Support for enterprise innovation platforms" },
  document: DOC,
  clause: "2.3.2",
  excerpt:
    "实施规上企业研发机构全覆盖计划,重点支持骨干企业建立技术中心、重点实验室、工程实验室、工程技术(研究)中心等创新平台。",
  category: "platform",
  applicants: {
    zh: "建立技术中心、重点实验室、工程实验室、工程技术(研究)中心等创新平台的骨干企业",
    kinds: ["enterprise"],
  },
  facts: [
    {
      name: "buildsPlatform",
      type: "boolean",
      label: {
        zh: "企业建立了技术中心、重点实验室、工程实验室、工程技术(研究)中心等创新平台",
        en: "The enterprise has set up an innovation platform",
      },
      help: "含升级为省级、国家级的研发机构。",
    },
  ],
  conditions: [
    {
      id: "builds-platform",
      label: "建立技术中心、重点实验室、工程实验室、工程技术(研究)中心等创新平台",
      test: { test: "equals", fact: "buildsPlatform", value: true },
    },
  ],
  amount: [{ kind: "caseByCase", label: "创新平台建设支持(方式和金额条文未定)" }],
  materials: [
    { id: "licence", zh: "营业执照", required: true },
    { id: "platform-recognition", zh: "创新平台认定或备案文件", required: true },
    { id: "platform-plan", zh: "平台建设方案及运行情况", required: true },
  ],
  note: `条文说“重点支持”,并“研究制定推进企业技术研发机构建设的政策措施”,支持方式和金额待该政策规定。“骨干企业”未设可检验的标准,由主管部门认定,故只在申报主体中写明。${PERIOD}`,
});

export const enterpriseRdPlatformCases = cases([
  {
    name: "enterprise with a technology centre: support set at review",
    programme: "dongying-enterprise-rd-platform",
    facts: { buildsPlatform: true },
    expect: { eligible: true, amountFen: null, explains: ["第二部分(三)第2项", "金额经评审确定"] },
  },
  {
    name: "no platform: not eligible",
    programme: "dongying-enterprise-rd-platform",
    facts: { buildsPlatform: false },
    expect: { eligible: false, conditions: { "builds-platform": "fail" } },
  },
  {
    name: "enterprise-rd-platform, not stated: unknown",
    programme: "dongying-enterprise-rd-platform",
    facts: {},
    expect: { eligible: "unknown", missing: ["buildsPlatform"] },
  },
]);

export const enterpriseParts = {
  programmes: [startupProjectFunding, hnteAward, hnteCultivation, enterpriseRdPlatform],
  cases: [...startupProjectFundingCases, ...hnteAwardCases, ...hnteCultivationCases, ...enterpriseRdPlatformCases],
};
