/**
 * Seed 000 part 八 (clauses 26–28): patent awards and IP standing, invention
 * patents at home and abroad, and patent agencies' first grants for enterprises.
 */
import { cases, programme, wan, yuan } from "../../../policy";

const DOC = "zibo-zichuang-2017";

export const patentAward = programme({
  id: "zibo-patent-award",
  title: { zh: "中国专利奖奖励", en: "China Patent Award" },
  document: DOC,
  clause: "26",
  excerpt: "对获得中国专利金奖和中国专利优秀奖的企业,分别给予30万元和10万元奖励",
  category: "ip",
  applicants: { zh: "获得中国专利金奖或中国专利优秀奖的企业", kinds: ["enterprise"] },
  facts: [
    {
      name: "award",
      type: "choice",
      label: { zh: "所获奖项", en: "Award received" },
      options: [
        { value: "gold", zh: "中国专利金奖", en: "China Patent Gold Award" },
        { value: "excellence", zh: "中国专利优秀奖", en: "China Patent Award of Excellence" },
      ],
    },
    {
      name: "patentNumber",
      type: "text",
      optional: true,
      label: { zh: "获奖专利号", en: "Patent number of the award" },
      help: "企业此前已因另一项专利获本项奖励时填写,用于区分两次获奖。",
    },
  ],
  amount: [
    { kind: "byChoice", label: "中国专利奖奖励", fact: "award", amounts: { gold: wan(30), excellence: wan(10) } },
  ],
  limits: [
    {
      kind: "once",
      label: "每项获奖专利奖励一次",
      per: ["patentNumber"],
      upgrade: { fact: "award", order: ["excellence", "gold"] },
    },
  ],
  note: "每次获奖(每项获奖专利)奖励一次:此前的奖励记录载明另一专利号的,属另一次获奖;同一专利由优秀奖再获金奖的按金奖给予;未载明专利号的按同一次获奖计。",
  materials: [{ id: "award-certificate", zh: "中国专利奖获奖证书", required: true }],
});

export const ipEnterprise = programme({
  id: "zibo-ip-enterprise",
  title: { zh: "国家知识产权示范、优势企业奖励", en: "National IP demonstration and advantage enterprises" },
  document: DOC,
  clause: "26",
  excerpt: "对被国家知识产权局确定为知识产权示范企业和知识产权优势企业的单位,分别给予20万元和10万元奖励",
  category: "ip",
  applicants: { zh: "被国家知识产权局确定为知识产权示范企业或知识产权优势企业的单位", kinds: ["enterprise"] },
  facts: [
    {
      name: "designation",
      type: "choice",
      label: { zh: "国家知识产权局确定的类别", en: "Designation by CNIPA" },
      options: [
        { value: "demonstration", zh: "知识产权示范企业", en: "IP demonstration enterprise" },
        { value: "advantage", zh: "知识产权优势企业", en: "IP advantage enterprise" },
      ],
    },
  ],
  amount: [
    {
      kind: "byChoice",
      label: "国家知识产权示范、优势企业奖励",
      fact: "designation",
      amounts: { demonstration: wan(20), advantage: wan(10) },
    },
  ],
  limits: [
    {
      kind: "once",
      label: "每次确定奖励一次",
      upgrade: { fact: "designation", order: ["advantage", "demonstration"] },
    },
  ],
  note: "按被确定为示范或优势企业奖励一次;由优势企业升为示范企业的按示范企业给予(条文未规定扣减);此前记录未载明类别的按同一次确定计。",
  materials: [{ id: "designation-document", zh: "国家知识产权局确定文件", required: true }],
});

