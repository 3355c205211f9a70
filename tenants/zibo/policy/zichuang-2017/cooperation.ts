/**
 * Seed 000 part 七, clauses 22–25: industry–academia projects and expert
 * workstations, innovation alliances, registered technology contracts, and the
 * 5000万元 fund for major platforms and projects (一事一议).
 */
import { cases, programme, wan } from "../../../policy";

const DOC = "zibo-zichuang-2017";

export const industryAcademia = programme({
  id: "zibo-industry-academia",
  title: { zh: "产学研合作项目扶持", en: "Industry–academia cooperation projects" },
  document: DOC,
  clause: "22",
  excerpt:
    "对企业与高校院所、产业技术研究院开展的产学研合作项目,按照企业给予高校院所、产业技术研究院实际到位研发经费的10%给予资金扶持,最高不超过50万元",
  category: "transfer",
  applicants: { zh: "与高校院所、产业技术研究院开展实质性产学研合作项目的企业", kinds: ["enterprise"] },
  facts: [
    {
      name: "paidToInstitutionsFen",
      type: "money",
      label: {
        zh: "企业给予高校院所、产业技术研究院的实际到位研发经费",
        en: "R&D funds actually paid to the institutions",
      },
      help: "按合作合同实际拨付到高校院所、研究院账户的金额。",
    },
    {
      name: "projectCode",
      type: "text",
      optional: true,
      label: { zh: "合作项目编号(技术合同登记号)", en: "Project or contract registration number" },
      help: "同一合作项目分次申报时填写同一编号,用于核对单个项目50万元的上限。",
    },
  ],
  amount: [
    {
      kind: "percent",
      label: "实际到位研发经费的10%",
      base: { fact: "paidToInstitutionsFen" },
      percent: 10,
      capFen: wan(50),
    },
  ],
  limits: [
    { kind: "perProject", label: "每个产学研合作项目最高不超过50万元", fen: wan(50), projectFact: "projectCode" },
  ],
  note: "“最高不超过50万元”按每个合作项目累计,不是每次申报:同一项目分次申报的,已获扶持计入50万元。",
  materials: [
    { id: "cooperation-contract", zh: "产学研合作合同", required: true },
    { id: "payment-vouchers", zh: "研发经费拨付凭证(银行回单)", required: true },
  ],
});

export const expertWorkstation = programme({
  id: "zibo-expert-workstation",
  title: { zh: "院士工作站、千人计划专家工作站扶持", en: "Academician and expert workstations" },
  document: DOC,
  clause: "22",
  excerpt: "对企业建立并开展实质性科技成果转化活动的院士工作站、千人计划专家工作站,给予30万元资金扶持。",
  category: "platform",
  applicants: { zh: "建立院士工作站或千人计划专家工作站并开展实质性科技成果转化活动的企业", kinds: ["enterprise"] },
  facts: [
    {
      name: "workstationType",
      type: "choice",
      optional: true,
      label: { zh: "工作站类型", en: "Type of workstation" },
      help: "同一企业先后建立两类工作站时填写,用于区分两次建站。",
      options: [
        { value: "academician", zh: "院士工作站", en: "Academician workstation" },
        { value: "expert", zh: "千人计划专家工作站", en: "Thousand Talents expert workstation" },
      ],
    },
  ],
  amount: [{ kind: "fixed", label: "院士工作站、千人计划专家工作站资金扶持", fen: wan(30) }],
  limits: [{ kind: "once", label: "每个工作站扶持一次", per: ["workstationType"] }],
  note: "30万元按建站给予一次,不是每年给予:已获本项扶持的不再给予,除非此前扶持的是另一类工作站(此前记录载明工作站类型的方可区分)。",
  materials: [
    { id: "workstation-approval", zh: "工作站建站批复或协议", required: true },
    { id: "transfer-activities", zh: "开展科技成果转化活动的证明材料", required: true },
  ],
});

