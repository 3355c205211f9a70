/**
 * Seed 004 platforms: post-subsidies for opening large instruments to the
 * public (4.1.1) and for enterprise innovation platforms under the
 * province's post-subsidy policy (4.5.3), directed support for key
 * technology work by leading firms (4.5.3), and funding for new-type R&D
 * institutions from the zone's 双创 funds (5.2, institutions as 4.1.3
 * describes them). No amounts are printed.
 */
import { cases, programme } from "../../policy";
import { DAY_BEFORE, DOC, IN_FORCE, ISSUED, PERIOD } from "./common";

export const instrumentSharing = programme({
  id: "changzhi-instrument-sharing",
  title: { zh: "大型科研仪器设备开放共享后补助", en: "Post-subsidy for opening large research instruments" },
  document: DOC,
  clause: "4.1.1",
  excerpt:
    "实施特色载体大型科研仪器设备资源开放共享计划,完善绩效评价和后补助制度,引导大型科研仪器设备面向社会开放服务。",
  category: "platform",
  applicants: {
    zh: "拥有大型科研仪器设备并面向社会开放服务的特色载体、企业和高校院所",
    kinds: ["carrier", "enterprise", "institution"],
  },
  facts: [
    {
      name: "openToPublic",
      type: "boolean",
      label: { zh: "大型科研仪器设备面向社会开放服务", en: "Large instruments open to outside users" },
      help: "已纳入开放共享平台,对外提供服务并有服务记录。",
    },
  ],
  conditions: [
    {
      id: "open-to-public",
      label: "大型科研仪器设备面向社会开放服务",
      test: { test: "equals", fact: "openToPublic", value: true },
    },
  ],
  amount: [{ kind: "caseByCase", label: "开放共享后补助(按绩效评价)" }],
  materials: [
    { id: "instrument-list", zh: "大型科研仪器设备清单(原值、购置时间)", required: true },
    { id: "service-records", zh: "对外开放服务记录及服务合同", required: true },
    { id: "performance-report", zh: "开放共享绩效自评报告", required: true },
  ],
  note: `后补助标准待“完善绩效评价和后补助制度”规定,条文未定金额。同条重点实验室、工程研究中心、技术创新中心等2021年累计3家以上、2022年4家以上、2023年5家以上是全区目标。${PERIOD}`,
});

export const instrumentSharingCases = cases([
  {
    name: "instruments open to the public: post-subsidy after performance review",
    programme: "changzhi-instrument-sharing",
    date: IN_FORCE,
    facts: { openToPublic: true },
    expect: {
      eligible: true,
      amountFen: null,
      explains: ["第四部分(一)第1项", "开放共享后补助(按绩效评价):政策未规定具体金额,金额经评审确定"],
    },
  },
  {
    name: "instruments for in-house use only: not eligible",
    programme: "changzhi-instrument-sharing",
    date: IN_FORCE,
    facts: { openToPublic: false },
    expect: { eligible: false, amountFen: 0, conditions: { "open-to-public": "fail" } },
  },
  {
    name: "instrument-sharing, not stated: unknown",
    programme: "changzhi-instrument-sharing",
    date: IN_FORCE,
    facts: {},
    expect: { eligible: "unknown", missing: ["openToPublic"] },
  },
  {
    name: "instrument-sharing, the day before the page's 发文时间: not yet in force",
    programme: "changzhi-instrument-sharing",
    date: DAY_BEFORE,
    facts: { openToPublic: true },
    expect: { eligible: false, conditions: { effective: "fail" } },
  },
  {
    name: "on the 发文时间: in force",
    programme: "changzhi-instrument-sharing",
    date: ISSUED,
    facts: { openToPublic: true },
    expect: { eligible: true, amountFen: null },
  },
]);

