/**
 * Eligibility conditions as a small tree of tests. Thresholds use the words of
 * the policy text, which carry their legal meaning (民法典 art. 1259): 以上 / 以下 /
 * 以内 / 不超过 / 不低于 include the number, 超过 / 高于 / 不满 / 低于 exclude it, and
 * 至 (a `between` test) includes both ends.
 */
import { z } from "zod";
import { clauseId, factName, localId, percent, text } from "./common";

export const thresholdWords = ["以上", "不低于", "以下", "以内", "不超过", "超过", "高于", "不满", "低于"] as const;
export const thresholdSchema = z.enum(thresholdWords);
export type ThresholdWord = z.infer<typeof thresholdSchema>;

/** How each word compares the fact with the number named in the clause. */
export const THRESHOLD: Record<ThresholdWord, { cmp: (a: number, b: number) => boolean; inclusive: boolean }> = {
  以上: { cmp: (a, b) => a >= b, inclusive: true },
  不低于: { cmp: (a, b) => a >= b, inclusive: true },
  以下: { cmp: (a, b) => a <= b, inclusive: true },
  以内: { cmp: (a, b) => a <= b, inclusive: true },
  不超过: { cmp: (a, b) => a <= b, inclusive: true },
  超过: { cmp: (a, b) => a > b, inclusive: false },
  高于: { cmp: (a, b) => a > b, inclusive: false },
  不满: { cmp: (a, b) => a < b, inclusive: false },
  低于: { cmp: (a, b) => a < b, inclusive: false },
};

export type Test =
  | { test: "compare"; fact: string; word: ThresholdWord; value: number; negate?: true }
  | { test: "between"; fact: string; from: number; to: number }
  | { test: "ratio"; numerator: string; denominator: string; word: ThresholdWord; percent: number }
  | { test: "equals"; fact: string; value: boolean | string }
  | { test: "oneOf"; fact: string; values: string[] }
  | { test: "qualification"; code: string }
  | { test: "industry"; codes: string[] }
  | { test: "all"; of: Test[] }
  | { test: "any"; of: { label: string; test: Test }[] };

export const testSchema: z.ZodType<Test> = z.lazy(() =>
  z.discriminatedUnion("test", [
    /**
     * A fact against a number: money in fen, counts, percentages. negate: passes when the
     * clause's threshold is not reached ("未达到“20个百分点以上”"), for a tier below one the
     * clause names, without putting a word the clause does not use (低于) in its mouth.
     */
    z.strictObject({
      test: z.literal("compare"),
      fact: factName,
      word: thresholdSchema,
      value: z.number(),
      negate: z.literal(true).optional(),
    }),
    /** "5000万元至2亿元之间": both ends included. */
    z.strictObject({ test: z.literal("between"), fact: factName, from: z.number(), to: z.number() }),
    /** "研发投入占销售收入比例达到3%以上": numerator / denominator against a percentage. */
    z.strictObject({
      test: z.literal("ratio"),
      numerator: factName,
      denominator: factName,
      word: thresholdSchema,
      percent,
    }),
    z.strictObject({ test: z.literal("equals"), fact: factName, value: z.union([z.boolean(), localId]) }),
    z.strictObject({ test: z.literal("oneOf"), fact: factName, values: z.array(localId).min(1) }),
    /** Read from the enterprise's profile: a verified, unexpired qualification. */
    z.strictObject({ test: z.literal("qualification"), code: localId }),
    z.strictObject({ test: z.literal("industry"), codes: z.array(localId).min(1) }),
    z.strictObject({ test: z.literal("all"), of: z.array(testSchema).min(1) }),
    /** Alternatives such as the tiers of clause 14; each is named so the explanation can say which one applied. */
    z.strictObject({ test: z.literal("any"), of: z.array(z.strictObject({ label: text, test: testSchema })).min(1) }),
  ]),
);

export const conditionSchema = z.strictObject({
  id: localId,
  /** What the condition asks, as the clause says it, e.g. "研发投入占销售收入的比例达到规定档次". */
  label: text,
  /** The clause it comes from when not the programme's own. */
  clause: clauseId.optional(),
  test: testSchema,
});
export type Condition = z.infer<typeof conditionSchema>;
