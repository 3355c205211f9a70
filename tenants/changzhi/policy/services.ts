/**
 * Seed 004 services for small firms and carriers: innovation vouchers usable
 * across regions (4.1.2), support for 双创 carriers (4.2.1, 4.8.1, 4.8.3), IP
 * rights assistance (4.9.3), free use of the enterprise big-data platform
 * (4.9.4) and the zone's 双创 honours (4.13.3). Amounts are not printed.
 */
import { cases, programme } from "../../policy";
import { DOC, IN_FORCE, PERIOD } from "./common";

export const innovationVoucher = programme({
  id: "changzhi-innovation-voucher",
  title: { zh: "科技创新券(跨区域通用通兑)", en: "Innovation vouchers usable across regions" },
  document: DOC,
  clause: "4.1.2",
  excerpt:
    "落实国务院关于科技创新券跨区域“通用通兑”协同机制改革举措,允许中小微企业使用科技创新券异地购买科技服务,引导更多创新资源向中小企业开放共享,支持中小企业广泛开展研发活动。",
  category: "rd",
  applicants: { zh: "高新区中小微企业", kinds: ["enterprise"] },
  facts: [
    {
      name: "smallOrMicro",
      type: "boolean",
      label: { zh: "属于中小微企业", en: "Small, medium or micro enterprise" },
      help: "按国家中小企业划型标准。",
      prefill: { source: "smeStandard" },
    },
  ],
  conditions: [{ id: "sme", label: "中小微企业", test: { test: "equals", fact: "smallOrMicro", value: true } }],
  amount: [{ kind: "inKind", label: "科技创新券可异地购买科技服务(跨区域通用通兑)" }],
  materials: [
    { id: "licence", zh: "营业执照", required: true },
    { id: "service-contract", zh: "科技服务合同及发票", required: true },
    { id: "sme-statement", zh: "企业规模(从业人员、营业收入)情况说明", required: true },
  ],
  note: [
    "本条只允许中小微企业把科技创新券用于异地购买科技服务,不另发放创新券,也未定面额和使用比例,故不列金额。“2021年全年支持中小企业20家以上,服务合同成交额500万元以上;到2022年累计30家以上、1000万元以上;",
    "到2023年累计50家以上、1500万元以上”是全区目标,不是单个企业的条件或上限。",
    PERIOD,
  ].join(""),
});

export const innovationVoucherCases = cases([
  {
    name: "small firm: vouchers usable in other regions, no money promised",
    programme: "changzhi-innovation-voucher",
    date: IN_FORCE,
    facts: { smallOrMicro: true },
    expect: {
      eligible: true,
      amountFen: null,
      explains: ["第四部分(一)第2项", "非资金支持:科技创新券可异地购买科技服务(跨区域通用通兑)"],
    },
  },
  {
    name: "large enterprise: not eligible",
    programme: "changzhi-innovation-voucher",
    date: IN_FORCE,
    facts: { smallOrMicro: false },
    expect: { eligible: false, amountFen: 0, conditions: { sme: "fail" } },
  },
  {
    name: "size not stated: unknown",
    programme: "changzhi-innovation-voucher",
    date: IN_FORCE,
    facts: {},
    expect: { eligible: "unknown", missing: ["smallOrMicro"] },
  },
]);

export const shuangchuangCarrier = programme({
  id: "changzhi-shuangchuang-carrier",
  title: { zh: "双创载体建设与提质支持", en: "Support for incubators and maker spaces" },
  document: DOC,
  clause: "4.8.3",
  excerpt:
    "引导现有众创空间、小微企业创业创新基地、科技企业孵化器、商贸集聚区等双创载体向专业化、精细化升级,提升双创服务能力",
  category: "incubation",
  applicants: {
    zh: "众创空间、小微企业创业创新基地、科技企业孵化器、商贸集聚区等双创载体的运营机构",
    kinds: ["carrier"],
  },
  amount: [
    { kind: "caseByCase", clause: "4.2.1", label: "双创载体建设支持(方式和金额条文未定)" },
    { kind: "inKind", clause: "4.8.1", label: "培育众创空间申报国家备案众创空间、省级众创空间" },
  ],
  materials: [
    { id: "licence", zh: "运营机构营业执照", required: true },
    { id: "carrier-recognition", zh: "双创载体认定或备案文件", required: false },
    { id: "operation-report", zh: "载体运营及在孵企业情况报告", required: true },
    { id: "upgrade-plan", zh: "专业化、精细化升级方案", required: true },
  ],
  note: [
    "第四部分(二)第1项“支持各类特色载体、双创载体、产业园区等建设”未定方式和金额;第四部分(八)第1项点名重点培育清控众创空间申报国家备案众创空间,积木众创空间、中科潞安紫外光电众创空间等申报省级众创空间,",
    "5G电子智造基地申报省级智创城。",
    PERIOD,
  ].join(""),
});