export const platformPostSubsidy = programme({
  id: "changzhi-platform-post-subsidy",
  title: { zh: "企业创新平台后补助", en: "Post-subsidy for enterprise innovation platforms" },
  document: DOC,
  clause: "4.5.3",
  excerpt:
    "落实省委、省政府支持创新平台后补助政策,鼓励引导企业建设国家级、省级、市级企业技术中心、工程技术中心、产业技术创新联盟等高水平创新平台。",
  category: "platform",
  applicants: {
    zh: "建设国家级、省级、市级企业技术中心、工程技术中心、产业技术创新联盟等创新平台的企业",
    kinds: ["enterprise"],
  },
  facts: [
    {
      name: "platformLevel",
      type: "choice",
      label: { zh: "创新平台级别", en: "Platform level" },
      help: "按认定文件的级别选择;尚未获认定的选“尚未认定”。",
      options: [
        { value: "national", zh: "国家级", en: "National" },
        { value: "provincial", zh: "省级", en: "Provincial" },
        { value: "municipal", zh: "市级", en: "Municipal" },
        { value: "none", zh: "尚未认定", en: "Not yet recognised" },
      ],
    },
  ],
  conditions: [
    {
      id: "level",
      label: "国家级、省级、市级创新平台",
      test: { test: "oneOf", fact: "platformLevel", values: ["national", "provincial", "municipal"] },
    },
  ],
  amount: [{ kind: "caseByCase", label: "创新平台后补助(按省委、省政府支持创新平台后补助政策)" }],
  materials: [
    { id: "recognition", zh: "创新平台认定文件", required: true },
    { id: "licence", zh: "营业执照", required: true },
    { id: "operation-report", zh: "平台建设和运行情况报告", required: true },
  ],
  note: `后补助标准由省委、省政府的后补助政策规定,本方案未列金额,故各级均不计算。第五部分(二)的财政双创资金也“重点支持…重大创新平台建设”。${PERIOD}`,
});

export const platformPostSubsidyCases = cases([
  {
    name: "national platform: post-subsidy under the province's policy",
    programme: "changzhi-platform-post-subsidy",
    date: IN_FORCE,
    facts: { platformLevel: "national" },
    expect: { eligible: true, amountFen: null, explains: ["创新平台级别:国家级", "第四部分(五)第3项"] },
  },
  {
    name: "provincial platform: eligible",
    programme: "changzhi-platform-post-subsidy",
    date: IN_FORCE,
    facts: { platformLevel: "provincial" },
    expect: { eligible: true, amountFen: null },
  },
  {
    name: "municipal platform: eligible",
    programme: "changzhi-platform-post-subsidy",
    date: IN_FORCE,
    facts: { platformLevel: "municipal" },
    expect: { eligible: true, amountFen: null },
  },
  {
    name: "platform not yet recognised: not eligible",
    programme: "changzhi-platform-post-subsidy",
    date: IN_FORCE,
    facts: { platformLevel: "none" },
    expect: { eligible: false, conditions: { level: "fail" } },
  },
  {
    name: "level not given: unknown",
    programme: "changzhi-platform-post-subsidy",
    date: IN_FORCE,
    facts: {},
    expect: { eligible: "unknown", missing: ["platformLevel"] },
  },
]);

export const directedKeyTech = programme({
  id: "changzhi-directed-key-tech",
  title: {
    zh: "产业龙头企业共性关键技术和“卡脖子”技术攻关定向支持",
    en: "Directed support for key technology work by leading firms",
  },
  document: DOC,
  clause: "4.5.3",
  excerpt:
    "采取定向支持方式,引导产业龙头企业,以产品开发为导向,开展共性关键技术和“卡脖子”技术攻关,加快重大科技成果工程化和系统集成,提升企业技术创新能力。",
  category: "project",
  applicants: { zh: "开展共性关键技术和“卡脖子”技术攻关的产业龙头企业", kinds: ["enterprise"] },
  facts: [
    { name: "industryLeader", type: "boolean", label: { zh: "属于产业龙头企业", en: "Leading firm of its industry" } },
    {
      name: "keyTechnologyProject",
      type: "boolean",
      label: {
        zh: "项目为以产品开发为导向的共性关键技术或“卡脖子”技术攻关",
        en: "Product-oriented project on a common key or choke-point technology",
      },
    },
  ],
  conditions: [
    { id: "industry-leader", label: "产业龙头企业", test: { test: "equals", fact: "industryLeader", value: true } },
    {
      id: "key-technology",
      label: "以产品开发为导向的共性关键技术和“卡脖子”技术攻关",
      test: { test: "equals", fact: "keyTechnologyProject", value: true },
    },
  ],
  amount: [{ kind: "caseByCase", label: "技术攻关定向支持" }],
  materials: [
    { id: "project-plan", zh: "技术攻关项目实施方案(目标产品、关键技术、经费预算)", required: true },
    { id: "leader-evidence", zh: "企业行业地位说明(产值、市场占有率等)", required: true },
  ],
  note: `“定向支持”由部门确定支持对象和额度,条文未定金额。${PERIOD}`,
});

