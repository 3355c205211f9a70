/**
 * 贴息 programmes are fed by loans: facts with a `loan` prefill read a disbursed loan of the
 * 金融超市 (its amount, approved rate, disbursement date, term and product type). Pure: the caller
 * loads the loan and passes the record.
 */
import type { Facts, FactValue } from "./facts";
import type { Component } from "./format/amounts";
import { isCalendarDate } from "../../lib/calendar";
import { loanProductOption } from "./format/facts";
import type { Programme } from "./format/programme";

/** A disbursed loan as its facts need it. */
export interface LoanRecord {
  amountFen: number;
  /** The approved annual rate in basis points: 345 = 3.45%. */
  rateBp: number;
  /** YYYY-MM-DD (Asia/Shanghai). */
  disbursedOn: string;
  termMonths: number;
  /** The product's type: credit, mortgage, pledge, ip_pledge, guarantee, insurance, other. */
  productType: string;
}

/**
 * The facts a loan fills, only those with a loan prefill. A value the fact cannot take (a product
 * type the programme does not list, a record out of shape) is left unfilled: the applicant fills it
 * or the evaluation says what is missing; nothing is guessed.
 */
export function prefillFromLoan(programme: Pick<Programme, "facts">, loan: LoanRecord): Facts {
  const out: Record<string, FactValue> = {};
  for (const fact of programme.facts) {
    if (fact.prefill?.source !== "loan") continue;
    let v: FactValue | undefined;
    switch (fact.prefill.field) {
      case "amountFen":
        if (Number.isSafeInteger(loan.amountFen) && loan.amountFen >= 0) v = loan.amountFen;
        break;
      case "rate":
        // Basis points to a percent of two decimals: 345 → 3.45 (the division is exact to two decimals).
        if (Number.isSafeInteger(loan.rateBp) && loan.rateBp >= 0) v = loan.rateBp / 100;
        break;
      case "disbursedOn":
        if (isCalendarDate(loan.disbursedOn)) v = loan.disbursedOn;
        break;
      case "termMonths":
        if (Number.isSafeInteger(loan.termMonths) && loan.termMonths >= 0) v = loan.termMonths;
        break;
      case "productType": {
        const option = loanProductOption(loan.productType);
        if (fact.options?.some((o) => o.value === option)) v = option;
        break;
      }
    }
    if (v !== undefined) out[fact.name] = v;
  }
  return out;
}

/** Whether any fact of the programme is read from a loan: a 贴息 programme an enterprise applies to from its loan. */
export function isLoanFed(programme: Pick<Programme, "facts">): boolean {
  return programme.facts.some((f) => f.prefill?.source === "loan");
}

/** The first `interest` component, depth first (inside `when` branches too). */
function firstInterest(components: readonly Component[]): Extract<Component, { kind: "interest" }> | null {
  for (const c of components) {
    if (c.kind === "interest") return c;
    if (c.kind === "when") {
      const inner = firstInterest([...c.then, ...c.otherwise]);
      if (inner) return inner;
    }
  }
  return null;
}

/** The fact holding the interest actually paid (the bank confirms it), or null without a 贴息 component. */
export function interestPaidFact(programme: Pick<Programme, "amount">): string | null {
  return firstInterest(programme.amount)?.paid ?? null;
}
