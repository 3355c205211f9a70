/**
 * What the 金融超市 views are handed, declared on the view side (web/ never
 * imports a feature): the services' results satisfy these shapes, and the
 * services name them as their return types so a change shows up on both sides.
 */
import type { FinancingNeedRow, LoanApplicationRow, LoanEventRow, LoanProductRow } from "../../../worker/db/schema";
import type { EnterpriseTerms, Match, ProductTerms } from "../../../worker/engines/loan-match/match";

/** One loan application in a list: the row, the names around it, its number and whether it is overdue. */
export interface LoanListRow {
  application: LoanApplicationRow;
  productName: string;
  bankName: string;
  enterprise: string;
  number: string | null;
  overdue: boolean;
}

/** One loan application with its timeline, referral, whom to call and the need it came from. */
export interface LoanDetail extends LoanListRow {
  events: LoanEventRow[];
  referral: { productId: string; name: string; bankName: string } | null;
  contact: { name: string | null; phone: string | null };
  applicant: { name: string; email: string; mobile: string | null } | null;
  need: { id: string; purpose: string; amountFen: number; termMonths: number } | null;
}

/** An open need as a bank sees it: the enterprise, its facts (with consent) and the bank's best product for it. */
export interface BankNeedRow {
  need: FinancingNeedRow;
  enterprise: string;
  industry: string | null;
  consented: boolean;
  facts: EnterpriseTerms;
  best: (Match & { product: ProductTerms & { row: LoanProductRow } }) | null;
}

/** The zone's 金融超市 statistics (zone staff). */
export interface FinanceStatistics {
  needs: { posted: number; open: number; met: number; closed: number; amountPostedFen: number };
  loans: {
    applications: number;
    approvedFen: number;
    disbursedFen: number;
    pending: number;
    /** The latest day a pending application must be answered by (a year not yet announced is flagged). */
    latestDueOn: string | null;
  };
  banks: {
    bankId: string;
    bank: string;
    applications: number;
    approved: number;
    declined: number;
    overdue: number;
    avgDaysToRespond: number | null;
    avgDaysToDecide: number | null;
  }[];
}

/** The product form as typed (strings; checkboxes as lists), re-shown when refused. */
export interface ProductFormValues {
  text: Record<string, string>;
  guarantees: string[];
  industries: string[];
  qualifications: string[];
}
