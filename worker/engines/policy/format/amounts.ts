/**
 * How an award is computed: components that are summed, then the limits.
 * Every form the seeds use has a component: fixed, by a choice (level), a
 * percentage of a base with a cap (or a ratio chosen by level), per unit with
 * a step, a range set at review, case by case (一事一议), and support in kind,
 * which is recorded but never summed.
 */
import { z } from "zod";
import { clauseId, factName, fen, localId, percent, text } from "./common";

/** What a percentage is taken of. */
export const baseSchema = z.union([
  z.strictObject({ fact: factName }),
  /** Year-on-year increase; no increase means nothing to take a percentage of. */
  z.strictObject({ increase: z.strictObject({ current: factName, previous: factName }) }),
  /** Average of several facts ("近三年平均"). */
  z.strictObject({ average: z.array(factName).min(2) }),
  /** Sum of several facts ("研发用房租金、公共技术服务平台使用费用的50%"), rounded once. */
  z.strictObject({ sum: z.array(factName).min(2) }),
]);
export type Base = z.infer<typeof baseSchema>;

/** The facts a percentage's base reads, in the order it names them. */
export function baseFacts(b: Base): string[] {
  if ("fact" in b) return [b.fact];
  if ("increase" in b) return [b.increase.current, b.increase.previous];
  return "sum" in b ? b.sum : b.average;
}

const labelled = { label: text, clause: clauseId.optional() };

export type Component =
  | { kind: "fixed"; label: string; clause?: string; fen: number; upTo?: boolean }
  | { kind: "byChoice"; label: string; clause?: string; fact: string; amounts: Record<string, number>; upTo?: boolean }
  | {
      kind: "percent";
      label: string;
      clause?: string;
      base: Base;
      percent: number | { fact: string; byChoice: Record<string, number> };
      capFen?: number;
      upTo?: boolean;
    }
  | {
      kind: "perUnit";
      label: string;
      clause?: string;
      fact: string;
      fen: number;
      maxUnits?: number;
      maxUnitsPer?: string;
      capFen?: number;
      extra?: { over: number; fen: number; perYear?: boolean };
      upTo?: boolean;
    }
  | { kind: "when"; fact: string; equals: boolean | string; then: Component[]; otherwise: Component[] }
  | InterestComponent
  | { kind: "review"; label: string; clause?: string; minFen: number; maxFen: number }
  | { kind: "caseByCase"; label: string; clause?: string }
  | { kind: "inKind"; label: string; clause?: string };

/**
 * 贴息: a share of the interest a loan paid over a period, at most a share of the interest the
 * LPR would have given (the LPR of `lpr.term` in force on each day), at most capFen.
 * principal: money fact; rate: percent fact (annual); from/to: date facts (first and last day,
 * inclusive); paid: money fact (interest actually paid in the period).
 */
export interface InterestComponent {
  kind: "interest";
  label: string;
  clause?: string;
  principal: string;
  rate: string;
  from: string;
  to: string;
  paid: string;
  share: number;
  lpr?: { percent: number; term: "1y" | "5y" };
  capFen?: number;
  upTo?: boolean;
}

/** `upTo` marks "最高 …": the computed figure is a ceiling and the amount is set at review. */
const upTo = z.boolean().optional();

