/**
 * 贴息: an application started from a disbursed 金融超市 loan takes its facts from the loan's record
 * (engines/policy/loan-facts.ts). Here: the loan as those facts read it, as a query for the caller's
 * own read batch; the facts the loan's record holds, which the enterprise cannot change (every save,
 * submission and confirmation fills them from the record again); and the refusals every service that
 * uses a loan says alike.
 */
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { banks, loanApplications, loanProducts, subsidyApplications } from "../../db/schema";
import type { CompiledProgramme } from "../../engines/policy/evaluate";
import type { Facts } from "../../engines/policy/facts";
import type { Component } from "../../engines/policy/format/amounts";
import { type LoanRecord, prefillFromLoan } from "../../engines/policy/loan-facts";
import type { ZoneConfig } from "../../../tenants/schema";
import { applicationNumber } from "../../lib/application-number";
import { AppError } from "../../lib/errors";
import type { LoanSummary } from "../../../web/pages/subsidies/loan-source";
import { factsToForm } from "../policies/calculator-form";
import type { ProgrammeView } from "../../engines/policy/describe";
import { fieldName } from "../../../web/pages/policy/calculator-fields";

/** The loan (its id, or SQL naming it) and what the engine and pages read of it; `where` scopes it to its user. */
export function loanSourceQuery(db: TenantDb, loanId: string | SQL, where?: SQL) {
  return db
    .select({
      id: loanApplications.id,
      numberYear: loanApplications.numberYear,
      numberSeq: loanApplications.numberSeq,
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

/** A loan as an application's pages name it: its number, bank, product, and what was disbursed when. */
export function loanSummary(zone: Pick<ZoneConfig, "slug" | "code">, loan: LoanSource): LoanSummary {
  return {
    id: loan.id,
    number: applicationNumber(zone, "loan", loan),
    bankId: loan.bankId,
    bankName: loan.bankName,
    productName: loan.productName,
    amountFen: loan.amountFen,
    disbursedOn: loan.disbursedOn,
  };
}

/** The loan an application was started from (none for any other), for the application's own read batch. */
export const loanOfApplicationQuery = (db: TenantDb, applicationId: string) =>
  loanSourceQuery(
    db,
    sql`(select ${subsidyApplications.loanId} from ${subsidyApplications}
      where ${subsidyApplications.id} = ${applicationId})`,
  );

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

/** The first 贴息 component, depth first (inside `when` too): where the interest period is stated. */
export function interestComponent(components: readonly Component[]): Extract<Component, { kind: "interest" }> | null {
  for (const c of components) {
    if (c.kind === "interest") return c;
    if (c.kind === "when") {
      const inner = interestComponent([...c.then, ...c.otherwise]);
      if (inner) return inner;
    }
  }
  return null;
}

/**
 * The facts the loan's record holds and the enterprise cannot change: every fact with a `loan` prefill but
 * the interest period's first day, which the loan's disbursement date only suggests (a second year's
 * application starts the day after the first one's period ended); it may not be earlier than that date.
 */
export function lockedLoanFacts(programme: Pick<CompiledProgramme, "facts" | "amount">): string[] {
  const from = interestComponent(programme.amount)?.from;
  return programme.facts.filter((f) => f.prefill?.source === "loan" && f.name !== from).map((f) => f.name);
}

/** The locked facts as the loan's record gives them (a value the fact cannot take is left out, as at creation). */
export function lockedFromLoan(programme: Pick<CompiledProgramme, "facts" | "amount">, loan: LoanSource): Facts {
  const locked = new Set(lockedLoanFacts(programme));
  return Object.fromEntries(
    Object.entries(prefillFromLoan(programme, loanRecordOf(loan))).filter(([name]) => locked.has(name)),
  ) as Facts;
}

/**
 * What an enterprise sends for an application started from a loan, with the locked facts (and their form
 * fields) put back as the loan's record has them: whatever was typed or sent for them is ignored. Facts
 * or form values left out of the input stay left out (the save keeps the stored ones).
 */
export function withLoanFacts<
  T extends { facts?: Record<string, unknown> | undefined; formValues?: Record<string, string> | undefined },
>(
  programme: Pick<CompiledProgramme, "facts" | "amount">,
  view: ProgrammeView | null | undefined,
  loan: LoanSource | undefined,
  input: T,
): T {
  if (!loan) return input;
  const fromLoan = lockedFromLoan(programme, loan);
  // A locked fact the record cannot fill is dropped, not taken from the input.
  const locked = lockedLoanFacts(programme);
  const facts =
    input.facts === undefined
      ? undefined
      : { ...Object.fromEntries(Object.entries(input.facts).filter(([k]) => !locked.includes(k))), ...fromLoan };
  const blank = Object.fromEntries(
    (view?.facts ?? []).filter((f) => locked.includes(f.name)).map((f) => [fieldName(f, view!.facts), ""]),
  );
  const formValues =
    input.formValues === undefined
      ? undefined
      : { ...input.formValues, ...blank, ...(view ? factsToForm(view.facts, fromLoan) : {}) };
  return { ...input, ...(facts ? { facts } : {}), ...(formValues ? { formValues } : {}) };
}

/** The interest period may not start before the loan was disbursed: a refusal naming both dates, or null. */
export function periodBeforeLoan(
  programme: Pick<CompiledProgramme, "facts" | "amount">,
  facts: Record<string, unknown>,
  loan: LoanSource,
): AppError | null {
  const from = interestComponent(programme.amount)?.from;
  const day = from ? facts[from] : undefined;
  if (!from || typeof day !== "string" || !loan.disbursedOn || day >= loan.disbursedOn) return null;
  const label = programme.facts.find((f) => f.name === from)?.label.zh ?? "计息起始日";
  return new AppError(
    "validation_failed",
    `${label}(${day})早于这笔贷款的放款日 ${loan.disbursedOn},请改为放款日或之后。`,
    {
      [from]: `不能早于放款日 ${loan.disbursedOn}`,
    },
  );
}
