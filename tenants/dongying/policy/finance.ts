/**
 * Seed 002 part 三(三): science and technology finance. One-stop financing
 * services and fund investment for 科技型中小企业, the SME loan risk pool,
 * and post-subsidies to insurers for technology insurance products. The
 * clause names no rate, ratio or amount for any of them.
 */
import { cases, programme } from "../../policy";
import { DOC, PERIOD } from "./common";

const CLAUSE = "3.3";

export const techFinanceService = programme({
  id: "dongying-tech-finance-service",
  title: { zh: "科技型中小企业“一站式”投融资服务", en: "One-stop financing services for technology-based SMEs" },
  document: DOC,
  clause: CLAUSE,
  excerpt:
    "探索以“平台化、市场化”模式开展科技金融融资服务,搭建债权融资、股权融资、增值服务三大服务体系,为科技型中小企业提供全方位“一站式”投融资服务。",
  category: "finance",
  applicants: { zh: "科技型中小企业", kinds: ["enterprise"], qualifications: ["tech-sme"] },
  amount: [{ kind: "inKind", label: "债权融资、股权融资、增值服务“一站式”投融资服务" }],
  materials: [
    { id: "tech-sme-number", zh: "科技型中小企业入库登记编号", required: true },
    { id: "financing-need", zh: "融资需求说明(金额、用途、期限)", required: true },
    { id: "financial-statements", zh: "近两年财务报表", required: true },
  ],
  note: `服务不计金额。同条的投贷联动试点、企业债券、知识产权质押融资(“支持银行金融机构扩大质押范围”)、银行创新产品是对金融机构的要求,未承诺申请人可得的具体支持,未单列。${PERIOD}`,
});

export const techFinanceServiceCases = cases([
  {
    name: "anonymous estimate: financing services, no money",
    programme: "dongying-tech-finance-service",
    expect: {
      eligible: true,
      amountFen: null,
      explains: ["非资金支持:债权融资、股权融资、增值服务“一站式”投融资服务"],
    },
  },
  {
    name: "profile is a 科技型中小企业: eligible",
    programme: "dongying-tech-finance-service",
    profile: { qualifications: ["tech-sme"] },
    expect: { eligible: true, conditions: { "applicant-tech-sme": "pass" } },
  },
  {
    name: "profile is not a 科技型中小企业: not eligible",
    programme: "dongying-tech-finance-service",
    profile: { qualifications: ["hnte"] },
    expect: { eligible: false, conditions: { "applicant-tech-sme": "fail" } },
  },
]);

export const loanRiskPool = programme({
  id: "dongying-loan-risk-pool",
  title: {
    zh: "中小企业贷款风险资金池(政府和金融机构风险共担)",
    en: "SME loan risk pool shared by government and banks",
  },
  document: DOC,
  clause: CLAUSE,
  excerpt: "加大财政支持力度,增加中小企业贷款风险资金池规模,建立政府和金融机构风险共担模式。",
  category: "finance",
  applicants: {
    zh: "中小企业(资金池扩大的是与合作金融机构分担贷款风险的规模,企业向合作金融机构申请贷款,不向本政策申报补助)",
    kinds: ["enterprise"],
  },
  facts: [
    {
      name: "smallOrMedium",
      type: "boolean",
      label: { zh: "属于中小企业", en: "Small or medium-sized enterprise" },
      help: "按国家中小企业划型标准。",
      prefill: { source: "smeStandard" },
    },
  ],
  conditions: [{ id: "sme", label: "中小企业", test: { test: "equals", fact: "smallOrMedium", value: true } }],
  amount: [
    { kind: "inKind", label: "财政扩大中小企业贷款风险资金池,与合作金融机构分担贷款风险(企业向合作金融机构申请贷款)" },
  ],
  materials: [
    { id: "licence", zh: "营业执照", required: true },
    { id: "loan-application", zh: "贷款申请及合作金融机构受理材料", required: true },
    { id: "financial-statements", zh: "近两年财务报表", required: true },
  ],
  note: `资金池分担的是合作金融机构的贷款风险,企业得到的是贷款;条文未规定贷款额度、利率或风险分担比例。${PERIOD}`,
});

export const loanRiskPoolCases = cases([
  {
    name: "SME: loan under the risk pool, no grant",
    programme: "dongying-loan-risk-pool",
    facts: { smallOrMedium: true },
    expect: { eligible: true, amountFen: null, explains: ["第三部分(三)", "非资金支持"] },
  },
  {
    name: "large enterprise: not eligible",
    programme: "dongying-loan-risk-pool",
    facts: { smallOrMedium: false },
    expect: { eligible: false, conditions: { sme: "fail" } },
  },
  {
    name: "size not stated: unknown",
    programme: "dongying-loan-risk-pool",
    facts: {},
    expect: { eligible: "unknown", missing: ["smallOrMedium"] },
  },
]);