export const ipStandard = programme({
  id: "zibo-ip-standard",
  title: { zh: "企业知识产权管理规范认证扶持", en: "IP management standard certification" },
  document: DOC,
  clause: "26",
  excerpt: "对通过《企业知识产权管理规范》标准认证和复审的企业,分别给予10万元和5万元资金扶持。",
  category: "ip",
  applicants: { zh: "通过《企业知识产权管理规范》标准认证或复审的企业", kinds: ["enterprise"] },
  facts: [
    {
      name: "certification",
      type: "choice",
      label: { zh: "通过的认证", en: "Certification passed" },
      options: [
        { value: "initial", zh: "标准认证", en: "Initial certification" },
        { value: "review", zh: "复审", en: "Re-examination" },
      ],
    },
  ],
  amount: [
    {
      kind: "byChoice",
      label: "《企业知识产权管理规范》认证扶持",
      fact: "certification",
      amounts: { initial: wan(10), review: wan(5) },
    },
  ],
  limits: [{ kind: "once", label: "认证、复审各按一个证书周期扶持一次", per: ["certification"], validYears: 3 }],
  note: "认证和复审是两次不同的认定,各扶持一次;认证证书有效期三年,三个日历年度内(含本年度)已获同一类扶持的视为同一证书周期,不重复扶持。",
  materials: [{ id: "certificate", zh: "《企业知识产权管理规范》认证证书或复审证明", required: true }],
});

export const inventionPatent = programme({
  id: "zibo-invention-patent",
  title: { zh: "发明专利申请补助和授权奖励", en: "Invention patent filings and grants" },
  document: DOC,
  clause: "27",
  excerpt:
    "对生产型企业的发明专利申请每件给予1000元补助,对于同一单位同一年度申请超过10件的,超过部分每件再给予1000元的补助,授权后每件奖励1万元;对非生产型企业的发明专利申请每件给予500元补助,授权后每件奖励5000元。",
  category: "ip",
  applicants: { zh: "申请或获得授权发明专利的企业", kinds: ["enterprise"] },
  facts: [
    {
      name: "productionEnterprise",
      type: "boolean",
      label: { zh: "是否为生产型企业", en: "Production enterprise" },
      prefill: {
        source: "qualification",
        trueIf: "production",
        falseIf: "non-production",
        industrySections: ["B", "C", "D"],
      },
    },
    {
      name: "filings",
      type: "count",
      unit: "件",
      label: { zh: "本年度发明专利申请件数", en: "Invention patent applications this year" },
      help: "同一单位同一年度提出的发明专利申请。",
    },
    { name: "grants", type: "count", unit: "件", label: { zh: "发明专利授权件数", en: "Invention patents granted" } },
  ],
  amount: [
    {
      kind: "when",
      fact: "productionEnterprise",
      equals: true,
      then: [
        {
          kind: "perUnit",
          label: "生产型企业发明专利申请补助",
          fact: "filings",
          fen: yuan(1000),
          extra: { over: 10, fen: yuan(1000), perYear: true },
        },
        { kind: "perUnit", label: "生产型企业发明专利授权奖励", fact: "grants", fen: wan(1) },
      ],
      otherwise: [
        { kind: "perUnit", label: "非生产型企业发明专利申请补助", fact: "filings", fen: yuan(500) },
        { kind: "perUnit", label: "非生产型企业发明专利授权奖励", fact: "grants", fen: yuan(5000) },
      ],
    },
  ],
  materials: [
    { id: "filing-receipts", zh: "发明专利申请受理通知书", required: true },
    { id: "grant-certificates", zh: "发明专利证书", required: false },
  ],
  note: "“超过10件的,超过部分”不含第10件:第11件起每件再补1000元。“同一单位同一年度”按全年累计:本年度此前已获补助的申请件数(奖励记录所载件数)计入10件;记录未载明件数的,追加部分待核定。",
});