export const innovationAlliance = programme({
  id: "zibo-innovation-alliance",
  title: { zh: "产业技术创新战略联盟牵头单位扶持", en: "Lead members of technology innovation alliances" },
  document: DOC,
  clause: "23",
  excerpt: "对认定为国家级、省级产业技术创新战略联盟牵头单位的企业,分别给予100万元和50万元的资金扶持。",
  category: "platform",
  applicants: { zh: "认定为国家级、省级产业技术创新战略联盟牵头单位的企业", kinds: ["enterprise"] },
  facts: [
    {
      name: "level",
      type: "choice",
      label: { zh: "联盟级别", en: "Level of the alliance" },
      options: [
        { value: "national", zh: "国家级", en: "National" },
        { value: "provincial", zh: "省级", en: "Provincial" },
      ],
    },
  ],
  amount: [
    {
      kind: "byChoice",
      label: "产业技术创新战略联盟牵头单位",
      fact: "level",
      amounts: { national: wan(100), provincial: wan(50) },
    },
  ],
  limits: [{ kind: "once", label: "每次认定扶持一次", upgrade: { fact: "level", order: ["provincial", "national"] } }],
  note: "按认定给予一次:已获本项扶持的不再给予,除非此前按省级获得、本次认定为国家级(升级,按国家级给予,条文未规定扣减)。此前记录未载明级别的,按同一认定计。",
  materials: [{ id: "alliance-recognition", zh: "联盟认定文件(载明牵头单位)", required: true }],
});

export const techContract = programme({
  id: "zibo-tech-contract",
  title: { zh: "技术合同交易扶持", en: "Registered technology contracts" },
  document: DOC,
  clause: "24",
  excerpt:
    "对经山东省技术市场管理办公室登记认定的技术交易,按技术合同认定额的3%给予资金扶持,单家企业每年最高不超过30万元。",
  category: "transfer",
  applicants: {
    zh: "开展技术转移、技术咨询、技术服务等技术交易,合同经山东省技术市场管理办公室登记认定的企业",
    kinds: ["enterprise"],
  },
  facts: [
    {
      name: "contractAmountFen",
      type: "money",
      label: { zh: "技术合同认定额", en: "Registered contract value" },
      help: "山东省技术市场管理办公室登记认定的技术合同成交额。",
    },
  ],
  amount: [{ kind: "percent", label: "技术合同认定额的3%", base: { fact: "contractAmountFen" }, percent: 3 }],
  limits: [{ kind: "perEnterprisePerYear", label: "单家企业每年最高不超过30万元", fen: wan(30) }],
  materials: [
    { id: "contract-registration", zh: "技术合同登记证明", required: true },
    { id: "technology-contract", zh: "技术合同文本", required: true },
  ],
});

export const majorPlatformProject = programme({
  id: "zibo-major-platform-project",
  title: { zh: "重大创新平台和重大项目一事一议", en: "Major platforms and projects, case by case" },
  document: DOC,
  clause: "25",
  excerpt:
    "设立5000万元的创新发展专项资金,支持企业建设研发机构、产业技术联盟和公共技术服务平台等重大创新平台,支持企业组织实施重大高新技术研发、成果转化及产业化项目。对专业化程度高、支撑作用强的重大平台和市场前景好、" +
    "产业带动作用强的重大项目,实行一事一议的支持方式,重点扶持。",
  category: "project",
  applicants: {
    zh: "建设专业化程度高、支撑作用强的重大创新平台,或实施市场前景好、产业带动作用强的重大高新技术研发、成果转化及产业化项目的企业",
    kinds: ["enterprise"],
  },
  amount: [{ kind: "caseByCase", label: "创新发展专项资金重点扶持" }],
  materials: [
    { id: "project-proposal", zh: "平台建设方案或项目可行性研究报告", required: true },
    { id: "investment-plan", zh: "投资计划及资金来源说明", required: true },
  ],
  note: "5000万元是专项资金的总规模(未写明年度),故不设年度预算。",
});

const ia = "zibo-industry-academia";
const tc = "zibo-tech-contract";

