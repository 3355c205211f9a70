/**
 * Seed 002 part 三(六): the recommended catalogue of independently innovated
 * products (entry, promotion, demonstration, simplified public procurement)
 * and the subsidy on the first purchase of a catalogue product, "按照产品
 * 采购额给予…一定的财政补助": based on the purchase amount, at a rate the
 * plan does not give.
 */
import { cases, programme, wan } from "../../policy";
import { DAY_BEFORE, DOC, ISSUED, PERIOD } from "./common";

const CLAUSE = "3.6";

export const productCatalogue = programme({
  id: "dongying-product-catalogue",
  title: { zh: "重点自主创新产品推荐目录与应用示范", en: "Catalogue of recommended independently innovated products" },
  document: DOC,
  clause: CLAUSE,
  excerpt:
    "组织编制重点自主创新产品(技术、服务)推荐目录,遴选具有自主知识产权、能带动产业发展潜力的重点产品进入推荐目录。建立自主创新产品发布、推介机制,加大对自主创新产品宣传力度,扩大知晓度。实施自主创新产品应用示范计划," +
    "为自主创新产品首次应用提供示范平台。鼓励自主创新产品首购首用,对招标采购金额在国家法定规模标准以下的政府采购和国有投资项目,允许面向目录产品实施单一来源采购或邀请招标。",
  category: "procurement",
  applicants: { zh: "拥有具有自主知识产权、能带动产业发展潜力的重点产品(技术、服务)的企业", kinds: ["enterprise"] },
  facts: [
    {
      name: "ownIp",
      type: "boolean",
      label: { zh: "产品具有自主知识产权", en: "Product with own intellectual property" },
      help: "专利、软件著作权等由申报企业所有或独占许可。",
    },
    {
      name: "industryPotential",
      type: "boolean",
      label: { zh: "产品具有带动产业发展的潜力", en: "Product can drive industry development" },
      help: "由遴选评审认定,此处按企业情况如实填写。",
    },
  ],
  conditions: [
    { id: "own-ip", label: "具有自主知识产权", test: { test: "equals", fact: "ownIp", value: true } },
    {
      id: "industry-potential",
      label: "能带动产业发展潜力",
      test: { test: "equals", fact: "industryPotential", value: true },
    },
  ],
  amount: [
    { kind: "inKind", label: "进入重点自主创新产品推荐目录并发布推介" },
    { kind: "inKind", label: "自主创新产品应用示范计划(首次应用示范平台)" },
    { kind: "inKind", label: "国家法定规模标准以下的政府采购和国有投资项目可面向目录产品单一来源采购或邀请招标" },
  ],
  materials: [
    { id: "ip-certificates", zh: "知识产权证书(专利、软件著作权等)", required: true },
    { id: "product-description", zh: "产品(技术、服务)说明及检测报告", required: true },
    { id: "market-statement", zh: "产品应用及带动产业发展情况说明", required: true },
  ],
  note: `均为非资金支持。“国家法定规模标准”的金额本方案未列,按国家政府采购规定执行。${PERIOD}`,
});

export const productCatalogueCases = cases([
  {
    name: "own IP, drives industry: catalogue entry and procurement access",
    programme: "dongying-product-catalogue",
    facts: { ownIp: true, industryPotential: true },
    expect: {
      eligible: true,
      amountFen: null,
      explains: ["第三部分(六)", "非资金支持:进入重点自主创新产品推荐目录并发布推介"],
    },
  },
  {
    name: "no own IP: not eligible",
    programme: "dongying-product-catalogue",
    facts: { ownIp: false, industryPotential: true },
    expect: { eligible: false, conditions: { "own-ip": "fail", "industry-potential": "pass" } },
  },
  {
    name: "no industry potential: not eligible",
    programme: "dongying-product-catalogue",
    facts: { ownIp: true, industryPotential: false },
    expect: { eligible: false, conditions: { "industry-potential": "fail" } },
  },
  {
    name: "potential not stated: unknown",
    programme: "dongying-product-catalogue",
    facts: { ownIp: true },
    expect: { eligible: "unknown", missing: ["industryPotential"] },
  },
]);

