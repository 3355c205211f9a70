/**
 * 贴息: the loan an application was started from, as its pages name it (number, bank, product, what was
 * disbursed when), and on the draft form the facts the loan's record holds, shown read-only: the
 * enterprise cannot change them (the server fills them from the record again on every save).
 */
import { formatPercent } from "../../../worker/engines/policy/money";
import { formatMoney } from "../../../worker/lib/money";
import { formatDateZh } from "../../format";
import type { CalcFact } from "../policy/calculator-fields";
import { fieldName } from "../policy/calculator-fields";

export interface LoanSummary {
  id: string;
  /** CZ-DK-2026-000012; null for a loan written outside the app. */
  number: string | null;
  bankId: string;
  bankName: string;
  productName: string;
  amountFen: number | null;
  disbursedOn: string | null;
}

/** "2026年3月1日放款100万元" */
const disbursed = (loan: LoanSummary) =>
  `${loan.disbursedOn ? formatDateZh(loan.disbursedOn) : ""}放款` +
  (loan.amountFen !== null ? formatMoney(loan.amountFen) : "");

/**
 * Rows of an application's summary list: the member's link to the loan's page; staff (who have no loan
 * page) read it, with a link to the bank's page, where its contacts are.
 */
export function LoanSourceRows({ loan, audience }: { loan: LoanSummary | null; audience: "staff" | "enterprise" }) {
  if (!loan) return null;
  const name = `${loan.productName}${loan.number ? ` ${loan.number}` : ""}`;
  return (
    <>
      <dt>贴息贷款</dt>
      <dd>
        {audience === "enterprise" ? <a href={`/finance/loans/${loan.id}`}>{name}</a> : name}(
        {audience === "staff" ? <a href={`/admin/banks/${loan.bankId}`}>{loan.bankName}</a> : loan.bankName},
        {disbursed(loan)})
      </dd>
    </>
  );
}

/** A fact's value from the loan's record, as a clerk reads it. */
function lockedText(fact: CalcFact, value: string, stored: unknown): string {
  switch (fact.type) {
    case "money":
      return typeof stored === "number" ? formatMoney(stored) : value;
    case "percent":
      return typeof stored === "number" ? formatPercent(stored) : value;
    case "date":
      return typeof stored === "string" ? formatDateZh(stored) : value;
    case "count":
      return `${value}${fact.unit ?? ""}`;
    case "choice":
      return fact.options?.find((o) => o.value === stored)?.label ?? value;
    default:
      return value;
  }
}

/**
 * On the draft form: where the application comes from, and the facts the loan's record fills, read-only.
 * Each keeps its field as a hidden input, so the live estimate reads the whole form as before.
 */
export function LoanSourceFields({
  loan,
  facts,
  all,
  values,
  stored,
}: {
  loan: LoanSummary;
  /** The locked facts, in the programme's order. */
  facts: readonly CalcFact[];
  all: readonly CalcFact[];
  /** The form's values by field name. */
  values: Record<string, string>;
  /** The facts as the loan's record gives them, by fact name. */
  stored: Record<string, unknown>;
}) {
  return (
    <div class="loan-source">
      <p>
        依据的贷款:{loan.bankName}“{loan.productName}”{loan.number ? `(${loan.number})` : ""},{disbursed(loan)}。
        <a href={`/finance/loans/${loan.id}`}>查看这笔贷款</a>
      </p>
      {facts.length > 0 && (
        <>
          <p class="hint">以下各项来自放款记录,不能修改;如有出入,请联系放款银行。</p>
          <dl class="kv">
            {facts.map((f) => {
              const name = fieldName(f, all);
              const value = values[name] ?? "";
              return (
                <>
                  <dt>{f.label}</dt>
                  <dd>
                    {value === "" ? "放款记录中没有" : lockedText(f, value, stored[f.name])}
                    <input type="hidden" name={name} value={value} />
                  </dd>
                </>
              );
            })}
          </dl>
        </>
      )}
    </div>
  );
}

export const LOAN_SOURCE_CSS = `
.loan-source{border:1px solid var(--line);border-radius:8px;padding:10px 12px;background:#f8fafc}
.loan-source p{margin:0 0 6px}
.loan-source dl{margin:0}
`;
