/**
 * Seed 004 enterprise support: the zone's 双创 funds for major projects,
 * high-tech enterprise and technology-based SME cultivation and inclusive
 * R&D post-subsidies (5.2), with the cultivation services of 4.3.1, the SME
 * evaluation and 75% super-deduction of 4.3.2, and the industry–education
 * pilot enterprises of 4.3.3. No amounts are printed.
 */
import { cases, programme } from "../../policy";
import { DAY_AFTER, DAY_BEFORE, DOC, IN_FORCE, LAST_DAY, PERIOD } from "./common";

const FUNDS =
  "统筹安排财政双创资金,重点支持重大科技专项、重点研发计划、新型研发机构培育、重大创新平台建设、高新技术企业和科技型中小企业培育等。";

export const majorProject = programme({
  id: "changzhi-major-project",
  title: { zh: "重大科技专项、重点研发计划项目支持", en: "Funding for major science projects and key R&D programmes" },
  document: DOC,
  clause: "5.2",
  excerpt: FUNDS,
  category: "project",
  applicants: { zh: "承担重大科技专项、重点研发计划项目的企业和高校院所", kinds: ["enterprise", "institution"] },
  facts: [
    {
      name: "projectKind",
      type: "choice",
      label: { zh: "项目类别", en: "Project type" },
      options: [
        { value: "major-special", zh: "重大科技专项", en: "Major science and technology project" },
        { value: "key-rd", zh: "重点研发计划", en: "Key R&D programme" },
        { value: "other", zh: "其他", en: "Other" },
      ],
    },
  ],
  conditions: [
    {
      id: "project-kind",
      label: "重大科技专项或重点研发计划项目",
      test: { test: "oneOf", fact: "projectKind", values: ["major-special", "key-rd"] },
    },
  ],
  amount: [{ kind: "caseByCase", label: "财政双创资金项目支持" }],
  materials: [
    { id: "project-application", zh: "项目申报书或立项文件", required: true },
    { id: "budget", zh: "项目经费预算及自筹资金证明", required: true },
    { id: "licence", zh: "营业执照或法人证书", required: true },
  ],
  note: [
    "金额未定。重大科技专项包括第四部分(一)第4项的重大科技成果转化专项(太阳能光伏、智能制造、大数据、新材料、大健康新医疗等领域);重点研发计划见第四部分(二)第1项。",
    "2021—2023年承担省级科技计划项目累计5项以上是全区目标。",
    PERIOD,
  ].join(""),
});

export const majorProjectCases = cases([
  {
    name: "major science project: funding set at review",
    programme: "changzhi-major-project",
    date: IN_FORCE,
    facts: { projectKind: "major-special" },
    expect: {
      eligible: true,
      amountFen: null,
      explains: ["项目类别:重大科技专项", "财政双创资金项目支持:政策未规定具体金额"],
    },
  },
  {
    name: "key R&D programme project: eligible",
    programme: "changzhi-major-project",
    date: IN_FORCE,
    facts: { projectKind: "key-rd" },
    expect: { eligible: true, amountFen: null },
  },
  {
    name: "other project: not this support",
    programme: "changzhi-major-project",
    date: IN_FORCE,
    facts: { projectKind: "other" },
    expect: { eligible: false, conditions: { "project-kind": "fail" } },
  },
  {
    name: "type not given: unknown",
    programme: "changzhi-major-project",
    date: IN_FORCE,
    facts: {},
    expect: { eligible: "unknown", missing: ["projectKind"] },
  },
]);

export const hnteCultivation = programme({
  id: "changzhi-hnte-cultivation",
  title: { zh: "高新技术企业培育", en: "High-tech enterprise cultivation" },
  document: DOC,
  clause: "4.3.1",
  excerpt:
    "加大高新技术企业精准培育力度,完善后备培育库制度,做强培育服务机构,做大做优专利超市,开展高新技术企业政策和申报流程培训,实现高新技术企业培育服务体系的网格化、精细化、全程化",
  category: "qualification",
  applicants: { zh: "拟申报高新技术企业认定的企业(高新技术企业后备培育库企业)", kinds: ["enterprise"] },
  amount: [
    { kind: "inKind", label: "纳入高新技术企业后备培育库,精准培育服务" },
    { kind: "inKind", label: "高新技术企业政策和申报流程培训" },
    { kind: "caseByCase", clause: "5.2", label: "高新技术企业培育资金支持" },
  ],
  materials: [
    { id: "licence", zh: "营业执照", required: true },
    { id: "ip-list", zh: "知识产权清单", required: true },
    { id: "financial-statements", zh: "上年度财务报表及研发费用情况", required: true },
  ],
  note: `后备培育库的入库条件本方案未列。培育资金出自第五部分(二)的财政双创资金,金额未定。第四部分(八)第1项“力争培育百家高新技术企业”是全区目标。${PERIOD}`,
});

