/**
 * 贴息 from the 金融超市's side: which programmes of the policy in force a disbursed loan may apply
 * for (told at 放款, offered on the loan's page), and the enterprise's applications already started
 * from the loan. A programme counts when a loan feeds its facts, enterprises apply for it themselves,
 * and the engine, on the loan's facts alone, does not already say no (a window closed, a product type
 * or rate it does not cover); the interest period and the interest paid come later, from the enterprise.
 */
import { and, asc, eq } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { subsidyApplications, type LoanApplicationRow } from "../../db/schema";
import { type CompiledProgramme, evaluate } from "../../engines/policy/evaluate";
import { isLoanFed, type LoanRecord, prefillFromLoan } from "../../engines/policy/loan-facts";
import { lprSeries } from "../../lib/lpr";
import type { RequestCtx } from "../../middleware/request-ctx";
import { type LoadedPolicy, policyFromRow } from "../policies/current-policy";

export function interestProgrammes(
  ctx: Pick<RequestCtx, "zone">,
  policy: LoadedPolicy | null,
  loan: LoanRecord,
  today: string,
): CompiledProgramme[] {
  if (!policy) return [];
  const lpr = lprSeries(ctx.zone.finance.lpr);
  return [...policy.compiled.programmes.values()].filter(
    (p) =>
      isLoanFed(p) &&
      p.applicants.kinds.includes("enterprise") &&
      evaluate(p, { facts: prefillFromLoan(p, loan), date: today, lpr }).eligible !== false,
  );
}

/** The enterprise's 贴息 applications started from the loan, oldest first, for the caller's batch. */
export function loanSubsidiesQuery(db: TenantDb, loanId: string, enterpriseId: string) {
  return db
    .select({
      id: subsidyApplications.id,
      programmeId: subsidyApplications.programmeId,
      status: subsidyApplications.status,
      numberYear: subsidyApplications.numberYear,
      numberSeq: subsidyApplications.numberSeq,
      amountFen: subsidyApplications.amountFen,
    })
    .from(subsidyApplications)
    .where(and(eq(subsidyApplications.loanId, loanId), eq(subsidyApplications.enterpriseId, enterpriseId)))
    .orderBy(asc(subsidyApplications.createdAt));
}

/** At 放款: the titles of the programmes the loan now may apply for, from the version row read with the step. */
export async function openedByDisbursement(
  ctx: Pick<RequestCtx, "db" | "zone">,
  policyRow: Parameters<typeof policyFromRow>[1],
  o: {
    app: Pick<LoanApplicationRow, "approvedRateBp" | "approvedTermMonths">;
    type: string;
    amountFen: number;
    disbursedOn: string;
  },
  today: string,
): Promise<string[]> {
  const loan: LoanRecord = {
    amountFen: o.amountFen,
    rateBp: o.app.approvedRateBp ?? 0,
    termMonths: o.app.approvedTermMonths ?? 0,
    disbursedOn: o.disbursedOn,
    productType: o.type,
  };
  return interestProgrammes(ctx, await policyFromRow(ctx, policyRow), loan, today).map((p) => p.title.zh);
}
