/**
 * Seed 001 4.4.3: technology-transfer institutions (最高200万元 for a
 * demonstration national institution; 最高50万元 by transfer performance), and
 * part 五's support for attracting institutions: 5.2 (不低于1亿元 for a whole
 * university or national research institute moving in; 最高5000万元 for R&D
 * headquarters) and 5.4 (一事一议 for platforms built by top talent).
 */
import { cases, programme, wan } from "../../../policy";

const DOC = "zibo-innovation-platforms-2020";

export const techTransferAward = programme({
  id: "zibo-tech-transfer-award",
  title: { zh: "示范性国家技术转移机构奖励", en: "Award for national demonstration technology-transfer institutions" },
  document: DOC,
  clause: "4.4.3",
  excerpt: "对示范性国家技术转移机构,市财政给予最高200万元奖励",
  category: "transfer",
  applicants: { zh: "示范性国家技术转移机构", kinds: ["agency", "institution"] },
  facts: [
    {
      name: "nationalDemo",
      type: "boolean",
      label: { zh: "为示范性国家技术转移机构", en: "National demonstration technology-transfer institution" },
      help: "以国家科技主管部门的认定文件为准。",
    },
  ],
  conditions: [
    {
      id: "national-demo",
      label: "示范性国家技术转移机构",
      test: { test: "equals", fact: "nationalDemo", value: true },
    },
  ],
  amount: [{ kind: "fixed", label: "示范性国家技术转移机构奖励", fen: wan(200), upTo: true }],
  materials: [
    { id: "recognition", zh: "示范性国家技术转移机构认定文件", required: true },
    { id: "performance", zh: "技术转移服务业绩报告", required: true },
  ],
  note: "“最高200万元”是上限,具体金额经评审确定。条文未规定是否只奖励一次,本项不设跨年限额。",
});

export const techTransferAwardCases = cases([
  {
    name: "national demonstration institution: up to 200万",
    programme: "zibo-tech-transfer-award",
    facts: { nationalDemo: true },
    expect: {
      eligible: true,
      amountFen: null,
      range: { minFen: 0, maxFen: wan(200) },
      explains: ["第四部分(四)第3项"],
    },
  },
  {
    name: "not a national demonstration institution: not eligible",
    programme: "zibo-tech-transfer-award",
    facts: { nationalDemo: false },
    expect: { eligible: false, amountFen: 0, conditions: { "national-demo": "fail" } },
  },
  {
    name: "not stated: unknown",
    programme: "zibo-tech-transfer-award",
    facts: {},
    expect: { eligible: "unknown", missing: ["nationalDemo"] },
  },
]);

export const techTransferPerformance = programme({
  id: "zibo-tech-transfer-performance",
  title: { zh: "技术转移机构绩效补助", en: "Performance subsidy for technology-transfer institutions" },
  document: DOC,
  clause: "4.4.3",
  excerpt: "对符合条件的技术转移机构,按照科技成果转化绩效,给予最高50万元补助。",
  category: "transfer",
  applicants: { zh: "符合条件的技术转移机构", kinds: ["agency", "institution"] },
  facts: [
    {
      name: "qualifiedTransferAgency",
      type: "boolean",
      label: { zh: "为符合条件的技术转移机构", en: "Qualifying technology-transfer institution" },
    },
  ],
  conditions: [
    {
      id: "qualified",
      label: "符合条件的技术转移机构",
      test: { test: "equals", fact: "qualifiedTransferAgency", value: true },
    },
  ],
  amount: [{ kind: "fixed", label: "按科技成果转化绩效给予补助", fen: wan(50), upTo: true }],
  materials: [
    { id: "registration", zh: "技术转移机构登记或备案材料", required: true },
    { id: "performance", zh: "科技成果转化绩效材料(技术合同登记、成交额、转化项目等)", required: true },
  ],
  note: "金额按科技成果转化绩效评定,最高50万元。条文未给绩效与金额的对应办法,故只给出上限。",
});

export const techTransferPerformanceCases = cases([
  {
    name: "qualifying institution: up to 50万 by performance",
    programme: "zibo-tech-transfer-performance",
    facts: { qualifiedTransferAgency: true },
    expect: { eligible: true, amountFen: null, range: { minFen: 0, maxFen: wan(50) } },
  },
  {
    name: "not qualifying: not eligible",
    programme: "zibo-tech-transfer-performance",
    facts: { qualifiedTransferAgency: false },
    expect: { eligible: false, amountFen: 0 },
  },
]);

export const wholeInstitution = programme({
  id: "zibo-whole-institution-attraction",
  title: {
    zh: "整建制引进高等院校、国家级科研机构支持",
    en: "Support for relocating a whole university or national research institute",
  },
  document: DOC,
  clause: "5.2",
  excerpt: "对整建制引进的国内外高等院校、国家级科研机构,给予不低于1亿元支持",
  category: "platform",
  applicants: { zh: "整建制引进的国内外高等院校、国家级科研机构", kinds: ["institution"] },
  facts: [
    {
      name: "wholeRelocation",
      type: "boolean",
      label: {
        zh: "为整建制引进的国内外高等院校或国家级科研机构",
        en: "A whole university or national research institute relocated here",
      },
    },
  ],
  conditions: [
    {
      id: "whole-relocation",
      label: "整建制引进的国内外高等院校、国家级科研机构",
      test: { test: "equals", fact: "wholeRelocation", value: true },
    },
  ],
  amount: [
    { kind: "fixed", label: "不低于1亿元支持(下限)", fen: wan(10000) },
    { kind: "caseByCase", label: "1亿元以上部分按引进协议确定" },
  ],
  materials: [
    { id: "agreement", zh: "整建制引进协议", required: true },
    { id: "qualification", zh: "高等院校办学许可或国家级科研机构证明", required: true },
  ],
  note: "“不低于1亿元”是只有下限、没有上限的金额;规则格式没有“下限且上不封顶”的形式,故写作1亿元的下限加一项按协议确定的部分,结果不给出确定金额。",
});

