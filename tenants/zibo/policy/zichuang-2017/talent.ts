/**
 * Seed 000 part 九, clause 30: high-level talents starting companies in the
 * zone, and engineering support for their projects. Clause 29 refers to other
 * documents and names no amount of its own.
 */
import { cases, programme, wan } from "../../../policy";

const DOC = "zibo-zichuang-2017";

export const talentStartup = programme({
  id: "zibo-talent-startup",
  title: { zh: "高层次人才创业资助", en: "Start-up grant for high-level talents" },
  document: DOC,
  clause: "30",
  excerpt:
    "对携科技项目到高新区注册公司进行创新创业的高层次人才,经评审认定,给予100万元的资助,五年内无偿提供100平方米的研发场地及100平方米的公寓住房。",
  category: "talent",
  applicants: {
    zh: "千人计划、万人计划、泰山学者、泰山产业领军人才等携科技项目到高新区注册公司进行创新创业、经评审认定的高层次人才",
    kinds: ["talent"],
  },
  amount: [
    { kind: "fixed", label: "高层次人才创业资助", fen: wan(100) },
    { kind: "inKind", label: "五年内无偿提供100平方米研发场地及100平方米公寓住房" },
  ],
  limits: [{ kind: "once", label: "创业资助给予一次" }],
  note: "100万元资助在携项目注册公司、经评审认定时给予一次,已获资助的不再给予。",
  materials: [
    { id: "talent-proof", zh: "高层次人才入选证明", required: true },
    { id: "business-licence", zh: "在高新区注册公司的营业执照", required: true },
    { id: "business-plan", zh: "科技项目商业计划书", required: true },
  ],
});

export const talentEngineering = programme({
  id: "zibo-talent-engineering",
  title: { zh: "高层次人才项目工程化扶持", en: "Engineering support for high-level talent projects" },
  document: DOC,
  clause: "30",
  excerpt:
    "对提升高新区科技创新能力,产业转型升级有较强引领带动作用的项目,经评审认定,再给予最高500万元的工程化扶持资金支持。",
  category: "talent",
  applicants: {
    zh: "高层次人才携来的、经评审认定对提升高新区科技创新能力和产业转型升级有较强引领带动作用的项目",
    kinds: ["talent"],
  },
  amount: [{ kind: "fixed", label: "工程化扶持资金", fen: wan(500), upTo: true }],
  limits: [{ kind: "once", label: "工程化扶持给予一次" }],
  materials: [
    { id: "project-plan", zh: "项目工程化实施方案", required: true },
    { id: "review-opinion", zh: "评审认定意见", required: false },
  ],
  note: "“再给予”:在创业资助之外另行评审,给予一次;“最高500万元”为上限,具体金额评审确定。",
});

export const talentCases = cases([
  {
    name: "talent starting a company: 100万 plus space in kind",
    programme: "zibo-talent-startup",
    expect: { eligible: true, amountFen: wan(100), explains: ["第三十条", "另有非资金支持"] },
  },
  {
    name: "start-up grant already received in 2025: not again",
    programme: "zibo-talent-startup",
    history: [{ programme: "zibo-talent-startup", year: 2025, amountFen: wan(100) }],
    expect: {
      eligible: false,
      amountFen: 0,
      conditions: { "limit-1-once": "fail" },
      explains: ["已于2025年享受;创业资助给予一次(第三十条),不再重复支持"],
    },
  },
  {
    name: "engineering support received does not use up the start-up grant",
    programme: "zibo-talent-startup",
    history: [{ programme: "zibo-talent-engineering", year: 2025, amountFen: wan(300) }],
    expect: { eligible: true, amountFen: wan(100), conditions: { "limit-1-once": "pass" } },
  },
  {
    name: "engineering support: up to 500万, set at review",
    programme: "zibo-talent-engineering",
    expect: { eligible: true, amountFen: null, range: { minFen: 0, maxFen: wan(500) }, explains: ["最高500万元"] },
  },
  {
    name: "engineering support already given in 2025: not again",
    programme: "zibo-talent-engineering",
    history: [{ programme: "zibo-talent-engineering", year: 2025, amountFen: wan(300) }],
    expect: { eligible: false, amountFen: 0, conditions: { "limit-1-once": "fail" } },
  },
]);
