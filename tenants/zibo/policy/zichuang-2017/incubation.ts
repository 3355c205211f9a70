/**
 * Seed 000 part 四 (clauses 6–8): incubation carriers — new recognitions,
 * rent-free space and service activities in the zone's innovation parks, and
 * the overseas incubators.
 */
import { cases, programme, wan } from "../../../policy";

const DOC = "zibo-zichuang-2017";
const NATIONAL_PROVINCIAL = [
  { value: "national", zh: "国家级", en: "National" },
  { value: "provincial", zh: "省级", en: "Provincial" },
];

export const incubatorRecognition = programme({
  id: "zibo-incubator-recognition",
  title: { zh: "孵化载体新认定扶持", en: "Award for newly recognised incubation carriers" },
  document: DOC,
  clause: "6",
  excerpt:
    "对社会资本投资建设的孵化载体,新认定为国家级、省级众创空间和星创天地的,分别给予30万元和10万元的扶持资金;新认定为国家级、省级科技企业孵化器的,分别给予50万元和30万元的扶持资金。",
  category: "incubation",
  applicants: {
    zh: "社会资本投资建设、新认定为国家级或省级众创空间、星创天地、科技企业孵化器的孵化载体",
    kinds: ["carrier"],
  },
  facts: [
    {
      name: "privateCapital",
      type: "boolean",
      label: { zh: "是否由社会资本投资建设", en: "Built with private capital" },
    },
    {
      name: "carrierType",
      type: "choice",
      label: { zh: "新认定的载体类型", en: "Type of carrier recognised" },
      options: [
        { value: "makerspace", zh: "众创空间或星创天地", en: "Maker space or Star Innovation Space" },
        { value: "incubator", zh: "科技企业孵化器", en: "Technology business incubator" },
      ],
    },
    {
      name: "level",
      type: "choice",
      label: { zh: "新认定的级别", en: "Level of the recognition" },
      options: NATIONAL_PROVINCIAL,
    },
  ],
  conditions: [
    {
      id: "private-capital",
      label: "孵化载体由社会资本投资建设",
      test: { test: "equals", fact: "privateCapital", value: true },
    },
  ],
  amount: [
    {
      kind: "when",
      fact: "carrierType",
      equals: "makerspace",
      then: [
        {
          kind: "byChoice",
          label: "新认定众创空间、星创天地",
          fact: "level",
          amounts: { national: wan(30), provincial: wan(10) },
        },
      ],
      otherwise: [
        {
          kind: "byChoice",
          label: "新认定科技企业孵化器",
          fact: "level",
          amounts: { national: wan(50), provincial: wan(30) },
        },
      ],
    },
  ],
  limits: [
    {
      kind: "once",
      label: "每次新认定扶持一次",
      per: ["carrierType"],
      upgrade: { fact: "level", order: ["provincial", "national"] },
    },
  ],
  note: "“新认定”的扶持每次认定给予一次:同一载体类型、同一级别已获扶持的不再给予;省级升为国家级、或众创空间之外另认定为孵化器的,属另一认定(此前记录须载明类型和级别)。",
  materials: [
    { id: "recognition-document", zh: "国家级或省级认定文件", required: true },
    { id: "investment-proof", zh: "社会资本投资建设证明(出资、建设投入凭证)", required: true },
  ],
});

export const incubatorSpace = programme({
  id: "zibo-incubator-space",
  title: { zh: "创新型孵化器免租用房", en: "Rent-free space for innovative incubators" },
  document: DOC,
  clause: "7",
  excerpt:
    "对由高新区管委会投资建设的各类创新园内设立的众创空间、创业苗圃、创客实验室、创业咖啡等创新型孵化器,给予300平方米三年免房租的支持,超出部分享受孵化企业待遇。",
  category: "incubation",
  applicants: {
    zh: "在高新区管委会投资建设的各类创新园内设立的众创空间、创业苗圃、创客实验室、创业咖啡等创新型孵化器",
    kinds: ["carrier"],
  },
  amount: [{ kind: "inKind", label: "300平方米三年免房租,超出部分享受孵化企业待遇" }],
  materials: [
    { id: "lease-agreement", zh: "创新园用房租赁协议", required: true },
    { id: "incubator-profile", zh: "孵化器运营情况说明", required: true },
  ],
});

