/**
 * 贴息 on a disbursed loan's page: the programmes of the policy in force the loan may apply for, each
 * with 申请贴息 (a draft prefilled from the loan: the enterprise adds the interest period and the interest
 * paid), and the applications already started from the loan. The 放款 notice links here.
 */
import type { SubsidyStatus } from "../../../worker/db/schema";
import { formatMoney } from "../../../worker/lib/money";
import { STATUS_ZH } from "../../labels/subsidies";

export interface LoanInterest {
  /** Programmes the loan may apply for; `draftId`: a draft already started from it (opened instead). */
  programmes: { id: string; title: string; draftId: string | null }[];
  applications: { id: string; title: string; status: SubsidyStatus; number: string | null; amountFen: number | null }[];
}

export function LoanInterestPanel({ loanId, interest }: { loanId: string; interest: LoanInterest }) {
  const { programmes, applications } = interest;
  if (!programmes.length && !applications.length) return null;
  return (
    <section class="panel" aria-labelledby="interest-heading" id="interest">
      <h2 id="interest-heading">贷款贴息</h2>
      {programmes.length > 0 && (
        <>
          <p>
            {"这笔贷款可以申请以下贴息。申报表已按放款记录填好贷款金额、利率和放款日期,你只需填写计息期间和这期间" +
              "实际支付的利息;提交后由放款银行核实利息,再由园区审核。"}
          </p>
          <ul class="stack">
            {programmes.map((p) => (
              <li>
                <strong>{p.title}</strong>{" "}
                {p.draftId ? (
                  <a class="btn" href={`/subsidies/applications/${p.draftId}`}>
                    继续填写申请
                  </a>
                ) : (
                  <form method="post" action="/subsidies/apply">
                    <input type="hidden" name="programme" value={p.id} />
                    <input type="hidden" name="loanId" value={loanId} />
                    <input type="hidden" name="idempotencyKey" value={crypto.randomUUID()} />
                    <button type="submit" class="btn">
                      申请贴息
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {applications.length > 0 && (
        <>
          <h3>已发起的贴息申请</h3>
          <ul>
            {applications.map((a) => (
              <li>
                <a href={`/subsidies/applications/${a.id}`}>
                  {a.title}
                  {a.number ? ` ${a.number}` : ""}
                </a>
                :{STATUS_ZH[a.status]}
                {a.amountFen !== null && a.status !== "draft" ? `,金额${formatMoney(a.amountFen)}` : ""}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