export const shuangchuangCarrierCases = cases([
  {
    name: "maker space upgrading: support at review, cultivation for filing",
    programme: "changzhi-shuangchuang-carrier",
    date: IN_FORCE,
    expect: {
      eligible: true,
      amountFen: null,
      explains: ["第四部分(二)第1项 双创载体建设支持", "第四部分(八)第1项 培育众创空间申报国家备案众创空间"],
    },
  },
]);

export const ipRightsAssistance = programme({
  id: "changzhi-ip-rights-assistance",
  title: { zh: "知识产权维权援助与快速维权", en: "IP rights protection assistance" },
  document: DOC,
  clause: "4.9.3",
  excerpt: "加快建立高新区知识产权维权服务援助机制,打造高效、便捷、低成本的快速维权通道。",
  category: "ip",
  applicants: { zh: "区内企业和科研机构", kinds: ["enterprise", "institution"] },
  amount: [
    { kind: "inKind", label: "知识产权维权服务援助、快速维权通道" },
    { kind: "inKind", label: "重点企业和重点园区设立知识产权服务工作站" },
  ],
  materials: [
    { id: "ip-certificates", zh: "权利证书(专利、商标、著作权等)", required: true },
    { id: "infringement-evidence", zh: "侵权情况说明及证据", required: true },
  ],
  note: `均为服务。到2023年完成知识产权综合服务平台搭建并投入使用。条文提到的质押融资等支持政策只作解读,未承诺具体支持,未单列。${PERIOD}`,
});

export const ipRightsAssistanceCases = cases([
  {
    name: "enterprise facing infringement: assistance in kind",
    programme: "changzhi-ip-rights-assistance",
    date: IN_FORCE,
    expect: { eligible: true, amountFen: null, explains: ["非资金支持:知识产权维权服务援助、快速维权通道"] },
  },
]);

export const bigDataPlatform = programme({
  id: "changzhi-big-data-platform",
  title: { zh: "企业大数据服务平台免费应用", en: "Free use of the enterprise big-data platform" },
  document: DOC,
  clause: "4.9.4",
  excerpt: "通过初期政府购买部分服务,面向全区企业开展服务,初期企业以免费的方式应用企业大数据服务平台的创新综合服务",
  category: "other",
  applicants: { zh: "全区企业", kinds: ["enterprise"] },
  amount: [
    { kind: "inKind", label: "初期免费应用企业大数据服务平台的创新综合服务" },
    { kind: "inKind", label: "为龙头企业建立基于互联网的知识管理中心" },
    { kind: "inKind", label: "为中小企业定制企业宝(定制、诊断式个性化服务)" },
  ],
  materials: [{ id: "licence", zh: "营业执照", required: true }],
  note: `“初期”免费,免费期限条文未定;平台到2023年建成。知识管理中心面向龙头企业、企业宝面向中小企业:用一个事实分支(when)会让没填企业类型的企业连免费应用也得到“无法确定”,故写在服务名称里。${PERIOD}`,
});

export const bigDataPlatformCases = cases([
  {
    name: "any enterprise: free use in the early period",
    programme: "changzhi-big-data-platform",
    date: IN_FORCE,
    expect: {
      eligible: true,
      amountFen: null,
      explains: ["非资金支持:初期免费应用企业大数据服务平台的创新综合服务", "第四部分(九)第4项"],
    },
  },
]);

export const shuangchuangHonours = programme({
  id: "changzhi-shuangchuang-honours",
  title: {
    zh: "十佳创客、优秀众创空间、优秀创新企业评选",
    en: "Zone awards for makers, maker spaces and innovative firms",
  },
  document: DOC,
  clause: "4.13.3",
  excerpt: "通过评选长治高新区十佳创客、优秀众创空间、优秀创新企业等,打造创业创新的新区旗帜标杆",
  category: "award",
  applicants: { zh: "创客、众创空间、创新企业", kinds: ["talent", "carrier", "enterprise"] },
  amount: [{ kind: "inKind", label: "评选表彰(十佳创客、优秀众创空间、优秀创新企业等)" }],
  materials: [
    { id: "nomination", zh: "申报(推荐)表", required: true },
    { id: "achievements", zh: "创新创业成果材料", required: true },
  ],
  note: `条文只写评选,未写奖金,记为荣誉。第四部分(十三)第2项每年举办一次创新创业大赛、中小企业品牌营销创意大赛,奖励条文未定,未单列。${PERIOD}`,
});

export const shuangchuangHonoursCases = cases([
  {
    name: "maker nominated: honour, no prize money stated",
    programme: "changzhi-shuangchuang-honours",
    date: IN_FORCE,
    expect: { eligible: true, amountFen: null, explains: ["非资金支持:评选表彰"] },
  },
]);

export const serviceParts = {
  programmes: [innovationVoucher, shuangchuangCarrier, ipRightsAssistance, bigDataPlatform, shuangchuangHonours],
  cases: [
    ...innovationVoucherCases,
    ...shuangchuangCarrierCases,
    ...ipRightsAssistanceCases,
    ...bigDataPlatformCases,
    ...shuangchuangHonoursCases,
  ],
};