export const componentSchema: z.ZodType<Component> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("fixed"), ...labelled, fen, upTo }),
    z.strictObject({ kind: z.literal("byChoice"), ...labelled, fact: factName, amounts: z.record(localId, fen), upTo }),
    z.strictObject({
      kind: z.literal("percent"),
      ...labelled,
      base: baseSchema,
      percent: z.union([percent, z.strictObject({ fact: factName, byChoice: z.record(localId, percent) })]),
      capFen: fen.optional(),
      upTo,
    }),
    z.strictObject({
      kind: z.literal("perUnit"),
      ...labelled,
      fact: factName,
      fen,
      maxUnits: z.number().int().min(1).optional(),
      /**
       * maxUnits counts across applications: units of this fact in this programme's earlier
       * awards (their `facts`) with the same value of the named fact, e.g. one invention's
       * grants abroad ("最多不超过3个国家或地区" per patent family, decision 0014).
       */
      maxUnitsPer: factName.optional(),
      /** "上限100万元": a cap on the money, as a clause that states it in money says it (not as the units it takes). */
      capFen: fen.optional(),
      /**
       * "超过10件的,超过部分每件再给予…": more per unit past `over` (超过 excludes it).
       * perYear: "同一单位同一年度" — this year's earlier awards of the programme count towards `over`.
       */
      extra: z.strictObject({ over: z.number().int().min(0), fen, perYear: z.boolean().optional() }).optional(),
      upTo,
    }),
    z.strictObject({
      kind: z.literal("when"),
      fact: factName,
      equals: z.union([z.boolean(), localId]),
      then: z.array(componentSchema),
      otherwise: z.array(componentSchema),
    }),
    z.strictObject({
      kind: z.literal("interest"),
      ...labelled,
      principal: factName,
      rate: factName,
      from: factName,
      to: factName,
      paid: factName,
      share: percent,
      lpr: z.strictObject({ percent, term: z.enum(["1y", "5y"]) }).optional(),
      capFen: fen.optional(),
      upTo,
    }),
    z
      .strictObject({ kind: z.literal("review"), ...labelled, minFen: fen, maxFen: fen })
      .refine((r) => r.minFen <= r.maxFen, "review: minFen above maxFen"),
    z.strictObject({ kind: z.literal("caseByCase"), ...labelled }),
    z.strictObject({ kind: z.literal("inKind"), ...labelled }),
  ]),
);

/**
 * Limits across applications, checked against the award history the caller
 * passes in. Each also caps a single application. `programmes` widens the scope
 * to awards of other programmes (a shared cap); it always includes this one.
 */
const scope = { label: text, clause: clauseId.optional(), programmes: z.array(z.string()).optional() };
export const limitSchema = z.discriminatedUnion("kind", [
  /** "单家企业每年最高不超过30万元" */
  z.strictObject({ kind: z.literal("perEnterprisePerYear"), ...scope, fen }),
  /** "单个项目…匹配总额不超过300万元": awards with the same project code. */
  z.strictObject({ kind: z.literal("perProject"), ...scope, fen, projectFact: factName }),
  /**
   * "单个企业只扶持一次", "一次性", and "once per recognition": an earlier award in scope is a
   * repeat unless it was made for another recognition, which only the award's own `facts`
   * can show (an award without them counts as a repeat):
   * - per: facts naming the recognition (which patent, which kind of carrier): other values, another recognition;
   * - upgrade: a level fact, lowest first: an award at a lower level was for the recognition this one upgrades;
   * - validYears: how long a recognition lasts (高企 certificate: 3): an award that many calendar
   *   years back or more was for an earlier recognition; 1 means once per year.
   */
  z.strictObject({
    kind: z.literal("once"),
    ...scope,
    per: z.array(factName).min(1).optional(),
    upgrade: z.strictObject({ fact: factName, order: z.array(localId).min(2) }).optional(),
    validYears: z.number().int().min(1).optional(),
  }),
  /** "对一家企业最多支持三年": the years with an award, this one included. */
  z.strictObject({ kind: z.literal("maxYears"), ...scope, years: z.number().int().min(1) }),
  /**
   * "就高不就低,不重复享受": with an award from another programme of the group in
   * the same period, only the amount above it is paid, and nothing when this one is not higher.
   */
  z.strictObject({
    kind: z.literal("exclusive"),
    ...scope,
    programmes: z.array(z.string()).min(1),
    per: z.enum(["year", "ever"]),
  }),
]);
export type Limit = z.infer<typeof limitSchema>;
