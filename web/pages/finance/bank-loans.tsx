/**
 * 贷款申请 (bank staff): the bank's applications, what waits on the bank first
 * and the overdue on top; per row the enterprise, product, amount and term,
 * status, when it came in and the day it must be answered by (受理或拒绝 /
 * 授信决定), with an overdue mark once that day has passed or the application
 * was escalated to the zone.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { AppNumber, NumberSearch } from "../../components/app-number";
import { CalendarListNote, CalendarNote } from "../../components/calendar-note";
import { formatDateZh } from "../../format";
import { Layout } from "../../layout";
import { formatTimeZh, type HeaderUser } from "../auth/labels";
import type { LoanListRow } from "./rows";
import { FINANCE_CSS, LoanStatusTag, overdueRule } from "./shared";
import { formatMoney } from "../../../worker/lib/money";
import { Pager } from "../../components/pager";

export interface BankLoansPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  /** One page of the queue. */
  rows: LoanListRow[];
  /** Over the whole queue (every page): all, waiting on the bank, overdue. */
  counts: { total: number; waiting: number; overdue: number };
  nextHref: string | null;
  firstHref: string | null;
  /** The search as typed (an application number or a name), when the list is narrowed to it. */
  q?: string | undefined;
}

/** The day the bank must act by, and what it must do by then; none once decided. */
function due(a: LoanListRow["application"]): { on: string; what: string } | null {
  if (a.status === "submitted") return { on: a.acceptDueOn, what: "受理或拒绝" };
  if (a.status === "accepted" && a.decideDueOn) return { on: a.decideDueOn, what: "授信决定" };
  return null;
}

export function BankLoansPage({ zone, nonce, user, rows, counts, nextHref, firstHref, q }: BankLoansPageProps) {
  const { total, waiting, overdue } = counts;
  return (
    <Layout title="贷款申请" zone={zone} nonce={nonce} user={user} css={FINANCE_CSS}>
      <main id="main" class="wrap fin">
        <h1>贷款申请</h1>
        <p class="lead">
          企业向你行产品提交的贷款申请。请在 {zone.finance.acceptWorkingDays} 个工作日内受理或拒绝,受理后{" "}
          {zone.finance.decideWorkingDays} 个工作日内作出授信决定;{overdueRule(zone, "你行")}。
        </p>
        <NumberSearch
          action="/bank/loans"
          q={q}
          label="查找申请"
          hint="申请编号(如 ZB-DK-2026-000045)、企业或产品名称"
        />
        <p>
          <a href={`/api/v1/finance/loans?format=xlsx${q ? `&q=${encodeURIComponent(q)}` : ""}`}>
            {q ? "导出查找结果(Excel)" : "导出全部申请(Excel)"}
          </a>
        </p>
        <CalendarListNote dues={rows.map((r) => due(r.application)?.on)} />
        <p aria-live="polite">
          {q ? `“${q}”:` : ""}共 {total} 笔,待办理 {waiting} 笔{overdue ? `,其中超时 ${overdue} 笔` : ""}
        </p>
        {rows.length === 0 ? (
          <p class="panel">{q ? "没有符合的贷款申请。" : "还没有贷款申请。"}</p>
        ) : (
          <div class="table-scroll">
            <table class="grid stack">
              <thead>
                <tr>
                  <th scope="col">企业</th>
                  <th scope="col">产品</th>
                  <th scope="col">金额与期限</th>
                  <th scope="col">状态</th>
                  <th scope="col">提交时间</th>
                  <th scope="col">办理期限</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const a = r.application;
                  const d = due(a);
                  return (
                    <tr>
                      <th scope="row">
                        <a href={`/bank/loans/${a.id}`}>{r.enterprise}</a>
                        <AppNumber zone={zone} kind="loan" row={a} />
                      </th>
                      <td data-label="产品">{r.productName}</td>
                      <td data-label="金额与期限">
                        {formatMoney(a.amountFen, { unit: "万元" })},{a.termMonths}个月
                      </td>
                      <td data-label="状态">
                        <LoanStatusTag status={a.status} />
                      </td>
                      <td data-label="提交时间">{formatTimeZh(new Date(a.submittedAt))}</td>
                      <td data-label="办理期限">
                        {d ? (
                          <>
                            {formatDateZh(d.on)}前{d.what}
                          </>
                        ) : (
                          "—"
                        )}
                        {d && <CalendarNote due={d.on} />}
                        {r.overdue && (
                          <small>
                            <span class="tag overdue">已超时</span>
                          </small>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pager total={total} unit="笔" nextHref={nextHref} firstHref={firstHref} />
      </main>
    </Layout>
  );
}
