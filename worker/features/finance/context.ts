/** What the 金融超市 services share: the JSON list columns, and a product as the loan matcher sees it. */
import type { LoanProductRow } from "../../db/schema";
import type { Guarantee, ProductTerms } from "../../engines/loan-match/match";

/** A JSON list column (guarantees, industries, qualifications, materials) as its values. */
export const list = <T = string>(json: string): T[] => JSON.parse(json) as T[];

export function termsOf(p: LoanProductRow): ProductTerms & { row: LoanProductRow } {
  return {
    id: p.id,
    minAmountFen: p.minAmountFen,
    maxAmountFen: p.maxAmountFen,
    minRateBp: p.minRateBp,
    maxRateBp: p.maxRateBp,
    minTermMonths: p.minTermMonths,
    maxTermMonths: p.maxTermMonths,
    guarantees: list<Guarantee>(p.guarantees),
    industries: list(p.industries),
    qualifications: list(p.qualifications),
    minYears: p.minYears,
    minRevenueFen: p.minRevenueFen,
    row: p,
  };
}
