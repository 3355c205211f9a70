/**
 * The common shapes of an award, each a programme of the rule format to start a new one from
 * (the shapes the demo zones' policies use: 定额 as zibo's 技术合同登记奖励, 按级别 as its 孵化载体
 * 新认定, 按比例封顶 as 研发投入补助, 按数量 as 孵化器 graduates, 配套 as 创新券 1:1, 评审区间 as
 * 公共技术服务平台, 一事一议 and 非资金支持). Nothing in them cites a document: the title, clause
 * and excerpt are left empty for the admin to fill from the text, and the amounts are
 * placeholders to overwrite.
 */
import type { Component } from "../../../engines/policy/format/amounts";
import type { Fact } from "../../../engines/policy/format/facts";
import type { Programme } from "../../../engines/policy/format/programme";

export const SHAPES = {
  fixed: { zh: "定额", hint: "符合条件即给予固定金额,如“给予10万元奖励”。" },
  level: { zh: "按级别", hint: "按认定级别给予不同金额,如国家级50万元、省级30万元。" },
  percent: { zh: "按比例封顶", hint: "按某项金额的一定比例给予,设最高限额,如“按研发投入的10%,最高100万元”。" },
  tiers: { zh: "分档", hint: "按档次给予不同金额,如一档100万元、二档50万元、三档20万元。" },
  perUnit: { zh: "按数量", hint: "按件数、人数等计算,如“每件给予1万元,最高20万元”。" },
  matching: { zh: "配套", hint: "按上级支持资金的一定比例配套,如“按1:1配套,最高50万元”。" },
  review: { zh: "评审确定区间", hint: "经评审在一个区间内确定金额,如“给予10万至100万元支持”。" },
  inKind: { zh: "非资金支持", hint: "场地、服务等非资金支持,只记录不计算金额。" },
} as const;
export type Shape = keyof typeof SHAPES;
export const SHAPE_IDS = Object.keys(SHAPES) as Shape[];

const WAN = 1_000_000;

const choiceFact = (name: string, zh: string, en: string, options: [string, string, string][]): Fact => ({
  name,
  type: "choice",
  label: { zh, en },
  options: options.map(([value, oz, oe]) => ({ value, zh: oz, en: oe })),
  optional: false,
});
const moneyFact = (name: string, zh: string, en: string): Fact => ({
  name,
  type: "money",
  label: { zh, en },
  optional: false,
});

function shapeParts(shape: Shape): { facts: Fact[]; amount: Component[] } {
  switch (shape) {
    case "fixed":
      return { facts: [], amount: [{ kind: "fixed", label: "奖励", fen: 10 * WAN }] };
    case "level":
      return {
        facts: [
          choiceFact("level", "认定级别", "Level of the recognition", [
            ["national", "国家级", "National"],
            ["provincial", "省级", "Provincial"],
          ]),
        ],
        amount: [
          {
            kind: "byChoice",
            label: "按认定级别给予",
            fact: "level",
            amounts: { national: 50 * WAN, provincial: 30 * WAN },
          },
        ],
      };
    case "percent":
      return {
        facts: [moneyFact("baseAmountFen", "计算基数金额", "Amount the percentage is taken of")],
        amount: [
          { kind: "percent", label: "按比例给予", base: { fact: "baseAmountFen" }, percent: 10, capFen: 100 * WAN },
        ],
      };
    case "tiers":
      return {
        facts: [
          choiceFact("tier", "所属档次", "Tier", [
            ["tier-1", "一档", "Tier 1"],
            ["tier-2", "二档", "Tier 2"],
            ["tier-3", "三档", "Tier 3"],
          ]),
        ],
        amount: [
          {
            kind: "byChoice",
            label: "按档次给予",
            fact: "tier",
            amounts: { "tier-1": 100 * WAN, "tier-2": 50 * WAN, "tier-3": 20 * WAN },
          },
        ],
      };
    case "perUnit":
      return {
        facts: [
          { name: "units", type: "count", label: { zh: "数量", en: "Number of units" }, unit: "件", optional: false },
        ],
        amount: [{ kind: "perUnit", label: "按数量给予", fact: "units", fen: 1 * WAN, capFen: 20 * WAN }],
      };
    case "matching":
      return {
        facts: [moneyFact("superiorFundingFen", "上级支持资金", "Funding granted by the higher authority")],
        amount: [
          {
            kind: "percent",
            label: "按上级支持资金配套",
            base: { fact: "superiorFundingFen" },
            percent: 100,
            capFen: 50 * WAN,
          },
        ],
      };
    case "review":
      return { facts: [], amount: [{ kind: "review", label: "经评审确定", minFen: 10 * WAN, maxFen: 100 * WAN }] };
    case "inKind":
      return { facts: [], amount: [{ kind: "inKind", label: "非资金支持" }] };
  }
}

/** A new programme of `shape`, under the zone's first document; empty where the text must be cited. */
export function programmeTemplate(shape: Shape, documentId: string): Programme {
  const { facts, amount } = shapeParts(shape);
  return {
    id: "",
    title: { zh: "", en: "" },
    document: documentId,
    clause: "",
    excerpt: "",
    category: "other",
    applicants: { zh: "", kinds: ["enterprise"], qualifications: [], industries: [] },
    facts,
    conditions: [],
    amount,
    limits: [],
    materials: [{ id: "application-form", zh: "项目申报书", required: true }],
    windows: [],
  };
}