export const hnteCultivationCases = cases([
  {
    name: "pool enterprise: services in kind, funding set at review",
    programme: "changzhi-hnte-cultivation",
    date: IN_FORCE,
    expect: {
      eligible: true,
      amountFen: null,
      explains: ["第五部分(二) 高新技术企业培育资金支持", "高新技术企业政策和申报流程培训(非资金支持"],
    },
  },
  {
    name: "hnte-cultivation, the day before the page's 发文时间: not yet in force",
    programme: "changzhi-hnte-cultivation",
    date: DAY_BEFORE,
    expect: { eligible: false, conditions: { effective: "fail" } },
  },
]);

export const techSme = programme({
  id: "changzhi-tech-sme",
  title: {
    zh: "科技型中小企业精准帮扶与研发费用加计扣除",
    en: "Support for technology-based SMEs and the R&D super-deduction",
  },
  document: DOC,
  clause: "4.3.2",
  excerpt:
    "精准帮扶重点科技型中小企业,推动更多科技型中小企业成长为高新技术企业。按照国家科技型中小企业评价办法,开展科技型中小企业评价工作,加快落实研发费用75%税前加计扣除政策。",
  category: "rd",
  applicants: {
    zh: "按国家科技型中小企业评价办法评价入库的科技型中小企业",
    kinds: ["enterprise"],
    qualifications: ["tech-sme"],
  },
  amount: [
    { kind: "caseByCase", clause: "5.2", label: "科技型中小企业培育资金支持" },
    {
      kind: "inKind",
      label:
        "研发费用税前加计扣除(税收优惠,按税法计算;文件写于75%比例时,2023年起按财政部 税务总局公告2023年第7号为100%)",
    },
  ],
  materials: [
    { id: "tech-sme-number", zh: "科技型中小企业入库登记编号", required: true },
    { id: "rd-expense", zh: "研发费用辅助账及加计扣除申报表", required: true },
    { id: "financial-statements", zh: "上年度财务报表", required: true },
  ],
  note: [
    "文件所写“75%”是印发时的比例;财政部 税务总局公告2023年第7号规定自2023年1月1日起企业研发费用按100%在税前加计扣除,现按100%执行。加计扣除减少的是应税所得而不是发放的补助,故记为非资金支持,",
    "不按研发费用计算金额。培育资金出自第五部分(二)的财政双创资金,金额未定。尚未评价入库的企业先按评价办法申请评价。",
    PERIOD,
  ].join(""),
});

export const techSmeCases = cases([
  {
    name: "anonymous estimate: funding at review, the super-deduction noted at today's 100%",
    programme: "changzhi-tech-sme",
    date: IN_FORCE,
    expect: {
      eligible: true,
      amountFen: null,
      explains: [
        "研发费用税前加计扣除",
        "2023年起按财政部 税务总局公告2023年第7号为100%",
        "科技型中小企业培育资金支持:政策未规定具体金额",
      ],
    },
  },
  {
    name: "profile holds 科技型中小企业: eligible",
    programme: "changzhi-tech-sme",
    date: IN_FORCE,
    profile: { qualifications: ["tech-sme"] },
    expect: { eligible: true, conditions: { "applicant-tech-sme": "pass" } },
  },
  {
    name: "profile is a 高新技术企业 but not evaluated as 科技型中小企业: not eligible",
    programme: "changzhi-tech-sme",
    date: IN_FORCE,
    profile: { qualifications: ["hnte"] },
    expect: { eligible: false, conditions: { "applicant-tech-sme": "fail" } },
  },
]);

