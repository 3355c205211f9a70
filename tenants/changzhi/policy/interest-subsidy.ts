/**
 * The demo 贴息 programme (issue 19): interest paid on a 金融超市 loan for a 科技金融 product,
 * subsidised at 50%, at most 60% of the 1年期LPR interest over the same days, 50万元 a year per
 * enterprise, for at most two years. It rests on the demo document (演示, ../documents/
 * changzhi-loan-support-demo.ts), whose figures follow public texts of other zones; the seeds
 * print none. The loan record fills amount, rate, first day and product type; the enterprise
 * enters the last day and the interest it paid (the bank confirms it before review).
 */
import { LOAN_PRODUCT_TYPES } from "../../../worker/engines/policy/format/facts";
import { cases, programme, wan } from "../../policy";

export const LOAN_DOC = "changzhi-loan-support-demo";
const ID = "changzhi-loan-interest-subsidy";

/** 科技金融 products: 信用贷款、担保贷款、知识产权质押贷款 (clause 2); 科技助保贷 is a 担保贷款. */
const TECH_TYPES = ["credit", "guarantee", "ip-pledge"];
const TYPE_ZH: Record<(typeof LOAN_PRODUCT_TYPES)[number], [string, string]> = {
  credit: ["信用贷款", "Credit loan"],
  mortgage: ["抵押贷款", "Mortgage loan"],
  pledge: ["质押贷款", "Pledge loan"],
  "ip-pledge": ["知识产权质押贷款", "IP pledge loan"],
  guarantee: ["担保贷款", "Guaranteed loan"],
  insurance: ["保证保险贷款", "Insured loan"],
  other: ["其他", "Other"],
};

export const loanInterestSubsidy = programme({
  id: ID,
  title: { zh: "科技型企业贷款贴息(演示)", en: "Interest subsidy on technology loans (demo)" },
  document: LOAN_DOC,
  clause: "3",
  excerpt:
    "对企业在计息期间按贷款合同实际支付的利息,按50%给予贴息,贴息额不超过按同期一年期贷款市场报价利率(LPR)计算的利息的60%。",
  category: "finance",
  applicants: {
    zh: "通过长治网络金融超市获得科技金融产品贷款(信用贷款、担保贷款、知识产权质押贷款)的园区企业",
    kinds: ["enterprise"],
  },
  facts: [
    {
      name: "loanAmount",
      type: "money",
      label: { zh: "贷款金额", en: "Loan amount" },
      help: "按放款记录填入。",
      prefill: { source: "loan", field: "amountFen" },
    },
    {
      name: "loanRate",
      type: "percent",
      label: { zh: "合同年利率", en: "Annual rate in the contract" },
      help: "按放款记录填入,例如 3.85。",
      prefill: { source: "loan", field: "rate" },
    },
    {
      name: "interestFrom",
      type: "date",
      label: { zh: "计息起始日", en: "First day of interest" },
      help: "首次申请为放款日;第二年申请填上次计息截止日的次日。",
      prefill: { source: "loan", field: "disbursedOn" },
    },
    {
      name: "interestTo",
      type: "date",
      label: { zh: "计息截止日", en: "Last day of interest" },
      help: "本次申请贴息的最后一天(含当天)。",
    },
    {
      name: "interestPaid",
      type: "money",
      label: { zh: "计息期间实际支付利息", en: "Interest actually paid in the period" },
      help: "按银行利息回单合计填写,放款银行会核对确认。",
    },
    {
      name: "productType",
      type: "choice",
      label: { zh: "贷款产品类型", en: "Loan product type" },
      options: LOAN_PRODUCT_TYPES.map((value) => ({ value, zh: TYPE_ZH[value][0], en: TYPE_ZH[value][1] })),
      prefill: { source: "loan", field: "productType" },
    },
  ],
  conditions: [
    {
      id: "product-type",
      label: "科技金融产品贷款(信用贷款、担保贷款、知识产权质押贷款)",
      clause: "2",
      test: { test: "oneOf", fact: "productType", values: TECH_TYPES },
    },
  ],
  amount: [
    {
      kind: "interest",
      // The engine's steps name the share and the LPR cap after it ("贴息不超过按LPR计算利息的60%").
      label: "贴息",
      principal: "loanAmount",
      rate: "loanRate",
      from: "interestFrom",
      to: "interestTo",
      paid: "interestPaid",
      share: 50,
      lpr: { percent: 60, term: "1y" },
    },
  ],
  limits: [
    { kind: "perEnterprisePerYear", label: "单户企业年度贴息最高50万元", clause: "4", fen: wan(50) },
    { kind: "maxYears", label: "同一企业享受贴息最长2年", clause: "4", years: 2 },
  ],
  materials: [
    { id: "loan-contract", zh: "借款合同", required: true },
    { id: "interest-receipts", zh: "计息期间的银行利息回单", required: true },
  ],
  note:
    "演示数据:比例、上限和年限参照其他地区公开的政策设定(演示文件第一条列出出处),不是长治高新区的正式政策。" +
    "利息按实际天数、日利率为年利率除以360计算;计息期间LPR调整的分段计算。",
});

