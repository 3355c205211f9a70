/**
 * 贴息: an application started from a disbursed 金融超市 loan takes its facts from the loan's record
 * (engines/policy/loan-facts.ts). Here: the loan as those facts read it, as a query for the caller's
 * own read batch, and the refusals every service that uses a loan says alike.
 */
import { and, eq, type SQL } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { banks, loanApplications, loanProducts } from "../../db/schema";
import type { LoanRecord } from "../../engines/policy/loan-facts";
import { AppError } from "../../lib/errors";

/** The loan (its id, or SQL naming it) and what the engine and pages read of it; `where` scopes it to its user. */
export function loanSourceQuery(db: TenantDb, loanId: string | SQL, where?: SQL) {
  return db
    .select({
      id: loanApplications.id,
      enterpriseId: loanApplications.enterpriseId,
      bankId: loanApplications.bankId,
      status: loanApplications.status,
      amountFen: loanApplications.disbursedAmountFen,
      rateBp: loanApplications.approvedRateBp,
      termMonths: loanApplications.approvedTermMonths,
      disbursedOn: loanApplications.disbursedOn,
      productType: loanProducts.type,
      productName: loanProducts.name,
      bankName: banks.name,
    })
    .from(loanApplications)
    .innerJoin(loanProducts, eq(loanProducts.id, loanApplications.productId))
    .innerJoin(banks, eq(banks.id, loanApplications.bankId))
    .where(and(eq(loanApplications.id, loanId), where))
    .limit(1);
}
export type LoanSource = Awaited<ReturnType<typeof loanSourceQuery>>[number];

export const LOAN_NOT_FOUND = "没有这笔贷款。";

/** The loan's record as the engine reads it; 409 while the loan is not (or no longer) disbursed. */
export function loanRecordOf(loan: LoanSource): LoanRecord {
  const { amountFen, rateBp, termMonths, disbursedOn } = loan;
  if (loan.status !== "disbursed" || amountFen === null || rateBp === null || termMonths === null || !disbursedOn)
    throw new AppError("conflict", "这笔贷款还没有放款,放款后才能申请贴息。");
  return { amountFen, rateBp, termMonths, disbursedOn, productType: loan.productType };
}

/** A programme whose facts no loan feeds cannot start from one. */
export function notLoanFed(title: string): AppError {
  return new AppError("validation_failed", `“${title}”不是贴息项目,不能从贷款发起申报;请从政策页面在线申报。`);
}
