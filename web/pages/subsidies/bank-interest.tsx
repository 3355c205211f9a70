/**
 * 贴息确认 (bank staff): the 贴息 applications started from the bank's own loans that wait for the bank
 * to confirm the interest the enterprise paid — the loan, the interest period and the figure the
 * enterprise stated — each with a form to confirm the figure (or correct it); then those confirmed.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { MoneyInput, Textarea } from "../../components/form";
import { formatDateZh } from "../../format";
import { Layout } from "../../layout";
import { formatTimeZh, type HeaderUser } from "../auth/labels";
import { NoticeBox, type Notice } from "./shared";
import { formatMoney } from "../../../worker/lib/money";
import { rateText } from "../../../worker/engines/loan-match/match";

export interface InterestConfirmationRow {
  id: string;
  number: string | null;
  programme: string;
  enterprise: string;
  statusZh: string;
  /** YYYY-MM-DD of the first submission. */
  submittedOn: string | null;
  loan: {
    id: string;
    number: string | null;
    productName: string;
    amountFen: number | null;
    rateBp: number | null;
    disbursedOn: string | null;
  };
  /** The interest period the enterprise stated (first and last day), when it did. */
  period: { from: string; to: string } | null;
  /** The interest paid as the enterprise stated it. */
  claimedFen: number | null;
  confirmed: { fen: number; by: string; at: number; note: string | null } | null;
  revision: number;
}

export interface BankInterestPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  pending: InterestConfirmationRow[];
  confirmed: InterestConfirmationRow[];
  notice?: Notice | undefined;
  /** A refused confirmation: its row, what was typed and why. */
  failed?: { id: string; paid: string; note: string; error: string } | undefined;
}

function LoanLine({ loan }: { loan: InterestConfirmationRow["loan"] }) {
  return (
    <>
      <a href={`/bank/loans/${loan.id}`}>
        {loan.productName}
        {loan.number ? ` ${loan.number}` : ""}
      </a>
      :{loan.disbursedOn ? formatDateZh(loan.disbursedOn) : ""}放款
      {loan.amountFen !== null ? formatMoney(loan.amountFen) : ""}
      {loan.rateBp !== null ? `,年利率${rateText(loan.rateBp)}` : ""}
    </>
  );
}

function ConfirmForm({ row, failed }: { row: InterestConfirmationRow; failed: BankInterestPageProps["failed"] }) {
  const mine = failed?.id === row.id ? failed : undefined;
  const typed = mine?.paid ?? (row.claimedFen !== null ? (row.claimedFen / 100).toFixed(2) : "");
  return (
    <form method="post" action={`/bank/interest-confirmations/${row.id}`} class="stack">
      <input type="hidden" name="revision" value={String(row.revision)} />
      <MoneyInput
        id={`f-${row.id}-paid`}
        name="interestPaid"
        label="核实的已付利息"
        hint="按贵行扣息记录填写计息期间内企业实际支付的利息;与企业填报不同时,以这里为准。"
        value={typed}
        error={mine?.error}
      />
      <Textarea
        id={`f-${row.id}-note`}
        name="note"
        label="说明(选填)"
        required={false}
        maxlength={500}
        value={mine?.note}
      />
      <button type="submit" class="btn">
        确认利息
      </button>
    </form>
  );
}

export function BankInterestPage({ zone, nonce, user, pending, confirmed, notice, failed }: BankInterestPageProps) {
  return (
    <Layout title="贴息确认" zone={zone} nonce={nonce} user={user}>
      <main id="main" class="wrap">
        <h1>贴息确认</h1>
        <p class="lead">
          {"企业凭贵行发放的贷款申请了园区贴息。请按扣息记录核实计息期间内企业实际支付的利息并确认:" +
            "贵行确认后园区才能审核,贴息按确认的利息计算。"}
        </p>
        <NoticeBox notice={notice} />
        <h2>待确认({pending.length})</h2>
        {pending.length === 0 && <p>目前没有待确认的贴息申报。</p>}
        {pending.map((row) => (
          <section class="card" aria-labelledby={`a-${row.id}`}>
            <h3 id={`a-${row.id}`}>
              {row.enterprise}:{row.programme}
              {row.number ? ` ${row.number}` : ""}
            </h3>
            <dl class="kv">
              <dt>贷款</dt>
              <dd>
                <LoanLine loan={row.loan} />
              </dd>
              <dt>计息期间</dt>
              <dd>{row.period ? `${formatDateZh(row.period.from)} 至 ${formatDateZh(row.period.to)}` : "未填写"}</dd>
              <dt>企业填报的已付利息</dt>
              <dd>{row.claimedFen !== null ? formatMoney(row.claimedFen) : "未填写"}</dd>
              <dt>申报状态</dt>
              <dd>
                {row.statusZh}
                {row.submittedOn ? `(${formatDateZh(row.submittedOn)}提交)` : ""}
              </dd>
            </dl>
            <ConfirmForm row={row} failed={failed} />
          </section>
        ))}
        <h2>已确认</h2>
        {confirmed.length === 0 ? (
          <p>还没有确认过的贴息申报。</p>
        ) : (
          <ul>
            {confirmed.map((row) => (
              <li>
                {row.enterprise}:{row.programme}
                {row.number ? ` ${row.number}` : ""},已付利息{formatMoney(row.confirmed?.fen ?? 0)}({row.confirmed?.by},
                {row.confirmed ? formatTimeZh(new Date(row.confirmed.at)) : ""}),{row.statusZh}
              </li>
            ))}
          </ul>
        )}
      </main>
    </Layout>
  );
}
