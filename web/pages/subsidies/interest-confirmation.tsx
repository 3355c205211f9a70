/**
 * 贴息: where the lending bank's confirmation of the interest paid stands, as a row of an application's
 * summary (staff and member pages). Nothing for an application not started from a loan.
 */
import type { SubsidyApplicationRow } from "../../../worker/db/schema";
import { formatMoney } from "../../../worker/lib/money";
import { formatTimeZh } from "../auth/labels";

type Confirmable = Pick<
  SubsidyApplicationRow,
  "loanId" | "interestConfirmedFen" | "interestConfirmedBy" | "interestConfirmedAt" | "interestConfirmNote"
>;

export function InterestConfirmationRow({ app, audience }: { app: Confirmable; audience: "staff" | "enterprise" }) {
  if (app.loanId === null) return null;
  const confirmed = app.interestConfirmedFen !== null && app.interestConfirmedAt !== null;
  return (
    <>
      <dt>银行确认利息</dt>
      <dd>
        {confirmed ? (
          <>
            已确认已付利息{formatMoney(app.interestConfirmedFen!)}
            {audience === "staff" ? `(${app.interestConfirmedBy ?? ""},` : "("}
            {formatTimeZh(new Date(app.interestConfirmedAt!))})
            {app.interestConfirmNote ? `。说明:${app.interestConfirmNote}` : ""}
          </>
        ) : audience === "staff" ? (
          "待放款银行确认已付利息;确认前不能通过审核环节,可以退回补正或驳回。"
        ) : (
          "等待放款银行确认已付利息;确认后园区才能通过审核。"
        )}
      </dd>
    </>
  );
}