export const directedKeyTechCases = cases([
  {
    name: "leading firm on a choke-point technology: directed support",
    programme: "changzhi-directed-key-tech",
    date: IN_FORCE,
    facts: { industryLeader: true, keyTechnologyProject: true },
    expect: { eligible: true, amountFen: null, explains: ["技术攻关定向支持:政策未规定具体金额"] },
  },
  {
    name: "not a leading firm: not eligible",
    programme: "changzhi-directed-key-tech",
    date: IN_FORCE,
    facts: { industryLeader: false, keyTechnologyProject: true },
    expect: { eligible: false, conditions: { "industry-leader": "fail", "key-technology": "pass" } },
  },
  {
    name: "ordinary product upgrade, not key technology: not eligible",
    programme: "changzhi-directed-key-tech",
    date: IN_FORCE,
    facts: { industryLeader: true, keyTechnologyProject: false },
    expect: { eligible: false, conditions: { "key-technology": "fail" } },
  },
  {
    name: "project type not stated: unknown",
    programme: "changzhi-directed-key-tech",
    date: IN_FORCE,
    facts: { industryLeader: true },
    expect: { eligible: "unknown", missing: ["keyTechnologyProject"] },
  },
]);

export const newRdInstitution = programme({
  id: "changzhi-new-rd-institution",
  title: { zh: "新型研发机构培育资金支持", en: "Funding to cultivate new-type R&D institutions" },
  document: DOC,
  clause: "5.2",
  excerpt:
    "统筹安排财政双创资金,重点支持重大科技专项、重点研发计划、新型研发机构培育、重大创新平台建设、高新技术企业和科技型中小企业培育等。",
  category: "platform",
  applicants: {
    zh: "企业、高等学校和科研院所共建或自建的新型研发机构,以及改造提升的转制科研院所、技术开发类科研机构、科技类社会服务机构",
    kinds: ["institution", "enterprise"],
  },
  facts: [
    {
      name: "newRdInstitution",
      type: "boolean",
      label: {
        zh: "属于以市场化为导向、企业化运作的新型研发机构",
        en: "Market-oriented, business-run new-type R&D institution",
      },
      help: "以市场化为导向、以产业需求为目标,企业化运作、公益性与经营性相结合(第四部分(一)第3项)。",
    },
  ],
  conditions: [
    {
      id: "new-rd-institution",
      label: "以市场化为导向、以产业需求为目标,企业化运作、公益性与经营性相结合的新型研发机构",
      clause: "4.1.3",
      test: { test: "equals", fact: "newRdInstitution", value: true },
    },
  ],
  amount: [{ kind: "caseByCase", label: "新型研发机构培育资金支持" }],
  materials: [
    { id: "registration", zh: "新型研发机构登记证书或营业执照", required: true },
    { id: "construction-plan", zh: "机构建设方案(共建各方、运作模式、服务产业)", required: true },
    { id: "operation-report", zh: "研发及运营情况报告", required: true },
  ],
  note: `第四部分(一)第3项只说“新建”“共建或自建”“改造提升”一批新型研发机构,资金出自第五部分(二)的财政双创资金,金额未定。到2023年累计建设10家以上是全区目标。${PERIOD}`,
});

export const newRdInstitutionCases = cases([
  {
    name: "new-type R&D institution: funding set at review",
    programme: "changzhi-new-rd-institution",
    date: IN_FORCE,
    facts: { newRdInstitution: true },
    expect: {
      eligible: true,
      amountFen: null,
      explains: ["第五部分(二)", "新型研发机构培育资金支持:政策未规定具体金额"],
    },
  },
  {
    name: "not a new-type R&D institution: not eligible, cites 4.1.3",
    programme: "changzhi-new-rd-institution",
    date: IN_FORCE,
    facts: { newRdInstitution: false },
    expect: { eligible: false, conditions: { "new-rd-institution": "fail" }, explains: ["第四部分(一)第3项要求是"] },
  },
  {
    name: "new-rd-institution, not stated: unknown",
    programme: "changzhi-new-rd-institution",
    date: IN_FORCE,
    facts: {},
    expect: { eligible: "unknown", missing: ["newRdInstitution"] },
  },
]);

export const platformParts = {
  programmes: [instrumentSharing, platformPostSubsidy, directedKeyTech, newRdInstitution],
  cases: [...instrumentSharingCases, ...platformPostSubsidyCases, ...directedKeyTechCases, ...newRdInstitutionCases],
};