export const wholeInstitutionCases = cases([
  {
    name: "whole university relocated: at least 1亿, the rest by agreement",
    programme: "zibo-whole-institution-attraction",
    facts: { wholeRelocation: true },
    expect: { eligible: true, amountFen: null, explains: ["不低于1亿元支持(下限)", "金额经评审确定"] },
  },
  {
    name: "a branch, not a whole institution: not eligible",
    programme: "zibo-whole-institution-attraction",
    facts: { wholeRelocation: false },
    expect: { eligible: false, amountFen: 0 },
  },
]);

export const rdHeadquarters = programme({
  id: "zibo-rd-headquarters-attraction",
  title: {
    zh: "知名大学院所、世界500强在淄设立研发总部或研发机构支持",
    en: "Support for R&D headquarters set up by leading universities, institutes or Fortune 500 firms",
  },
  document: DOC,
  clause: "5.2",
  excerpt:
    "对国内外知名大学和科研院所、世界500强企业等在淄设立或共建的符合条件的研发总部或研发机构,给予最高5000万元支持。",
  category: "platform",
  applicants: {
    zh: "国内外知名大学和科研院所、世界500强企业等在淄设立或共建的符合条件的研发总部或研发机构",
    kinds: ["institution", "enterprise"],
  },
  facts: [
    {
      name: "qualifiedRdHq",
      type: "boolean",
      label: {
        zh: "为知名大学院所、世界500强企业等在淄设立或共建的符合条件的研发总部或研发机构",
        en: "Qualifying R&D headquarters or institution set up in Zibo",
      },
    },
  ],
  conditions: [
    {
      id: "qualified",
      label: "在淄设立或共建的符合条件的研发总部或研发机构",
      test: { test: "equals", fact: "qualifiedRdHq", value: true },
    },
  ],
  amount: [{ kind: "fixed", label: "研发总部或研发机构支持", fen: wan(5000), upTo: true }],
  materials: [
    { id: "agreement", zh: "设立或共建协议", required: true },
    { id: "founder-proof", zh: "设立方为知名大学、科研院所或世界500强企业的证明", required: true },
    { id: "registration", zh: "研发总部或研发机构登记证明", required: true },
  ],
});

export const rdHeadquartersCases = cases([
  {
    name: "qualifying R&D headquarters: up to 5000万",
    programme: "zibo-rd-headquarters-attraction",
    facts: { qualifiedRdHq: true },
    expect: { eligible: true, amountFen: null, range: { minFen: 0, maxFen: wan(5000) }, explains: ["第五部分(二)"] },
  },
  {
    name: "not qualifying: not eligible",
    programme: "zibo-rd-headquarters-attraction",
    facts: { qualifiedRdHq: false },
    expect: { eligible: false, amountFen: 0 },
  },
]);

export const talentPlatform = programme({
  id: "zibo-talent-major-platform",
  title: {
    zh: "高层次人才新建重大创新平台支持(一事一议)",
    en: "Case-by-case support for major platforms built by top talent",
  },
  document: DOC,
  clause: "5.4",
  excerpt:
    "对引进中国科学院院士、中国工程院院士、教育部领军人才项目、泰山学者等高层次人才新建科技创新平台或引进的国家级平台分中心等重大创新平台,可按“一事一议”给予重点支持",
  category: "talent",
  applicants: {
    zh: "引进院士、教育部领军人才项目、泰山学者等高层次人才新建科技创新平台或引进国家级平台分中心的单位",
    kinds: ["enterprise", "institution", "talent"],
  },
  facts: [
    {
      name: "majorTalentPlatform",
      type: "boolean",
      label: {
        zh: "为引进高层次人才新建的科技创新平台或引进的国家级平台分中心等重大创新平台",
        en: "Major platform built by recruited top talent, or a national platform branch",
      },
    },
  ],
  conditions: [
    {
      id: "major-platform",
      label: "高层次人才新建科技创新平台或引进的国家级平台分中心等重大创新平台",
      test: { test: "equals", fact: "majorTalentPlatform", value: true },
    },
  ],
  amount: [{ kind: "caseByCase", label: "重大创新平台重点支持" }],
  materials: [
    { id: "talent-proof", zh: "高层次人才身份证明(院士、教育部领军人才、泰山学者等)", required: true },
    { id: "platform-plan", zh: "创新平台建设方案或国家级平台分中心设立文件", required: true },
  ],
});

export const talentPlatformCases = cases([
  {
    name: "academician-led platform: 一事一议",
    programme: "zibo-talent-major-platform",
    facts: { majorTalentPlatform: true },
    expect: { eligible: true, amountFen: null, explains: ["一事一议"] },
  },
  {
    name: "not such a platform: not eligible",
    programme: "zibo-talent-major-platform",
    facts: { majorTalentPlatform: false },
    expect: { eligible: false, amountFen: 0 },
  },
]);

export const transferParts = {
  programmes: [techTransferAward, techTransferPerformance, wholeInstitution, rdHeadquarters, talentPlatform],
  cases: [
    ...techTransferAwardCases,
    ...techTransferPerformanceCases,
    ...wholeInstitutionCases,
    ...rdHeadquartersCases,
    ...talentPlatformCases,
  ],
};