export const firstPurchase = programme({
  id: "dongying-first-purchase",
  title: { zh: "自主创新产品首购首用财政补助", en: "Subsidy for the first purchase of catalogue products" },
  document: DOC,
  clause: CLAUSE,
  excerpt:
    "鼓励企业应用自主创新产品,对企业首批(次)购买推荐目录内的自主创新产品,按照产品采购额给予用户方或者供给方一定的财政补助。",
  category: "procurement",
  applicants: { zh: "首批(次)购买推荐目录内自主创新产品的企业(用户方),或该产品的供给方", kinds: ["enterprise"] },
  facts: [
    {
      name: "inCatalogue",
      type: "boolean",
      label: { zh: "所购产品在重点自主创新产品推荐目录内", en: "Product is in the recommended catalogue" },
    },
    {
      name: "firstPurchase",
      type: "boolean",
      label: { zh: "为首批(次)购买", en: "First batch (first time) purchase" },
      help: "用户方首次购买该目录产品。",
    },
    {
      name: "buyerIsEnterprise",
      type: "boolean",
      label: { zh: "购买方为企业", en: "The buyer is an enterprise" },
      help: "本补助针对企业购买;政府采购和国有投资项目适用单一来源采购或邀请招标的规定。",
    },
    {
      name: "purchaseAmountFen",
      type: "money",
      label: { zh: "产品采购额", en: "Purchase amount" },
      help: "采购合同金额(以发票为准);补助按采购额核定,比例条文未定。",
    },
  ],
  conditions: [
    {
      id: "in-catalogue",
      label: "推荐目录内的自主创新产品",
      test: { test: "equals", fact: "inCatalogue", value: true },
    },
    { id: "first-purchase", label: "首批(次)购买", test: { test: "equals", fact: "firstPurchase", value: true } },
    { id: "buyer-enterprise", label: "企业购买", test: { test: "equals", fact: "buyerIsEnterprise", value: true } },
  ],
  amount: [{ kind: "caseByCase", label: "按产品采购额给予用户方或者供给方的财政补助" }],
  materials: [
    { id: "purchase-contract", zh: "采购合同及发票", required: true },
    { id: "catalogue-listing", zh: "产品列入推荐目录的证明", required: true },
    { id: "first-purchase-statement", zh: "首批(次)购买说明", required: true },
    { id: "acceptance", zh: "产品交付验收证明", required: true },
  ],
  note: `条文只说“一定的财政补助”,未给比例或上限,故不计算金额,采购额用于评审核定。“用户方或者供给方”:同一笔采购补给其中一方。同条“支持购买首台(套)产品”未定支持方式,未单列。${PERIOD}`,
});

export const firstPurchaseCases = cases([
  {
    name: "first purchase of a catalogue product for 80万: subsidy set at review",
    programme: "dongying-first-purchase",
    facts: { inCatalogue: true, firstPurchase: true, buyerIsEnterprise: true, purchaseAmountFen: wan(80) },
    expect: {
      eligible: true,
      amountFen: null,
      explains: ["按产品采购额给予用户方或者供给方的财政补助:政策未规定具体金额,金额经评审确定"],
    },
  },
  {
    name: "product not in the catalogue: not eligible",
    programme: "dongying-first-purchase",
    facts: { inCatalogue: false, firstPurchase: true, buyerIsEnterprise: true, purchaseAmountFen: wan(80) },
    expect: { eligible: false, amountFen: 0, conditions: { "in-catalogue": "fail" } },
  },
  {
    name: "repeat purchase: not the first batch",
    programme: "dongying-first-purchase",
    facts: { inCatalogue: true, firstPurchase: false, buyerIsEnterprise: true, purchaseAmountFen: wan(80) },
    expect: { eligible: false, conditions: { "first-purchase": "fail" } },
  },
  {
    name: "bought by a public body, not an enterprise: not this subsidy",
    programme: "dongying-first-purchase",
    facts: { inCatalogue: true, firstPurchase: true, buyerIsEnterprise: false, purchaseAmountFen: wan(80) },
    expect: { eligible: false, conditions: { "buyer-enterprise": "fail" } },
  },
  {
    name: "purchase amount missing: unknown, asks for it",
    programme: "dongying-first-purchase",
    facts: { inCatalogue: true, firstPurchase: true, buyerIsEnterprise: true },
    expect: { eligible: "unknown", missing: ["purchaseAmountFen"] },
  },
  {
    name: "first-purchase, the day before the notice: not yet in force",
    programme: "dongying-first-purchase",
    date: DAY_BEFORE,
    facts: { inCatalogue: true, firstPurchase: true, buyerIsEnterprise: true, purchaseAmountFen: wan(80) },
    expect: { eligible: false, conditions: { effective: "fail" } },
  },
  {
    name: "first-purchase, the day of the notice: in force",
    programme: "dongying-first-purchase",
    date: ISSUED,
    facts: { inCatalogue: true, firstPurchase: true, buyerIsEnterprise: true, purchaseAmountFen: wan(80) },
    expect: { eligible: true, amountFen: null },
  },
]);

export const productParts = {
  programmes: [productCatalogue, firstPurchase],
  cases: [...productCatalogueCases, ...firstPurchaseCases],
};
