/**
 * Seed 004 part 四(九)2 and 四(十二): financing matching through the
 * government–bank–enterprise platform, the online finance supermarket and the
 * technology finance platform; special support for listing and bond finance;
 * investment by the zone's industry sub-funds. No rates or amounts are printed.
 */
import { cases, programme } from "../../policy";
import { DOC, IN_FORCE, PERIOD } from "./common";

export const financingMatch = programme({
  id: "changzhi-financing-match",
  title: { zh: "企业融资需求推介与银企对接", en: "Financing needs matched with banks" },
  document: DOC,
  clause: "4.12.3",
  excerpt:
    "一是建立企业融资需求信息库,定期对企业资金需求情况统计汇总,通过各种形式定期向金融机构进行推介,形成信息共享机制。二是加强银企对接,多形式开展银企对接会、金融产品推介会、金融超市、金融帮扶等银企对接活动,加强银企信息沟通," +
    "推动银企合作共赢。三是推动金融创新,针对企业担保难、贷款难问题,引导金融机构在做好传统信贷业务的同时,积极创新金融产品、创新金融服务,针对科技企业特点的金融产品——“科技助保贷”、“科技信用贷”、“科技快速贷”等," +
    "以满足不同行业、不同层次融资主体的金融服务需求。",
  category: "finance",
  applicants: { zh: "有融资需求的企业(科技企业可申请科技助保贷、科技信用贷、科技快速贷等产品)", kinds: ["enterprise"] },
  amount: [
    { kind: "inKind", label: "纳入企业融资需求信息库并向金融机构推介" },
    { kind: "inKind", label: "银企对接会、金融产品推介会、金融超市、金融帮扶等银企对接活动" },
    { kind: "inKind", label: "“科技助保贷”“科技信用贷”“科技快速贷”等科技金融产品" },
    { kind: "inKind", clause: "4.12.4", label: "长治网络金融超市一体化、定制化融资解决方案" },
    { kind: "inKind", clause: "4.9.2", label: "科技金融服务平台互联网融资服务(“信用标、质押标、创新标”等融资产品)" },
  ],
  materials: [
    { id: "financing-need", zh: "融资需求表(金额、用途、期限、可提供的担保)", required: true },
    { id: "licence", zh: "营业执照", required: true },
    { id: "financial-statements", zh: "近两年财务报表", required: true },
  ],
  note: [
    "均为对接服务和金融机构的产品,不是补助;贷款额度、利率由金融机构确定,条文未定。科技金融服务平台到2023年年服务企业50家以上是全区目标。第四部分(十二)第1项对天使投资、创业投资、知识产权质押贷款等只作鼓励,",
    "未承诺申请人可得的具体支持,未单列。",
    PERIOD,
  ].join(""),
});

export const financingMatchCases = cases([
  {
    name: "enterprise with a financing need: matching services in kind",
    programme: "changzhi-financing-match",
    date: IN_FORCE,
    expect: {
      eligible: true,
      amountFen: null,
      explains: [
        "第四部分(十二)第3项 纳入企业融资需求信息库并向金融机构推介",
        "第四部分(十二)第4项 长治网络金融超市",
        "第四部分(九)第2项 科技金融服务平台",
      ],
    },
  },
]);

export const listingSupport = programme({
  id: "changzhi-listing-support",
  title: { zh: "企业挂牌上市和债券融资专项扶持", en: "Special support for listing and bond finance" },
  document: DOC,
  clause: "4.12.1",
  excerpt: "继续支持企业进入资本市场、债券市场融资,制定出台专项扶持政策,力争在企业挂牌上市方面取得新的突破。",
  category: "finance",
  applicants: { zh: "进入资本市场、债券市场融资(挂牌、上市、发行债券)的企业", kinds: ["enterprise"] },
  facts: [
    {
      name: "capitalMarketStep",
      type: "choice",
      label: { zh: "资本市场融资事项", en: "Capital market step" },
      options: [
        { value: "listing", zh: "挂牌或上市", en: "Listing (incl. quotation on an equity market)" },
        { value: "bond", zh: "发行债券", en: "Bond issue" },
        { value: "none", zh: "暂无", en: "None yet" },
      ],
    },
  ],
  conditions: [
    {
      id: "capital-market",
      label: "进入资本市场、债券市场融资",
      test: { test: "oneOf", fact: "capitalMarketStep", values: ["listing", "bond"] },
    },
  ],
  amount: [{ kind: "caseByCase", label: "挂牌上市和债券融资专项扶持(标准由专项扶持政策规定)" }],
  materials: [
    { id: "listing-evidence", zh: "挂牌、上市受理或核准文件,或债券发行文件", required: true },
    { id: "licence", zh: "营业执照", required: true },
  ],
  note: `扶持标准待“制定出台专项扶持政策”规定,本方案未列金额。${PERIOD}`,
});