export const incubatorActivities = programme({
  id: "zibo-incubator-activities",
  title: { zh: "孵化载体科技服务活动扶持", en: "Support for incubators' startup events" },
  document: DOC,
  clause: "7",
  excerpt:
    "对各类孵化载体举办的创业沙龙、融资路演、创新创业大赛等科技服务活动,经认定,给予活动费用50%、每年最高30万元的扶持资金。",
  category: "incubation",
  applicants: { zh: "举办创业沙龙、融资路演、创新创业大赛等科技服务活动并经认定的各类孵化载体", kinds: ["carrier"] },
  facts: [
    {
      name: "activityCostFen",
      type: "money",
      label: { zh: "经认定的活动费用", en: "Recognised event costs" },
      help: "本年度举办的创业沙龙、融资路演、创新创业大赛等活动经认定的费用合计。",
    },
  ],
  amount: [{ kind: "percent", label: "活动费用的50%", base: { fact: "activityCostFen" }, percent: 50 }],
  limits: [{ kind: "perEnterprisePerYear", label: "每年最高30万元", fen: wan(30) }],
  materials: [
    { id: "activity-records", zh: "活动方案、通知、签到表和现场照片", required: true },
    { id: "cost-vouchers", zh: "活动费用支出凭证", required: true },
  ],
});

const overseasFacts = [
  {
    name: "rentFen",
    type: "money" as const,
    label: { zh: "海外孵化器研发用房租金", en: "R&D space rent in the overseas incubator" },
    help: "本年度实际支付的研发用房租金。",
  },
  {
    name: "platformFeeFen",
    type: "money" as const,
    label: { zh: "公共技术服务平台使用费用", en: "Public technical service platform fees" },
    help: "本年度实际支付的公共技术服务平台使用费用。",
  },
];
const overseasAmount = [
  // One percentage of the two costs together, rounded once, as the clause names them together.
  {
    kind: "percent" as const,
    label: "研发用房租金、公共技术服务平台使用费用的50%",
    base: { sum: ["rentFen", "platformFeeFen"] },
    percent: 50,
  },
];
const overseasMaterials = [
  { id: "lease-agreement", zh: "海外孵化器研发用房租赁合同", required: true },
  { id: "payment-vouchers", zh: "租金和平台使用费用支付凭证", required: true },
];

export const overseasTalentProject = programme({
  id: "zibo-overseas-talent-project",
  title: { zh: "海外孵化器人才项目费用补贴", en: "Overseas incubator costs of talent projects" },
  document: DOC,
  clause: "8",
  excerpt:
    "对于入驻海外孵化器的科技含量高、技术成熟、产品市场前景好的海外高层次人才项目,项目团队以书面形式承诺三年内将项目落户于高新区的,在海外孵化器三年内给予研发用房租金、公共技术服务平台使用费用50%的补贴。",
  category: "incubation",
  applicants: { zh: "入驻海外孵化器的科技含量高、技术成熟、产品市场前景好的海外高层次人才项目团队", kinds: ["talent"] },
  facts: [
    {
      name: "commitmentSigned",
      type: "boolean",
      label: {
        zh: "项目团队是否已书面承诺三年内将项目落户高新区",
        en: "Written commitment to move to the zone within three years",
      },
    },
    ...overseasFacts,
  ],
  conditions: [
    {
      id: "commitment",
      label: "项目团队以书面形式承诺三年内将项目落户于高新区",
      test: { test: "equals", fact: "commitmentSigned", value: true },
    },
  ],
  amount: overseasAmount,
  limits: [{ kind: "maxYears", label: "在海外孵化器三年内给予补贴", years: 3 }],
  materials: [{ id: "commitment-letter", zh: "三年内落户高新区的书面承诺书", required: true }, ...overseasMaterials],
  note: "租金和平台使用费用各按50%计算后相加;“三年内”按最多补贴三个年度处理。",
});

export const overseasRdInstitution = programme({
  id: "zibo-overseas-rd-institution",
  title: { zh: "企业海外孵化器研发机构费用补贴", en: "Overseas incubator costs of enterprise R&D units" },
  document: DOC,
  clause: "8",
  excerpt: "企业在海外孵化器设立研发机构,三年内给予研发用房租金、公共技术服务平台使用费用50%的补贴。",
  category: "incubation",
  applicants: { zh: "在海外孵化器设立研发机构的企业", kinds: ["enterprise"] },
  facts: overseasFacts,
  amount: overseasAmount,
  limits: [{ kind: "maxYears", label: "三年内给予补贴", years: 3 }],
  materials: [{ id: "rd-unit-proof", zh: "在海外孵化器设立研发机构的证明文件", required: true }, ...overseasMaterials],
  note: "租金和平台使用费用各按50%计算后相加;“三年内”按最多补贴三个年度处理。",
});