export const patentForeign = programme({
  id: "zibo-patent-foreign",
  title: { zh: "PCT国际申请补助和国外专利授权奖励", en: "PCT filings and foreign patent grants" },
  document: DOC,
  clause: "27",
  excerpt:
    "对企业按照专利合作条约(PCT)提出的专利国际申请每件给予1.5万元的补助,获得美国、日本和欧洲专利局专利授权后每件给予5万元奖励(最多不超过3个国家或地区),获得其他国家或地区专利授权后每件给予3万元奖励。",
  category: "ip",
  applicants: { zh: "按照专利合作条约(PCT)提出专利国际申请或获得国外专利授权的企业", kinds: ["enterprise"] },
  facts: [
    {
      name: "pctFilings",
      type: "count",
      unit: "件",
      label: { zh: "PCT专利国际申请件数", en: "PCT international applications" },
    },
    {
      name: "usJpEuGrants",
      type: "count",
      unit: "件",
      label: {
        zh: "本项发明获美国、日本和欧洲专利局授权件数",
        en: "Grants of this invention by the US, Japanese and European patent offices",
      },
      help: "按每项发明(同族专利)计,最多计3个国家或地区;多项发明分别申报。",
    },
    {
      name: "patentFamily",
      type: "text",
      optional: true,
      label: { zh: "同族专利的PCT国际申请号或优先权号", en: "PCT application or priority number of the patent family" },
      help: "同一发明分次申报国外授权奖励时填写同一编号,用于累计3个国家或地区的上限。",
    },
    {
      name: "otherGrants",
      type: "count",
      unit: "件",
      label: { zh: "其他国家或地区专利授权件数", en: "Grants in other countries or regions" },
    },
  ],
  amount: [
    { kind: "perUnit", label: "PCT专利国际申请补助", fact: "pctFilings", fen: wan(1.5) },
    {
      kind: "perUnit",
      label: "美国、日本和欧洲专利局授权奖励",
      fact: "usJpEuGrants",
      fen: wan(5),
      maxUnits: 3,
      maxUnitsPer: "patentFamily",
    },
    { kind: "perUnit", label: "其他国家或地区授权奖励", fact: "otherGrants", fen: wan(3) },
  ],
  materials: [
    { id: "pct-receipts", zh: "PCT国际申请受理通知书", required: false },
    { id: "foreign-grants", zh: "国外专利授权证书及中文译本", required: false },
  ],
  note: "“最多不超过3个国家或地区”按每项发明(同族专利)累计,不是每次申报(决定0014):同一发明此前已获奖励的授权件数计入3个;另一项发明另计。",
});

export const patentAgencyBreakthrough = programme({
  id: "zibo-patent-agency-breakthrough",
  title: { zh: "专利代理机构零突破奖励", en: "Patent agencies: first invention grants for local firms" },
  document: DOC,
  clause: "28",
  excerpt:
    "对经国家知识产权局批准、从事专利代理服务活动的机构,为高新区内企事业单位代理申请发明专利并获得授权零突破,每突破一家给予服务机构2000元奖励。",
  category: "ip",
  applicants: { zh: "经国家知识产权局批准、从事专利代理服务活动的机构", kinds: ["agency"] },
  facts: [
    {
      name: "breakthroughs",
      type: "count",
      unit: "家",
      label: { zh: "实现发明专利授权零突破的企事业单位数", en: "Local units with their first invention patent" },
      help: "经本机构代理、首次获得发明专利授权的高新区企事业单位数。",
    },
  ],
  amount: [{ kind: "perUnit", label: "发明专利授权零突破奖励", fact: "breakthroughs", fen: yuan(2000) }],
  materials: [
    { id: "agency-licence", zh: "专利代理机构执业许可证", required: true },
    { id: "grant-list", zh: "代理的零突破单位及发明专利证书清单", required: true },
  ],
});

const ip = "zibo-invention-patent";
const fp = "zibo-patent-foreign";