export const rdPostSubsidy = programme({
  id: "changzhi-rd-post-subsidy",
  title: { zh: "普惠性研发后补助", en: "Inclusive R&D post-subsidy" },
  document: DOC,
  clause: "5.2",
  excerpt: "强化普惠性后补助支持,引导企业建立研发准备金制度。",
  category: "rd",
  applicants: { zh: "开展研发活动的企业", kinds: ["enterprise"] },
  amount: [{ kind: "caseByCase", label: "普惠性研发后补助" }],
  materials: [
    { id: "rd-expense", zh: "研发费用辅助账或专项审计报告", required: true },
    { id: "rd-reserve", zh: "研发准备金制度文件", required: false },
  ],
  note: `后补助的比例和上限条文未定。建立研发准备金制度是“引导”,条文未写成补助条件,故不设为条件。${PERIOD}`,
});

export const rdPostSubsidyCases = cases([
  {
    name: "enterprise doing R&D: post-subsidy set at review",
    programme: "changzhi-rd-post-subsidy",
    date: IN_FORCE,
    expect: { eligible: true, amountFen: null, explains: ["第五部分(二)", "普惠性研发后补助:政策未规定具体金额"] },
  },
  {
    name: "rd-post-subsidy, the day before the page's 发文时间: not yet in force",
    programme: "changzhi-rd-post-subsidy",
    date: DAY_BEFORE,
    expect: { eligible: false, conditions: { effective: "fail" } },
  },
  {
    name: "rd-post-subsidy, on the plan's last day (validity.until): still in force",
    programme: "changzhi-rd-post-subsidy",
    date: LAST_DAY,
    expect: { eligible: true, amountFen: null },
  },
  {
    name: "rd-post-subsidy, the day after: expired, naming the document and its end date",
    programme: "changzhi-rd-post-subsidy",
    date: DAY_AFTER,
    expect: {
      eligible: false,
      amountFen: 0,
      conditions: { effective: "fail" },
      explains: [
        "“关于印发《长治高新区双创高质量发展三年行动计划实施方案(2021—2023年)》的通知”(长高发〔2020〕65号)有效期至2023-12-31,已到期",
      ],
    },
  },
]);

export const industryEducation = programme({
  id: "changzhi-industry-education",
  title: { zh: "产教融合型试点企业建设培育", en: "Industry–education integration pilot enterprises" },
  document: DOC,
  clause: "4.3.3",
  excerpt:
    "实施产教融合型试点企业建设培育工程。以国有企业和规上民营企业为重点,重点围绕构建现代产业体系,引导服务我区新一代信息技术、先进装备制造业、新能源、新材料、现代服务业等领域企业。",
  category: "talent",
  applicants: {
    zh: "新一代信息技术、先进装备制造业、新能源、新材料、现代服务业等领域的企业,以国有企业和规上民营企业为重点",
    kinds: ["enterprise"],
  },
  amount: [
    { kind: "inKind", label: "纳入产教融合型试点企业建设培育工程" },
    { kind: "inKind", clause: "3.1", label: "积极推进产教融合型企业入库申报工作" },
  ],
  materials: [
    { id: "licence", zh: "营业执照", required: true },
    { id: "cooperation", zh: "与职业院校、高校开展校企合作的协议和情况说明", required: true },
    { id: "training-investment", zh: "职工培训及人力资本投入情况", required: true },
  ],
  note: `“以…为重点”“优先考虑”是倾斜,不是排除其他企业,故不设为条件。${PERIOD}`,
});

export const industryEducationCases = cases([
  {
    name: "enterprise joins the pilot cultivation: support in kind",
    programme: "changzhi-industry-education",
    date: IN_FORCE,
    expect: {
      eligible: true,
      amountFen: null,
      explains: [
        "非资金支持:纳入产教融合型试点企业建设培育工程、积极推进产教融合型企业入库申报工作",
        "第三部分(一) 积极推进产教融合型企业入库申报工作",
      ],
    },
  },
]);

export const enterpriseParts = {
  programmes: [majorProject, hnteCultivation, techSme, rdPostSubsidy, industryEducation],
  cases: [
    ...majorProjectCases,
    ...hnteCultivationCases,
    ...techSmeCases,
    ...rdPostSubsidyCases,
    ...industryEducationCases,
  ],
};