const recog = "zibo-incubator-recognition";
const act = "zibo-incubator-activities";
const talent = "zibo-overseas-talent-project";
const rdUnit = "zibo-overseas-rd-institution";

export const incubationCases = cases([
  {
    name: "national maker space built with private capital: 30万",
    programme: recog,
    facts: { privateCapital: true, carrierType: "makerspace", level: "national" },
    expect: { eligible: true, amountFen: wan(30), explains: ["第六条", "国家级"] },
  },
  {
    name: "provincial maker space or 星创天地: 10万",
    programme: recog,
    facts: { privateCapital: true, carrierType: "makerspace", level: "provincial" },
    expect: { eligible: true, amountFen: wan(10) },
  },
  {
    name: "national incubator: 50万",
    programme: recog,
    facts: { privateCapital: true, carrierType: "incubator", level: "national" },
    expect: { eligible: true, amountFen: wan(50) },
  },
  {
    name: "provincial incubator: 30万",
    programme: recog,
    facts: { privateCapital: true, carrierType: "incubator", level: "provincial" },
    expect: { eligible: true, amountFen: wan(30) },
  },
  {
    name: "carrier not built with private capital: not eligible",
    programme: recog,
    facts: { privateCapital: false, carrierType: "incubator", level: "national" },
    expect: { eligible: false, amountFen: 0, conditions: { "private-capital": "fail" } },
  },
  {
    name: "level missing: unknown",
    programme: recog,
    facts: { privateCapital: true, carrierType: "incubator" },
    expect: { eligible: "unknown", amountFen: null, missing: ["level"] },
  },
  {
    name: "provincial incubator in 2024, national incubator now: an upgrade, 50万",
    programme: recog,
    facts: { privateCapital: true, carrierType: "incubator", level: "national" },
    history: [
      { programme: recog, year: 2024, amountFen: wan(30), facts: { carrierType: "incubator", level: "provincial" } },
    ],
    expect: { eligible: true, amountFen: wan(50), conditions: { "limit-1-once": "pass" } },
  },
  {
    name: "national incubator again: a repeat",
    programme: recog,
    facts: { privateCapital: true, carrierType: "incubator", level: "national" },
    history: [
      { programme: recog, year: 2024, amountFen: wan(50), facts: { carrierType: "incubator", level: "national" } },
    ],
    expect: { eligible: false, amountFen: 0, conditions: { "limit-1-once": "fail" } },
  },
  {
    name: "a maker space earlier, an incubator now: another recognition",
    programme: recog,
    facts: { privateCapital: true, carrierType: "incubator", level: "provincial" },
    history: [
      { programme: recog, year: 2024, amountFen: wan(30), facts: { carrierType: "makerspace", level: "national" } },
    ],
    expect: { eligible: true, amountFen: wan(30) },
  },
  {
    name: "an earlier award with no facts recorded counts as a repeat",
    programme: recog,
    facts: { privateCapital: true, carrierType: "incubator", level: "national" },
    history: [{ programme: recog, year: 2024, amountFen: wan(30) }],
    expect: { eligible: false, conditions: { "limit-1-once": "fail" } },
  },
  {
    name: "carrier type missing: unknown",
    programme: recog,
    facts: { privateCapital: true, level: "national" },
    expect: { eligible: "unknown", missing: ["carrierType"] },
  },

  {
    name: "rent-free space is support in kind: no sum",
    programme: "zibo-incubator-space",
    expect: { eligible: true, amountFen: null, explains: ["300平方米三年免房租", "非资金支持"] },
  },

  {
    name: "events costing 40万: 50% is 20万",
    programme: act,
    facts: { activityCostFen: wan(40) },
    expect: { eligible: true, amountFen: wan(20), explains: ["第七条"] },
  },
  {
    name: "events costing exactly 60万: 30万, at the annual cap",
    programme: act,
    facts: { activityCostFen: wan(60) },
    expect: { eligible: true, amountFen: wan(30) },
  },
  {
    name: "events costing 60万 and 2 fen: capped at 30万",
    programme: act,
    facts: { activityCostFen: wan(60) + 2 },
    expect: { eligible: true, amountFen: wan(30), explains: ["本次按30万元计"] },
  },
  {
    name: "50% of 1 fen rounds half up to 1 fen",
    programme: act,
    facts: { activityCostFen: 1 },
    expect: { eligible: true, amountFen: 1 },
  },
  {
    name: "20万 already this year: 10万 left",
    programme: act,
    facts: { activityCostFen: wan(40) },
    history: [{ programme: act, year: 2026, amountFen: wan(20) }],
    expect: { eligible: true, amountFen: wan(10) },
  },
  {
    name: "10万 already this year: 20万 left, exactly this award (at the cap)",
    programme: act,
    facts: { activityCostFen: wan(40) },
    history: [{ programme: act, year: 2026, amountFen: wan(10) }],
    expect: { eligible: true, amountFen: wan(20) },
  },
  {
    name: "30万 already this year: the annual cap is used up",
    programme: act,
    facts: { activityCostFen: wan(40) },
    history: [{ programme: act, year: 2026, amountFen: wan(30) }],
    expect: { eligible: false, conditions: { "limit-1-perEnterprisePerYear": "fail" } },
  },
  {
    name: "last year's 30万 does not count",
    programme: act,
    facts: { activityCostFen: wan(40) },
    history: [{ programme: act, year: 2025, amountFen: wan(30) }],
    expect: { eligible: true, amountFen: wan(20) },
  },
  { name: "costs missing: unknown", programme: act, expect: { eligible: "unknown", missing: ["activityCostFen"] } },

  {
    name: "talent project with commitment: 50% of rent 20万 and fees 6万 = 13万",
    programme: talent,
    facts: { commitmentSigned: true, rentFen: wan(20), platformFeeFen: wan(6) },
    expect: { eligible: true, amountFen: wan(13), explains: ["第八条"] },
  },
  {
    name: "talent project without the written commitment: not eligible",
    programme: talent,
    facts: { commitmentSigned: false, rentFen: wan(20), platformFeeFen: wan(6) },
    expect: { eligible: false, conditions: { commitment: "fail" } },
  },
  {
    name: "talent project in its third year: still eligible",
    programme: talent,
    facts: { commitmentSigned: true, rentFen: wan(20), platformFeeFen: 0 },
    history: [
      { programme: talent, year: 2024, amountFen: wan(10) },
      { programme: talent, year: 2025, amountFen: wan(10) },
    ],
    expect: { eligible: true, amountFen: wan(10) },
  },
  {
    name: "talent project after three years: not eligible",
    programme: talent,
    facts: { commitmentSigned: true, rentFen: wan(20), platformFeeFen: 0 },
    history: [
      { programme: talent, year: 2023, amountFen: wan(10) },
      { programme: talent, year: 2024, amountFen: wan(10) },
      { programme: talent, year: 2025, amountFen: wan(10) },
    ],
    expect: { eligible: false, conditions: { "limit-1-maxYears": "fail" } },
  },
  {
    name: "talent project, fees missing: unknown",
    programme: talent,
    facts: { commitmentSigned: true, rentFen: wan(20) },
    expect: { eligible: "unknown", missing: ["platformFeeFen"] },
  },
  {
    name: "rounding: 50% of 3 fen rent and 3 fen fees together is 3 fen, rounded once",
    programme: rdUnit,
    facts: { rentFen: 3, platformFeeFen: 3 },
    expect: { eligible: true, amountFen: 3 },
  },
  {
    name: "rounding: 50% of 3 fen rent and 2 fen fees is 2.5 fen, half up to 3",
    programme: rdUnit,
    facts: { rentFen: 3, platformFeeFen: 2 },
    expect: { eligible: true, amountFen: 3 },
  },
  {
    name: "enterprise R&D unit abroad: 50% of 30万 rent and 10万 fees = 20万",
    programme: rdUnit,
    facts: { rentFen: wan(30), platformFeeFen: wan(10) },
    expect: { eligible: true, amountFen: wan(20) },
  },
  {
    name: "enterprise R&D unit in its third year (2024, 2025 and now): at the limit, eligible",
    programme: rdUnit,
    facts: { rentFen: wan(30), platformFeeFen: wan(10) },
    history: [
      { programme: rdUnit, year: 2024, amountFen: wan(10) },
      { programme: rdUnit, year: 2025, amountFen: wan(10) },
    ],
    expect: { eligible: true, amountFen: wan(20), explains: ["连同本年度共3年,最多支持3年"] },
  },
  {
    name: "enterprise R&D unit after three years: not eligible",
    programme: rdUnit,
    facts: { rentFen: wan(30), platformFeeFen: wan(10) },
    history: [
      { programme: rdUnit, year: 2023, amountFen: wan(10) },
      { programme: rdUnit, year: 2024, amountFen: wan(10) },
      { programme: rdUnit, year: 2025, amountFen: wan(10) },
    ],
    expect: { eligible: false, conditions: { "limit-1-maxYears": "fail" } },
  },
]);