export const ipCases = cases([
  {
    name: "China Patent Gold Award: 30万",
    programme: "zibo-patent-award",
    facts: { award: "gold" },
    expect: { eligible: true, amountFen: wan(30), explains: ["第二十六条"] },
  },
  {
    name: "China Patent Award of Excellence: 10万",
    programme: "zibo-patent-award",
    facts: { award: "excellence" },
    expect: { eligible: true, amountFen: wan(10) },
  },
  {
    name: "IP demonstration enterprise: 20万",
    programme: "zibo-ip-enterprise",
    facts: { designation: "demonstration" },
    expect: { eligible: true, amountFen: wan(20) },
  },
  {
    name: "IP advantage enterprise: 10万",
    programme: "zibo-ip-enterprise",
    facts: { designation: "advantage" },
    expect: { eligible: true, amountFen: wan(10) },
  },
  {
    name: "IP standard certification: 10万",
    programme: "zibo-ip-standard",
    facts: { certification: "initial" },
    expect: { eligible: true, amountFen: wan(10) },
  },
  {
    name: "IP standard re-examination: 5万",
    programme: "zibo-ip-standard",
    facts: { certification: "review" },
    expect: { eligible: true, amountFen: wan(5) },
  },
  {
    name: "IP standard, certification missing: unknown",
    programme: "zibo-ip-standard",
    expect: { eligible: "unknown", missing: ["certification"] },
  },
  {
    name: "gold award already given for this patent: not again",
    programme: "zibo-patent-award",
    facts: { award: "gold", patentNumber: "ZL201510000001.1" },
    history: [
      {
        programme: "zibo-patent-award",
        year: 2025,
        amountFen: wan(30),
        facts: { award: "gold", patentNumber: "ZL201510000001.1" },
      },
    ],
    expect: { eligible: false, amountFen: 0, conditions: { "limit-1-once": "fail" } },
  },
  {
    name: "gold award for another patent: another award, 30万",
    programme: "zibo-patent-award",
    facts: { award: "gold", patentNumber: "ZL201810000002.2" },
    history: [
      {
        programme: "zibo-patent-award",
        year: 2025,
        amountFen: wan(30),
        facts: { award: "gold", patentNumber: "ZL201510000001.1" },
      },
    ],
    expect: { eligible: true, amountFen: wan(30), explains: ["针对另一获奖专利号"] },
  },
  {
    name: "excellence earlier, gold now for the same patent: an upgrade",
    programme: "zibo-patent-award",
    facts: { award: "gold", patentNumber: "ZL201510000001.1" },
    history: [
      {
        programme: "zibo-patent-award",
        year: 2024,
        amountFen: wan(10),
        facts: { award: "excellence", patentNumber: "ZL201510000001.1" },
      },
    ],
    expect: { eligible: true, amountFen: wan(30) },
  },
  {
    name: "advantage enterprise earlier, demonstration now: an upgrade, 20万",
    programme: "zibo-ip-enterprise",
    facts: { designation: "demonstration" },
    history: [{ programme: "zibo-ip-enterprise", year: 2023, amountFen: wan(10), facts: { designation: "advantage" } }],
    expect: { eligible: true, amountFen: wan(20) },
  },
  {
    name: "advantage enterprise again: a repeat",
    programme: "zibo-ip-enterprise",
    facts: { designation: "advantage" },
    history: [{ programme: "zibo-ip-enterprise", year: 2023, amountFen: wan(10), facts: { designation: "advantage" } }],
    expect: { eligible: false, conditions: { "limit-1-once": "fail" } },
  },
  {
    name: "certified in 2025, re-examined now: another stage, 5万",
    programme: "zibo-ip-standard",
    facts: { certification: "review" },
    history: [{ programme: "zibo-ip-standard", year: 2025, amountFen: wan(10), facts: { certification: "initial" } }],
    expect: { eligible: true, amountFen: wan(5) },
  },
  {
    name: "re-examination supported in 2024: the same certificate cycle, not again",
    programme: "zibo-ip-standard",
    facts: { certification: "review" },
    history: [{ programme: "zibo-ip-standard", year: 2024, amountFen: wan(5), facts: { certification: "review" } }],
    expect: { eligible: false, conditions: { "limit-1-once": "fail" } },
  },
  {
    name: "re-examination supported in 2023: three years on, the next cycle",
    programme: "zibo-ip-standard",
    facts: { certification: "review" },
    history: [{ programme: "zibo-ip-standard", year: 2023, amountFen: wan(5), facts: { certification: "review" } }],
    expect: { eligible: true, amountFen: wan(5) },
  },

  {
    name: "production firm, 12 filings and 2 grants: 3.4万",
    programme: ip,
    facts: { productionEnterprise: true, filings: 12, grants: 2 },
    expect: { eligible: true, amountFen: yuan(34000), explains: ["第二十七条", "超过10件的2件"] },
  },
  {
    name: "production firm, exactly 10 filings: 超过 excludes the 10th, no extra",
    programme: ip,
    facts: { productionEnterprise: true, filings: 10, grants: 0 },
    expect: { eligible: true, amountFen: yuan(10000), explains: ["未超过10件"] },
  },
  {
    name: "production firm, 11 filings: one extra 1000元",
    programme: ip,
    facts: { productionEnterprise: true, filings: 11, grants: 0 },
    expect: { eligible: true, amountFen: yuan(12000) },
  },
  {
    name: "non-production firm, 12 filings and 2 grants: 1.6万, no extra",
    programme: ip,
    facts: { productionEnterprise: false, filings: 12, grants: 2 },
    expect: { eligible: true, amountFen: yuan(16000) },
  },
  {
    name: "whether production firm unknown: unknown",
    programme: ip,
    facts: { filings: 3, grants: 1 },
    expect: { eligible: "unknown", amountFen: null, missing: ["productionEnterprise"] },
  },
  {
    name: "8 filings earlier this year and 4 now: 12 in the year, 2 over 10 earn the extra",
    programme: ip,
    facts: { productionEnterprise: true, filings: 4, grants: 0 },
    history: [{ programme: ip, year: 2026, amountFen: yuan(8000), facts: { filings: 8, grants: 0 } }],
    expect: { eligible: true, amountFen: yuan(6000), explains: ["本年度此前已计8件,连同本次共12件,超过10件的2件"] },
  },
  {
    name: "6 filings earlier this year and 4 now: exactly 10, no extra",
    programme: ip,
    facts: { productionEnterprise: true, filings: 4, grants: 0 },
    history: [{ programme: ip, year: 2026, amountFen: yuan(6000), facts: { filings: 6, grants: 0 } }],
    expect: { eligible: true, amountFen: yuan(4000), explains: ["未超过10件"] },
  },
  {
    name: "10 filings earlier this year and 1 now: the 11th earns the extra",
    programme: ip,
    facts: { productionEnterprise: true, filings: 1, grants: 0 },
    history: [{ programme: ip, year: 2026, amountFen: yuan(10000), facts: { filings: 10, grants: 0 } }],
    expect: { eligible: true, amountFen: yuan(2000) },
  },
  {
    name: "12 filings last year do not count towards this year's 10",
    programme: ip,
    facts: { productionEnterprise: true, filings: 4, grants: 0 },
    history: [{ programme: ip, year: 2025, amountFen: yuan(14000), facts: { filings: 12, grants: 0 } }],
    expect: { eligible: true, amountFen: yuan(4000) },
  },
  {
    name: "an award this year without its filing count: the extra waits, unknown",
    programme: ip,
    facts: { productionEnterprise: true, filings: 4, grants: 0 },
    history: [{ programme: ip, year: 2026, amountFen: yuan(8000) }],
    expect: { eligible: "unknown", conditions: { "history-units-1": "unknown" }, explains: ["按全年累计件数核定"] },
  },
  {
    name: "grants missing: unknown",
    programme: ip,
    facts: { productionEnterprise: true, filings: 3 },
    expect: { eligible: "unknown", missing: ["grants"] },
  },

  {
    name: "2 PCT, 4 US/JP/EU grants (3 counted), 1 other: 21万",
    programme: fp,
    facts: { pctFilings: 2, usJpEuGrants: 4, otherGrants: 1 },
    expect: { eligible: true, amountFen: wan(21), explains: ["最多计3件"] },
  },
  {
    name: "exactly 3 US/JP/EU grants: 15万",
    programme: fp,
    facts: { pctFilings: 0, usJpEuGrants: 3, otherGrants: 0 },
    expect: { eligible: true, amountFen: wan(15) },
  },
  {
    name: "one PCT filing: 1.5万",
    programme: fp,
    facts: { pctFilings: 1, usJpEuGrants: 0, otherGrants: 0 },
    expect: { eligible: true, amountFen: wan(1.5) },
  },
  {
    name: "one invention, 2 US/JP/EU grants rewarded before, 2 more now: 1 counted (3 per invention)",
    programme: fp,
    facts: { pctFilings: 0, usJpEuGrants: 2, otherGrants: 0, patentFamily: "PCT/CN2024/000001" },
    history: [
      { programme: fp, year: 2025, amountFen: wan(10), facts: { patentFamily: "PCT/CN2024/000001", usJpEuGrants: 2 } },
    ],
    expect: { eligible: true, amountFen: wan(5), explains: ["此前已计2件,最多3件,本次最多计1件"] },
  },
  {
    name: "one invention, 1 grant rewarded before, 2 now: exactly 3 for it",
    programme: fp,
    facts: { pctFilings: 0, usJpEuGrants: 2, otherGrants: 0, patentFamily: "PCT/CN2024/000001" },
    history: [
      { programme: fp, year: 2025, amountFen: wan(5), facts: { patentFamily: "PCT/CN2024/000001", usJpEuGrants: 1 } },
    ],
    expect: { eligible: true, amountFen: wan(10) },
  },
  {
    name: "one invention with its 3 grants rewarded: nothing more for it",
    programme: fp,
    facts: { pctFilings: 0, usJpEuGrants: 1, otherGrants: 0, patentFamily: "PCT/CN2024/000001" },
    history: [
      { programme: fp, year: 2025, amountFen: wan(15), facts: { patentFamily: "PCT/CN2024/000001", usJpEuGrants: 3 } },
    ],
    expect: { eligible: true, amountFen: 0 },
  },
  {
    name: "another invention after one with 3 grants: its own 3, 15万 (not 3 per applicant)",
    programme: fp,
    facts: { pctFilings: 0, usJpEuGrants: 3, otherGrants: 0, patentFamily: "PCT/CN2025/000002" },
    history: [
      { programme: fp, year: 2026, amountFen: wan(15), facts: { patentFamily: "PCT/CN2024/000001", usJpEuGrants: 3 } },
    ],
    expect: { eligible: true, amountFen: wan(15) },
  },
  {
    name: "earlier foreign-grant award without its family: cannot tell, unknown",
    programme: fp,
    facts: { pctFilings: 0, usJpEuGrants: 2, otherGrants: 0, patentFamily: "PCT/CN2024/000001" },
    history: [{ programme: fp, year: 2025, amountFen: wan(10) }],
    expect: { eligible: "unknown", conditions: { "history-units-1": "unknown" } },
  },
  {
    name: "earlier PCT-only award (no grants recorded) does not need a family",
    programme: fp,
    facts: { pctFilings: 0, usJpEuGrants: 2, otherGrants: 0 },
    history: [{ programme: fp, year: 2025, amountFen: wan(1.5), facts: { pctFilings: 1, usJpEuGrants: 0 } }],
    expect: { eligible: true, amountFen: wan(10) },
  },
  {
    name: "foreign counts missing: unknown",
    programme: fp,
    facts: { pctFilings: 1 },
    expect: { eligible: "unknown", missing: ["usJpEuGrants", "otherGrants"] },
  },

  {
    name: "agency with 3 first-grant breakthroughs: 6000元",
    programme: "zibo-patent-agency-breakthrough",
    facts: { breakthroughs: 3 },
    expect: { eligible: true, amountFen: yuan(6000), explains: ["第二十八条"] },
  },
  {
    name: "no breakthroughs: nothing",
    programme: "zibo-patent-agency-breakthrough",
    facts: { breakthroughs: 0 },
    expect: { eligible: true, amountFen: 0 },
  },
]);
