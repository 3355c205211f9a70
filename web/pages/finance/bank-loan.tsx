/**
 * One loan application for the bank's staff: the product, amount, term, the
 * purpose of the need it came from and the enterprise's note; whom to call
 * (the enterprise's contact person and phone, the member who applied); what
 * was approved, disbursed or why it was declined; the enterprise's financial
 * facts where it consented for this bank; the timeline;
 * and the forms its status allows (./bank-loan-actions.tsx).
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type { LoanProductRow } from "../../../worker/db/schema";
import type { EnterpriseTerms } from "../../../worker/engines/loan-match/match";
import { namesOf } from "../../labels/finance";
import { AppNumberLine } from "../../components/app-number";
import { CalendarNote } from "../../components/calendar-note";
import { FormAlert } from "../../components/form";
import { formatDateZh } from "../../format";
import { Layout } from "../../layout";
import { formatTimeZh, type HeaderUser } from "../auth/labels";
import type { LoanDetail } from "./rows";
import { LoanActions, type FailedAction, type ReferralOption } from "./bank-loan-actions";
import { FINANCE_CSS, FinancialFacts, LoanStatusTag, LoanTimeline, PRODUCT_TYPE_ZH } from "./shared";
import { formatMoney } from "../../../worker/lib/money";
import { NoticeBox, type Notice } from "../subsidies/shared";
import { rateText } from "../../../worker/engines/loan-match/match";

export type { FailedAction } from "./bank-loan-actions";

export interface BankLoanPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  detail: LoanDetail;
  product: LoanProductRow;
  facts: EnterpriseTerms;
  consented: boolean;
  referrals: ReferralOption[];
  today: string;
  notice?: Notice | undefined;
  failed?: FailedAction | undefined;
}

/** Whether the refused form is still on the page for this status (else its message goes on top). */
const formShown = (status: string, form: FailedAction["form"]) =>
  form === "accept"
    ? status === "submitted"
    : form === "disburse"
      ? status === "approved"
      : status === "submitted" || status === "accepted";

export function BankLoanPage({
  zone,
  nonce,
  user,
  detail,
  product,
  facts,
  consented,
  referrals,
  today,
  notice,
  failed,
}: BankLoanPageProps) {
  const a = detail.application;
  const names = namesOf(zone);
  const title = `${detail.enterprise} · ${detail.productName}`;
  return (
    <Layout title={title} zone={zone} nonce={nonce} user={user} css={FINANCE_CSS}>
      <main id="main" class="wrap fin">
        <p class="crumbs">
          <a href="/bank/loans">贷款申请</a> › {detail.enterprise}
        </p>
        <h1>{title}</h1>
        <AppNumberLine zone={zone} kind="loan" row={a} />
        <p>
          <LoanStatusTag status={a.status} />{" "}
          {detail.overdue || a.escalatedAt !== null ? <span class="tag overdue">已超时</span> : null}
        </p>
        <NoticeBox notice={notice} />
        {failed && !formShown(a.status, failed.form) && <FormAlert errors={failed.errors} />}
        <div class="cols">
          <div>
            <section class="panel" aria-labelledby="h-app">
              <h2 id="h-app">申请</h2>
              <dl class="kv">
                <dt>产品</dt>
                <dd>
                  {product.name}({PRODUCT_TYPE_ZH[product.type]})
                </dd>
                <dt>申请金额</dt>
                <dd>{formatMoney(a.amountFen)}</dd>
                <dt>期限</dt>
                <dd>{a.termMonths}个月</dd>
                {detail.need && (
                  <>
                    <dt>资金用途</dt>
                    <dd>
                      {detail.need.purpose}
                      <small class="range">
                        (来自企业发布的融资需求:{formatMoney(detail.need.amountFen)},{detail.need.termMonths}个月)
                      </small>
                    </dd>
                  </>
                )}
                {a.note && (
                  <>
                    <dt>企业留言</dt>
                    <dd>{a.note}</dd>
                  </>
                )}
                <dt>提交时间</dt>
                <dd>{formatTimeZh(new Date(a.submittedAt))}</dd>
                {a.status === "submitted" && (
                  <>
                    <dt>受理期限</dt>
                    <dd>
                      {formatDateZh(a.acceptDueOn)}前受理或拒绝
                      <CalendarNote due={a.acceptDueOn} from={today} />
                    </dd>
                  </>
                )}
                {a.status === "accepted" && a.decideDueOn && (
                  <>
                    <dt>决定期限</dt>
                    <dd>
                      {formatDateZh(a.decideDueOn)}前作出授信决定
                      <CalendarNote due={a.decideDueOn} from={today} />
                    </dd>
                  </>
                )}
                {a.approvedAmountFen !== null && (
                  <>
                    <dt>授信</dt>
                    <dd>
                      {formatMoney(a.approvedAmountFen)},年利率{rateText(a.approvedRateBp ?? 0)},{a.approvedTermMonths}
                      个月
                    </dd>
                  </>
                )}
                {a.disbursedAmountFen !== null && (
                  <>
                    <dt>放款</dt>
                    <dd>
                      {a.disbursedOn ? formatDateZh(a.disbursedOn) : ""} {formatMoney(a.disbursedAmountFen)}
                    </dd>
                  </>
                )}
                {a.declineReason && (
                  <>
                    <dt>拒绝理由</dt>
                    <dd>{a.declineReason}</dd>
                  </>
                )}
                {detail.referral && (
                  <>
                    <dt>推荐产品</dt>
                    <dd>
                      {detail.referral.bankName} · {detail.referral.name}
                    </dd>
                  </>
                )}
              </dl>
            </section>
            <section class="panel" aria-labelledby="h-ent">
              <h2 id="h-ent">企业</h2>
              <dl class="kv">
                <dt>名称</dt>
                <dd>{detail.enterprise}</dd>
                <dt>行业</dt>
                <dd>{facts.industry ? names.industry(facts.industry) : "未填报"}</dd>
                <dt>联系人</dt>
                <dd>{detail.contact.name ?? "未填报"}</dd>
                <dt>联系电话</dt>
                <dd>
                  {detail.contact.phone ? <a href={`tel:${detail.contact.phone}`}>{detail.contact.phone}</a> : "未填报"}
                </dd>
                {detail.applicant && (
                  <>
                    <dt>申请人</dt>
                    <dd>
                      {detail.applicant.name} ·{" "}
                      <a href={`mailto:${detail.applicant.email}`}>{detail.applicant.email}</a>
                      {detail.applicant.mobile && detail.applicant.mobile !== detail.contact.phone && (
                        <>
                          {" "}
                          · <a href={`tel:${detail.applicant.mobile}`}>{detail.applicant.mobile}</a>
                        </>
                      )}
                    </dd>
                  </>
                )}
              </dl>
              <FinancialFacts zone={zone} facts={facts} shared={consented} />
            </section>
            <section class="panel" aria-labelledby="h-timeline">
              <h2 id="h-timeline">办理记录</h2>
              <LoanTimeline events={detail.events} audience="bank" />
            </section>
          </div>
          <section class="panel" aria-labelledby="h-actions">
            <h2 id="h-actions">办理</h2>
            <LoanActions app={a} product={product} referrals={referrals} today={today} failed={failed} />
          </section>
        </div>
      </main>
    </Layout>
  );
}