const FULL_YEAR = { interestFrom: "2025-06-01", interestTo: "2026-05-26" }; // 360 days, 1年期LPR 3.00% throughout
const DEMO_LOAN = { loanAmount: wan(500), productType: "guarantee", ...FULL_YEAR };

export const loanInterestSubsidyCases = cases([
  {
    name: "a 科技助保贷 loan below 1.2× LPR: half the interest paid",
    programme: ID,
    facts: { ...DEMO_LOAN, loanRate: 3.5, interestPaid: wan(17.5) },
    expect: { eligible: true, amountFen: wan(8.75), conditions: { "product-type": "pass" } },
  },
  {
    name: "rate above 1.2× LPR: the cap of 60% of the LPR interest binds",
    programme: ID,
    facts: { ...DEMO_LOAN, loanRate: 3.85, interestPaid: wan(19.25) },
    expect: { eligible: true, amountFen: wan(9), explains: ["1年期LPR 3.00%"] },
  },
  {
    name: "interest paid above the contract's: the contract's interest is the base",
    programme: ID,
    facts: { ...DEMO_LOAN, loanRate: 3.5, interestPaid: wan(18) },
    expect: { eligible: true, amountFen: wan(8.75), explains: ["超过合同利息17.5万元,按合同利息计"] },
  },
  {
    name: "a large loan: the yearly cap of 50万元 per enterprise",
    programme: ID,
    facts: { ...DEMO_LOAN, loanAmount: wan(3000), loanRate: 3.5, interestPaid: wan(105) },
    expect: { eligible: true, amountFen: wan(50), conditions: { "limit-1-perEnterprisePerYear": "pass" } },
  },
  {
    name: "an earlier award this year leaves what remains of the yearly cap",
    programme: ID,
    facts: { ...DEMO_LOAN, loanAmount: wan(1000), loanRate: 3.5, interestPaid: wan(35) },
    history: [{ programme: ID, year: 2026, amountFen: wan(40) }],
    expect: { eligible: true, amountFen: wan(10) },
  },
  {
    name: "the second year of support is still allowed",
    programme: ID,
    facts: { ...DEMO_LOAN, loanRate: 3.5, interestPaid: wan(17.5) },
    history: [{ programme: ID, year: 2025, amountFen: wan(5) }],
    expect: { eligible: true, amountFen: wan(8.75), conditions: { "limit-2-maxYears": "pass" } },
  },
  {
    name: "a third year is refused: at most two years",
    programme: ID,
    date: "2027-06-30",
    facts: {
      ...DEMO_LOAN,
      interestFrom: "2026-06-01",
      interestTo: "2027-05-26",
      loanRate: 3.5,
      interestPaid: wan(17.5),
    },
    history: [
      { programme: ID, year: 2025, amountFen: wan(5) },
      { programme: ID, year: 2026, amountFen: wan(8.75) },
    ],
    expect: { eligible: false, amountFen: 0, conditions: { "limit-2-maxYears": "fail" }, explains: ["最多2年"] },
  },
  {
    name: "the 1年期LPR fell from 3.10% to 3.00% on 2025-05-20: the cap is split at the change",
    programme: ID,
    // 2025-03-01..2025-05-19 (80 days at 3.10%) and 2025-05-20..2025-08-31 (104 days at 3.00%).
    facts: {
      loanAmount: wan(360),
      loanRate: 3.85,
      interestFrom: "2025-03-01",
      interestTo: "2025-08-31",
      interestPaid: wan(7.084),
      productType: "credit",
    },
    expect: {
      eligible: true,
      amountFen: wan(3.36),
      explains: [
        "2024-10-21起 1年期LPR 3.10%",
        "2025-03-01至2025-05-19,80天",
        "2025-05-20起 1年期LPR 3.00%",
        "2025-05-20至2025-08-31,104天",
        "其60%为3.36万元",
      ],
    },
  },
  {
    name: "a mortgage loan is not a 科技金融 product: not eligible",
    programme: ID,
    facts: { ...DEMO_LOAN, productType: "mortgage", loanRate: 3.5, interestPaid: wan(17.5) },
    expect: { eligible: false, amountFen: 0, conditions: { "product-type": "fail" } },
  },
  {
    name: "started from the loan, last day and interest not yet entered: unknown",
    programme: ID,
    facts: { loanAmount: wan(500), loanRate: 3.85, interestFrom: "2025-06-01", productType: "guarantee" },
    expect: { eligible: "unknown", missing: ["interestPaid", "interestTo"] },
  },
  {
    name: "before the demo period: not in force",
    programme: ID,
    date: "2024-12-31",
    facts: { ...DEMO_LOAN, loanRate: 3.5, interestPaid: wan(17.5) },
    expect: { eligible: false, conditions: { effective: "fail" } },
  },
  {
    name: "after the demo period: expired",
    programme: ID,
    date: "2028-01-01",
    facts: { ...DEMO_LOAN, loanRate: 3.5, interestPaid: wan(17.5) },
    expect: { eligible: false, conditions: { effective: "fail" }, explains: ["有效期至2027-12-31,已到期"] },
  },
]);

export const interestSubsidyParts = { programmes: [loanInterestSubsidy], cases: loanInterestSubsidyCases };