export const innovationFund = programme({
  id: "dongying-innovation-fund",
  title: {
    zh: "市级科技创新投资基金投资科技型中小企业",
    en: "City innovation investment fund for technology-based SMEs",
  },
  document: DOC,
  clause: CLAUSE,
  excerpt:
    "建立市级科技创新投资基金,发挥创投引导基金作用,引导和鼓励社会资本共同投资科技型中小企业,加大对种子期、初创期科技型企业支持力度。",
  category: "finance",
  applicants: {
    zh: "科技型中小企业(种子期、初创期科技型企业加大支持)",
    kinds: ["enterprise"],
    qualifications: ["tech-sme"],
  },
  amount: [{ kind: "inKind", label: "市级科技创新投资基金股权投资(投资额由基金按投资决策确定,不是补助)" }],
  materials: [
    { id: "business-plan", zh: "商业计划书", required: true },
    { id: "financial-statements", zh: "财务报表", required: true },
    { id: "tech-sme-number", zh: "科技型中小企业入库登记编号", required: true },
  ],
  note: `投资额由基金按市场化方式尽职调查、投资决策确定,条文未规定。“加大对种子期、初创期科技型企业支持力度”是倾斜,不是排除其他阶段,故不设为条件。${PERIOD}`,
});

export const innovationFundCases = cases([
  {
    name: "anonymous estimate: an investment by the fund, not a grant set at review",
    programme: "dongying-innovation-fund",
    expect: {
      eligible: true,
      amountFen: null,
      explains: ["非资金支持:市级科技创新投资基金股权投资(投资额由基金按投资决策确定,不是补助)"],
    },
  },
  {
    name: "profile without 科技型中小企业: not eligible",
    programme: "dongying-innovation-fund",
    profile: { qualifications: [] },
    expect: { eligible: false, conditions: { "applicant-tech-sme": "fail" } },
  },
  {
    name: "profile with 科技型中小企业: eligible",
    programme: "dongying-innovation-fund",
    profile: { qualifications: ["tech-sme"] },
    expect: { eligible: true, amountFen: null },
  },
]);

export const techInsurance = programme({
  id: "dongying-tech-insurance",
  title: { zh: "科技保险产品资金后补助", en: "Post-subsidy for insurers offering technology insurance" },
  document: DOC,
  clause: CLAUSE,
  excerpt: "采取资金后补助等方式,支持保险机构开发适合科技型企业需求的专利执行保险、产品研发责任险等科技保险产品。",
  category: "finance",
  applicants: { zh: "开发适合科技型企业需求的科技保险产品的保险机构", kinds: ["enterprise"] },
  facts: [
    {
      name: "techInsuranceProduct",
      type: "boolean",
      label: {
        zh: "开发了适合科技型企业需求的科技保险产品",
        en: "Offers a technology insurance product for tech enterprises",
      },
      help: "如专利执行保险、产品研发责任险等。",
    },
  ],
  conditions: [
    {
      id: "tech-insurance-product",
      label: "开发适合科技型企业需求的专利执行保险、产品研发责任险等科技保险产品",
      test: { test: "equals", fact: "techInsuranceProduct", value: true },
    },
  ],
  amount: [{ kind: "caseByCase", label: "科技保险产品资金后补助" }],
  materials: [
    { id: "insurance-licence", zh: "保险业务经营许可证", required: true },
    { id: "product-filing", zh: "科技保险产品条款及备案材料", required: true },
    { id: "policies-written", zh: "为科技型企业承保情况(保单清单)", required: true },
  ],
  note: `“等方式”:后补助之外的方式条文未列;后补助的标准条文未定。申请人是保险机构,申报主体类别中没有金融机构一类,按企业归类。${PERIOD}`,
});

export const techInsuranceCases = cases([
  {
    name: "insurer with a patent enforcement product: post-subsidy at review",
    programme: "dongying-tech-insurance",
    facts: { techInsuranceProduct: true },
    expect: { eligible: true, amountFen: null, explains: ["科技保险产品资金后补助:政策未规定具体金额"] },
  },
  {
    name: "no technology insurance product: not eligible",
    programme: "dongying-tech-insurance",
    facts: { techInsuranceProduct: false },
    expect: { eligible: false, conditions: { "tech-insurance-product": "fail" } },
  },
  {
    name: "tech-insurance, not stated: unknown",
    programme: "dongying-tech-insurance",
    facts: {},
    expect: { eligible: "unknown", missing: ["techInsuranceProduct"] },
  },
]);

export const financeParts = {
  programmes: [techFinanceService, loanRiskPool, innovationFund, techInsurance],
  cases: [...techFinanceServiceCases, ...loanRiskPoolCases, ...innovationFundCases, ...techInsuranceCases],
};