export const listingSupportCases = cases([
  {
    name: "enterprise listing: special support set by the special policy",
    programme: "changzhi-listing-support",
    date: IN_FORCE,
    facts: { capitalMarketStep: "listing" },
    expect: { eligible: true, amountFen: null, explains: ["资本市场融资事项:挂牌或上市", "金额经评审确定"] },
  },
  {
    name: "bond issue: eligible",
    programme: "changzhi-listing-support",
    date: IN_FORCE,
    facts: { capitalMarketStep: "bond" },
    expect: { eligible: true, amountFen: null },
  },
  {
    name: "no capital market step yet: not eligible",
    programme: "changzhi-listing-support",
    date: IN_FORCE,
    facts: { capitalMarketStep: "none" },
    expect: { eligible: false, conditions: { "capital-market": "fail" } },
  },
  {
    name: "not given: unknown",
    programme: "changzhi-listing-support",
    date: IN_FORCE,
    facts: {},
    expect: { eligible: "unknown", missing: ["capitalMarketStep"] },
  },
]);

export const industryFund = programme({
  id: "changzhi-industry-fund",
  title: { zh: "高新技术产业投资子基金投资(基金招商)", en: "Investment by the zone's high-tech industry sub-funds" },
  document: DOC,
  clause: "4.12.2",
  excerpt:
    "采用“母子基金”模式,选择国内比较知名的产业投资基金或创投基金,以及其他具有投资管理经验的机构投资者合资,发起成立先进制造、新一代信息技术、新材料等高新技术产业投资子基金,采用“基金招商”模式," +
    "吸引国内外重点项目落户长治高新区。",
  category: "finance",
  applicants: {
    zh: "落户长治高新区的国内外重点项目(先进制造、新一代信息技术、新材料等高新技术产业)",
    kinds: ["enterprise"],
  },
  facts: [
    { name: "settlesInZone", type: "boolean", label: { zh: "项目落户长治高新区", en: "Project settles in the zone" } },
  ],
  conditions: [
    {
      id: "settles-in-zone",
      label: "项目落户长治高新区",
      test: { test: "equals", fact: "settlesInZone", value: true },
    },
  ],
  amount: [{ kind: "inKind", label: "产业投资子基金股权投资(投资额由基金按投资决策确定,不是补助)" }],
  materials: [
    { id: "business-plan", zh: "商业计划书", required: true },
    { id: "settlement-agreement", zh: "项目落户协议或意向书", required: true },
    { id: "financial-statements", zh: "财务报表", required: true },
  ],
  note: `投资额由子基金按市场化方式决策,条文未定。所列产业带“等”,不是封闭名单,故不设为条件。${PERIOD}`,
});

export const industryFundCases = cases([
  {
    name: "project settling in the zone: investment by the fund, not a grant",
    programme: "changzhi-industry-fund",
    date: IN_FORCE,
    facts: { settlesInZone: true },
    expect: {
      eligible: true,
      amountFen: null,
      explains: ["非资金支持:产业投资子基金股权投资(投资额由基金按投资决策确定,不是补助)"],
    },
  },
  {
    name: "project not settling here: not eligible",
    programme: "changzhi-industry-fund",
    date: IN_FORCE,
    facts: { settlesInZone: false },
    expect: { eligible: false, conditions: { "settles-in-zone": "fail" } },
  },
]);

export const financeParts = {
  programmes: [financingMatch, listingSupport, industryFund],
  cases: [...financingMatchCases, ...listingSupportCases, ...industryFundCases],
};
