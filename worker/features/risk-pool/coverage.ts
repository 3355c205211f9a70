/**
 * How much of a defaulted loan a pool covers, and what an approval and a recovery move — pure, so
 * the node tests check the tiers and caps without a database. Coverage is ordered rules, first match
 * wins, else the default: 珠海 pays 50/70/90% by tier, 安徽 adds points for 首贷 and 信用贷; a zone
 * writes its own tiers as rules. Amounts are integer fen, rounded half up once.
 */
import { z } from "@hono/zod-openapi";
import { PRODUCT_TYPES } from "../../db/schema";
import { textField } from "../../lib/text";

const percent = z.number().int("比例请填写整数").min(0, "比例不能为负数").max(100, "补偿比例不超过100%");

export const CoverageRule = z.strictObject({
  when: z.strictObject({
    firstLoan: z.boolean().optional().openapi({ description: "首贷: the enterprise's first disbursed loan here" }),
    credit: z.boolean().optional().openapi({ description: "信用贷: the product's type is credit" }),
    productTypes: z.array(z.enum(PRODUCT_TYPES)).min(1).max(PRODUCT_TYPES.length).optional(),
  }),
  percent,
  label: textField({ label: "档次名称", max: 40, min: 1 }),
});
export type CoverageRule = z.infer<typeof CoverageRule>;

export const Coverage = z.strictObject({
  rules: z.array(CoverageRule).max(12, "补偿档次最多 12 条"),
  defaultPercent: percent,
});
export type Coverage = z.infer<typeof Coverage>;

/** What the rules read of a registered loan. */
export interface CoveredLoan {
  firstLoan: boolean;
  credit: boolean;
  productType: string;
}

/** The first rule whose every condition holds, else the default. */
export function coverageFor(coverage: Coverage, loan: CoveredLoan): { percent: number; label: string } {
  for (const r of coverage.rules) {
    const w = r.when;
    if (w.firstLoan !== undefined && w.firstLoan !== loan.firstLoan) continue;
    if (w.credit !== undefined && w.credit !== loan.credit) continue;
    if (w.productTypes && !(w.productTypes as readonly string[]).includes(loan.productType)) continue;
    return { percent: r.percent, label: r.label };
  }
  return { percent: coverage.defaultPercent, label: "基本比例" };
}

/** A rule's conditions as people read them: "首贷、信用贷". */
export function ruleConditionText(rule: CoverageRule, typeLabel: (t: string) => string): string {
  const parts: string[] = [];
  if (rule.when.firstLoan !== undefined) parts.push(rule.when.firstLoan ? "首贷" : "非首贷");
  if (rule.when.credit !== undefined) parts.push(rule.when.credit ? "信用贷" : "非信用贷");
  if (rule.when.productTypes) parts.push(`产品类型为${rule.when.productTypes.map(typeLabel).join("/")}`);
  return parts.length ? parts.join("、") : "所有贷款";
}

/** Half-up share of an amount: fen × percent / 100, on integers. */
export function shareOf(fen: number, percentage: number): number {
  return Math.floor((fen * percentage + 50) / 100);
}

export interface ClaimLimits {
  outstandingFen: number;
  coveragePercent: number;
  perLoanCapFen: number;
  /** The bank's cap less what the pool has already paid the bank. */
  bankRemainingFen: number;
  balanceFen: number;
}

/** The amount an approval pays and why: outstanding × coverage, then each cap that cuts it, in order. */
export function claimAmount(l: ClaimLimits): { amountFen: number; cutBy: "loan" | "bank" | "balance" | null } {
  let amountFen = shareOf(l.outstandingFen, l.coveragePercent);
  let cutBy: "loan" | "bank" | "balance" | null = null;
  const caps: [number, "loan" | "bank" | "balance"][] = [
    [l.perLoanCapFen, "loan"],
    [Math.max(0, l.bankRemainingFen), "bank"],
    [Math.max(0, l.balanceFen), "balance"],
  ];
  for (const [cap, by] of caps)
    if (amountFen > cap) {
      amountFen = cap;
      cutBy = by;
    }
  return { amountFen, cutBy };
}

/**
 * What a recovery credits back: the pool's share (the claim's coverage) of what the bank recovered,
 * never more than the pool paid on the claim less what earlier recoveries returned.
 */
export function recoveryCredit(o: {
  recoveredFen: number;
  coveragePercent: number;
  paidFen: number;
  creditedFen: number;
}): number {
  return Math.max(0, Math.min(shareOf(o.recoveredFen, o.coveragePercent), o.paidFen - o.creditedFen));
}
