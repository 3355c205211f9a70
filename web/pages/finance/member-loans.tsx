/**
 * 我的贷款: the enterprise's loan applications, newest first — product, bank,
 * amount and term asked, where each stands in words and by when the bank
 * should act next. With none yet, the way to 金融超市 and 融资需求.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type { LoanStatus } from "../../../worker/db/schema";
import { AppNumber, NumberSearch } from "../../components/app-number";
import { formatDateZh } from "../../format";
import { Layout } from "../../layout";
import { formatTimeZh, type HeaderUser } from "../auth/labels";
import { MEMBER_CSS } from "./member-shared";
import { LoanStatusTag } from "./shared";
import { Pager } from "../../components/pager";
import { formatMoney } from "../../../worker/lib/money";
import { NoticeBox, type Notice } from "../subsidies/shared";

export interface MyLoanRow {
  id: string;
  numberYear: number | null;
  numberSeq: number | null;
  productName: string;
  bankName: string;
  amountFen: number;
  termMonths: number;
  status: LoanStatus;
  submittedAt: number;
  acceptDueOn: string;
  decideDueOn: string | null;
}

/** What happens next, in a few words. */
export function loanNextStep(a: Pick<MyLoanRow, "status" | "acceptDueOn" | "decideDueOn">): string {
  switch (a.status) {
    case "submitted":
      return `银行应在${formatDateZh(a.acceptDueOn)}前受理或拒绝`;
    case "accepted":
      return a.decideDueOn ? `银行应在${formatDateZh(a.decideDueOn)}前作出授信决定` : "银行审批中";
    case "approved":
      return "已授信,等待放款";
    case "withdrawn":
      return "已撤回,银行不再办理";
    default:
      return "—";
  }
}

export function MyLoansPage({
  zone,
  nonce,
  user,
  rows,
  total,
  nextHref,
  firstHref,
  notice,
  q,
}: {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  /** One page of the list. */
  rows: MyLoanRow[];
  /** Applications in the whole list (every page). */
  total: number;
  nextHref: string | null;
  firstHref: string | null;
  notice?: Notice | undefined;
  q?: string | undefined;
}) {
  return (
    <Layout title="我的贷款" zone={zone} nonce={nonce} user={user} current="finance" css={MEMBER_CSS}>
      <main id="main" class="wrap fin">
        <p class="crumbs">
          <a href="/finance">金融超市</a> › 我的贷款
        </p>
        <h1>我的贷款</h1>
        <p class="lead">在金融超市提交的贷款申请:银行受理、授信、放款或拒绝,每一步都会在这里和邮件中告知。</p>
        <NoticeBox notice={notice} />
        {(rows.length > 0 || q) && (
          <NumberSearch
            action="/finance/loans"
            q={q}
            label="查找申请"
            hint="申请编号(如 ZB-DK-2026-000045)、产品或银行名称"
          />
        )}
        {rows.length === 0 && q ? (
          <p class="panel">没有符合“{q}”的贷款申请。</p>
        ) : rows.length === 0 ? (
          <div class="panel">
            <p>还没有贷款申请。</p>
            <p>
              到<a href="/finance">金融超市</a>挑选产品,或先<a href="/finance/needs">发布融资需求</a>
              ,看看哪些产品最合适。
            </p>
          </div>
        ) : (
          <div class="table-scroll">
            <table class="grid stack">
              <caption class="sr">我的贷款申请列表</caption>
              <thead>
                <tr>
                  <th scope="col">产品</th>
                  <th scope="col">银行</th>
                  <th scope="col" class="num">
                    申请金额
                  </th>
                  <th scope="col">状态</th>
                  <th scope="col">下一步</th>
                  <th scope="col">提交时间</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => (
                  <tr>
                    <td data-label="产品">
                      <a href={`/finance/loans/${a.id}`}>{a.productName}</a>
                      <AppNumber zone={zone} kind="loan" row={a} />
                    </td>
                    <td data-label="银行">{a.bankName}</td>
                    <td data-label="申请金额" class="num">
                      {formatMoney(a.amountFen, { unit: "万元" })},{a.termMonths}个月
                    </td>
                    <td data-label="状态">
                      <LoanStatusTag status={a.status} />
                    </td>
                    <td data-label="下一步">{loanNextStep(a)}</td>
                    <td data-label="提交时间">
                      <time datetime={new Date(a.submittedAt).toISOString()}>
                        {formatTimeZh(new Date(a.submittedAt))}
                      </time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager total={total} unit="笔" nextHref={nextHref} firstHref={firstHref} />
      </main>
    </Layout>
  );
}
