/**
 * One loan application as the enterprise sees it: where it stands in words,
 * the bank's decision (approved amount, rate and term; the disbursement; or
 * the reason for declining and the product the bank recommends instead), what
 * was asked, and every step with when it happened. While it is pending the
 * enterprise can withdraw it (撤回申请, confirmed first; the bank is told).
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { OPEN_LOAN_STATUSES, type LoanApplicationRow, type LoanEventRow } from "../../../worker/db/schema";
import { AppNumberLine } from "../../components/app-number";
import { Textarea } from "../../components/form";
import { formatDateZh } from "../../format";
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import { loanNextStep } from "./member-loans";
import { MEMBER_CSS } from "./member-shared";
import { LoanStatusTag, LoanTimeline } from "./shared";
import { formatMoney } from "../../../worker/lib/money";
import { NoticeBox, type Notice } from "../subsidies/shared";
import { rateText } from "../../../worker/engines/loan-match/match";
import { type LoanInterest, LoanInterestPanel } from "./member-interest";

export interface LoanPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  loan: LoanApplicationRow;
  product: { id: string; name: string; published: boolean };
  bankName: string;
  need: { id: string; amountFen: number; termMonths: number } | null;
  /** The product the bank recommended when declining, if any. */
  referral: { id: string; name: string; bankName: string; published: boolean } | null;
  events: LoanEventRow[];
  notice?: Notice | undefined;
  /** A refused withdrawal: the reason as typed and what was wrong with it. */
  withdraw?: { reason: string; error?: string | undefined } | undefined;
  /** 贴息 for a disbursed loan; null otherwise. */
  interest?: LoanInterest | null | undefined;
}

function Decision({ loan, product, referral }: Pick<LoanPageProps, "loan" | "product" | "referral">) {
  switch (loan.status) {
    case "approved":
    case "disbursed":
      return (
        <dl class="kv">
          <dt>授信金额</dt>
          <dd>{formatMoney(loan.approvedAmountFen ?? 0)}</dd>
          <dt>年利率</dt>
          <dd>{rateText(loan.approvedRateBp ?? 0)}</dd>
          <dt>期限</dt>
          <dd>{loan.approvedTermMonths}个月</dd>
          {loan.status === "disbursed" && (
            <>
              <dt>放款</dt>
              <dd>
                {loan.disbursedOn ? formatDateZh(loan.disbursedOn) : ""} 放款{formatMoney(loan.disbursedAmountFen ?? 0)}
              </dd>
            </>
          )}
        </dl>
      );
    case "declined":
      return (
        <>
          <p>
            <strong>拒绝理由:</strong>
            {loan.declineReason}
          </p>
          {referral && (
            <p>
              银行推荐改申请:
              {referral.published ? (
                <a href={`/finance/products/${referral.id}`}>
                  {referral.bankName}“{referral.name}”
                </a>
              ) : (
                <>
                  {referral.bankName}“{referral.name}”(已下架)
                </>
              )}
            </p>
          )}
          <p>
            也可以回到<a href="/finance">金融超市</a>看看其他产品。
          </p>
        </>
      );
    case "withdrawn":
      return (
        <>
          <p>你已撤回这笔申请,银行不再办理。</p>
          <p>
            需要时可以
            {product.published ? <a href={`/finance/products/${product.id}`}>重新申请这个产品</a> : "重新申请"},或到
            <a href="/finance">金融超市</a>看看其他产品。
          </p>
        </>
      );
    default:
      return <p>{loanNextStep(loan)}。超时未办理的申请会提醒银行,并报告园区。</p>;
  }
}

/** While the bank has not yet disbursed or declined, the enterprise may withdraw (asked to confirm first). */
function WithdrawForm({ loan, bankName, withdraw }: Pick<LoanPageProps, "loan" | "bankName" | "withdraw">) {
  return (
    <section class="panel" aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">撤回申请</h2>
      <form
        method="post"
        action={`/finance/loans/${loan.id}/withdraw`}
        class="stack"
        data-confirm="确定撤回这笔贷款申请吗?撤回后银行不再办理,需要时须重新申请。"
      >
        <input type="hidden" name="revision" value={String(loan.revision)} />
        <Textarea
          name="reason"
          label="撤回原因(选填)"
          hint={`${bankName}会看到这段话。`}
          required={false}
          maxlength={200}
          value={withdraw?.reason}
          error={withdraw?.error}
        />
        <button type="submit" class="btn danger">
          撤回申请
        </button>
      </form>
    </section>
  );
}

export function LoanPage({
  zone,
  nonce,
  user,
  loan,
  product,
  bankName,
  need,
  referral,
  events,
  notice,
  withdraw,
  interest,
}: LoanPageProps) {
  const pending = (OPEN_LOAN_STATUSES as readonly string[]).includes(loan.status);
  return (
    <Layout title={`贷款申请:${product.name}`} zone={zone} nonce={nonce} user={user} current="finance" css={MEMBER_CSS}>
      <main id="main" class="wrap fin">
        <p class="crumbs">
          <a href="/finance">金融超市</a> › <a href="/finance/loans">我的贷款</a> › {product.name}
        </p>
        <h1>贷款申请:{product.name}</h1>
        <AppNumberLine zone={zone} kind="loan" row={loan} />
        <p class="lead">
          <LoanStatusTag status={loan.status} /> {bankName}
        </p>
        <NoticeBox notice={notice} />
        <div class="cols">
          <div>
            <section class="panel" aria-labelledby="decision-heading">
              <h2 id="decision-heading">银行的决定</h2>
              <Decision loan={loan} product={product} referral={referral} />
            </section>
            {interest && <LoanInterestPanel loanId={loan.id} interest={interest} />}
            <section class="panel" aria-labelledby="asked-heading">
              <h2 id="asked-heading">申请内容</h2>
              <dl class="kv">
                <dt>产品</dt>
                <dd>
                  {product.published ? <a href={`/finance/products/${product.id}`}>{product.name}</a> : product.name}
                </dd>
                <dt>申请金额</dt>
                <dd>{formatMoney(loan.amountFen)}</dd>
                <dt>期限</dt>
                <dd>{loan.termMonths}个月</dd>
                {need && (
                  <>
                    <dt>融资需求</dt>
                    <dd>
                      <a href={`/finance/needs/${need.id}`}>
                        {formatMoney(need.amountFen)},{need.termMonths}个月
                      </a>
                    </dd>
                  </>
                )}
                {loan.note && (
                  <>
                    <dt>补充说明</dt>
                    <dd>{loan.note}</dd>
                  </>
                )}
              </dl>
              <p class="hint">
                提交申请即同意{bankName}查看本企业的资质、成立年限和营业收入;可在
                <a href="/finance/consents">数据授权</a>撤回。
              </p>
            </section>
            {pending && <WithdrawForm loan={loan} bankName={bankName} withdraw={withdraw} />}
          </div>
          <section class="panel" aria-labelledby="history-heading">
            <h2 id="history-heading">办理记录</h2>
            <LoanTimeline events={events} audience="enterprise" />
          </section>
        </div>
      </main>
    </Layout>
  );
}