export const cooperationCases = cases([
  {
    name: "200万 paid to a university: 10% is 20万",
    programme: ia,
    facts: { paidToInstitutionsFen: wan(200) },
    expect: { eligible: true, amountFen: wan(20), explains: ["第二十二条"] },
  },
  {
    name: "exactly 500万 paid: 50万, at the cap",
    programme: ia,
    facts: { paidToInstitutionsFen: wan(500) },
    expect: { eligible: true, amountFen: wan(50) },
  },
  {
    name: "500万 and 10 fen paid: capped at 50万",
    programme: ia,
    facts: { paidToInstitutionsFen: wan(500) + 10 },
    expect: { eligible: true, amountFen: wan(50), explains: ["超过最高50万元,按50万元计"] },
  },
  {
    name: "10% of 5 fen is 0.5 fen: rounds half up to 1",
    programme: ia,
    facts: { paidToInstitutionsFen: 5 },
    expect: { eligible: true, amountFen: 1 },
  },
  {
    name: "10% of 4 fen is 0.4 fen: rounds to 0",
    programme: ia,
    facts: { paidToInstitutionsFen: 4 },
    expect: { eligible: true, amountFen: 0 },
  },
  {
    name: "same project already got 30万: 20万 left of its 50万",
    programme: ia,
    facts: { paidToInstitutionsFen: wan(300), projectCode: "HT-1" },
    history: [{ programme: ia, year: 2025, amountFen: wan(30), projectCode: "HT-1" }],
    expect: { eligible: true, amountFen: wan(20), explains: ["项目HT-1已获30万元,尚可获得20万元"] },
  },
  {
    name: "same project already got 20万: 30万 left, exactly this award",
    programme: ia,
    facts: { paidToInstitutionsFen: wan(300), projectCode: "HT-1" },
    history: [{ programme: ia, year: 2025, amountFen: wan(20), projectCode: "HT-1" }],
    expect: { eligible: true, amountFen: wan(30) },
  },
  {
    name: "same project already got 50万: nothing more for it, 0",
    programme: ia,
    facts: { paidToInstitutionsFen: wan(300), projectCode: "HT-1" },
    history: [{ programme: ia, year: 2024, amountFen: wan(50), projectCode: "HT-1" }],
    expect: { eligible: false, amountFen: 0, conditions: { "limit-1-perProject": "fail" } },
  },
  {
    name: "another project's 50万 does not count",
    programme: ia,
    facts: { paidToInstitutionsFen: wan(300), projectCode: "HT-2" },
    history: [{ programme: ia, year: 2026, amountFen: wan(50), projectCode: "HT-1" }],
    expect: { eligible: true, amountFen: wan(30) },
  },
  {
    name: "no project number: the per-project total is not checked, and the explanation says so",
    programme: ia,
    facts: { paidToInstitutionsFen: wan(300) },
    history: [{ programme: ia, year: 2026, amountFen: wan(50), projectCode: "HT-1" }],
    expect: { eligible: true, amountFen: wan(30), explains: ["未核对同一项目此前已获的扶持"] },
  },
  {
    name: "funds missing: unknown",
    programme: ia,
    expect: { eligible: "unknown", missing: ["paidToInstitutionsFen"] },
  },

  {
    name: "academician workstation with transfer activities: 30万",
    programme: "zibo-expert-workstation",
    expect: { eligible: true, amountFen: wan(30), explains: ["第二十二条"] },
  },
  {
    name: "workstation already supported in 2024: once, not every year",
    programme: "zibo-expert-workstation",
    history: [{ programme: "zibo-expert-workstation", year: 2024, amountFen: wan(30) }],
    expect: { eligible: false, amountFen: 0, conditions: { "limit-1-once": "fail" } },
  },
  {
    name: "academician workstation earlier, expert workstation now: another workstation",
    programme: "zibo-expert-workstation",
    facts: { workstationType: "expert" },
    history: [
      {
        programme: "zibo-expert-workstation",
        year: 2024,
        amountFen: wan(30),
        facts: { workstationType: "academician" },
      },
    ],
    expect: { eligible: true, amountFen: wan(30), explains: ["针对另一工作站类型"] },
  },
  {
    name: "earlier award recorded its type, this one does not: asks which workstation",
    programme: "zibo-expert-workstation",
    history: [
      {
        programme: "zibo-expert-workstation",
        year: 2024,
        amountFen: wan(30),
        facts: { workstationType: "academician" },
      },
    ],
    expect: { eligible: "unknown", conditions: { "limit-1-once": "unknown" }, explains: ["需提供工作站类型"] },
  },

  {
    name: "national alliance lead: 100万",
    programme: "zibo-innovation-alliance",
    facts: { level: "national" },
    expect: { eligible: true, amountFen: wan(100), explains: ["第二十三条"] },
  },
  {
    name: "provincial alliance lead: 50万",
    programme: "zibo-innovation-alliance",
    facts: { level: "provincial" },
    expect: { eligible: true, amountFen: wan(50) },
  },
  {
    name: "alliance level missing: unknown",
    programme: "zibo-innovation-alliance",
    expect: { eligible: "unknown", missing: ["level"] },
  },
  {
    name: "provincial alliance lead supported in 2022, national now: an upgrade, 100万",
    programme: "zibo-innovation-alliance",
    facts: { level: "national" },
    history: [
      { programme: "zibo-innovation-alliance", year: 2022, amountFen: wan(50), facts: { level: "provincial" } },
    ],
    expect: { eligible: true, amountFen: wan(100), conditions: { "limit-1-once": "pass" } },
  },
  {
    name: "provincial alliance lead again: a repeat",
    programme: "zibo-innovation-alliance",
    facts: { level: "provincial" },
    history: [
      { programme: "zibo-innovation-alliance", year: 2022, amountFen: wan(50), facts: { level: "provincial" } },
    ],
    expect: { eligible: false, conditions: { "limit-1-once": "fail" } },
  },

  {
    name: "contracts of 500万: 3% is 15万",
    programme: tc,
    facts: { contractAmountFen: wan(500) },
    expect: { eligible: true, amountFen: wan(15), explains: ["第二十四条"] },
  },
  {
    name: "contracts of exactly 1000万: 30万, at the annual cap",
    programme: tc,
    facts: { contractAmountFen: wan(1000) },
    expect: { eligible: true, amountFen: wan(30) },
  },
  {
    name: "contracts of 1000万 and 100 fen: capped at 30万",
    programme: tc,
    facts: { contractAmountFen: wan(1000) + 100 },
    expect: { eligible: true, amountFen: wan(30), explains: ["本次按30万元计"] },
  },
  {
    name: "3% of 50 fen is 1.5 fen: rounds half up to 2",
    programme: tc,
    facts: { contractAmountFen: 50 },
    expect: { eligible: true, amountFen: 2 },
  },
  {
    name: "25万 already this year: 5万 left",
    programme: tc,
    facts: { contractAmountFen: wan(500) },
    history: [{ programme: tc, year: 2026, amountFen: wan(25) }],
    expect: { eligible: true, amountFen: wan(5) },
  },
  {
    name: "15万 already this year: 15万 left, exactly this award (at the cap)",
    programme: tc,
    facts: { contractAmountFen: wan(500) },
    history: [{ programme: tc, year: 2026, amountFen: wan(15) }],
    expect: { eligible: true, amountFen: wan(15), conditions: { "limit-1-perEnterprisePerYear": "pass" } },
  },
  {
    name: "30万 already this year: the cap is used up",
    programme: tc,
    facts: { contractAmountFen: wan(500) },
    history: [{ programme: tc, year: 2026, amountFen: wan(30) }],
    expect: { eligible: false, conditions: { "limit-1-perEnterprisePerYear": "fail" } },
  },
  {
    name: "contract value missing: unknown",
    programme: tc,
    expect: { eligible: "unknown", missing: ["contractAmountFen"] },
  },

  {
    name: "major platform: case by case, no figure",
    programme: "zibo-major-platform-project",
    expect: { eligible: true, amountFen: null, explains: ["一事一议"] },
  },
]);
