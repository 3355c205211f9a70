/**
 * One application as staff see it: where it stands, the facts as submitted,
 * the materials, the engine's explanation stored at submission, the payment
 * ledger, objections with contacts, the timeline with every comment and
 * amount, and beside them what the signed-in staff member can do now.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { formatMoney, moneyFormatter } from "../../../worker/lib/money";
import type { Fact } from "../../../worker/engines/policy/format/facts";
import { RETIRED_PROGRAMME } from "../../labels/subsidies";
import { AppNumberLine } from "../../components/app-number";
import { CalendarNote } from "../../components/calendar-note";
import { EvaluationResult } from "../../components/evaluation";
import { formatDateZh } from "../../format";
import { Layout } from "../../layout";
import { formatTimeZh, type HeaderUser } from "../auth/labels";
import {
  MoveStageForm,
  Objections,
  PaymentForm,
  ReviewForms,
  type FailedForm,
  type StaffActions,
} from "./staff-actions";
import type { ApplicationView } from "./application-view";
import { CommentForm, NoticeBox, StatusTag, Timeline, type Notice } from "./shared";
import { isOverdue, SUBSIDY_STAFF_CSS } from "./staff-shared";
import { InterestConfirmationRow } from "./interest-confirmation";
import { LoanSourceRows } from "./loan-source";

interface StaffApplicationProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  detail: ApplicationView;
  /** The programme as the application's own policy version has it (null if that version is gone). */
  programme: { title: string; facts: readonly Fact[]; materials: readonly { id: string; zh: string }[] } | null;
  /** Who recorded each payment: user id → email. */
  recorders: Record<string, string>;
  actions: StaffActions;
  today: string;
  notice?: Notice | undefined;
  failed?: FailedForm | undefined;
}

/** A fact's value as a person reads it. */
export function factText(f: Fact | undefined, v: unknown): string {
  if (v === undefined || v === null || v === "") return "—";
  if (!f) return String(v);
  switch (f.type) {
    case "money":
      return typeof v === "number" ? formatMoney(v) : String(v);
    case "boolean":
      return v === true ? "是" : v === false ? "否" : String(v);
    case "choice":
      return f.options?.find((o) => o.value === v)?.zh ?? String(v);
    case "percent":
      return `${String(v)}%`;
    case "count":
      return `${String(v)}${f.unit ?? ""}`;
    case "text":
    case "date":
      return String(v);
  }
}

export function StaffApplicationPage({
  zone,
  nonce,
  user,
  detail,
  programme,
  recorders,
  actions,
  today,
  notice,
  failed,
}: StaffApplicationProps) {
  const app = detail.application;
  const title = programme?.title ?? RETIRED_PROGRAMME;
  const declared = new Map((programme?.facts ?? []).map((f) => [f.name, f]));
  const factNames = [
    ...(programme?.facts ?? []).map((f) => f.name),
    ...Object.keys(detail.facts).filter((k) => !declared.has(k)),
  ];
  const materialName = new Map((programme?.materials ?? []).map((m) => [`subsidy:${m.id}`, m.zh]));
  const hasActions = actions.review || actions.pay || actions.note || actions.move;
  // The 金额 list reads as a column: one unit for its figures. Payments are in 元, to the fen, like the vouchers.
  const money = moneyFormatter(
    ...[app.amountFen, app.requestedFen, app.rangeMaxFen, detail.paidFen].filter((f): f is number => f !== null),
  );
  return (
    <Layout
      title={`${detail.enterprise.name} · ${title}`}
      zone={zone}
      nonce={nonce}
      user={user}
      css={SUBSIDY_STAFF_CSS}
    >
      <main id="main" class="wrap sub">
        <p class="crumbs">
          <a href="/admin/subsidies">政策兑现</a> › 申报详情
        </p>
        <h1>{title}</h1>
        <AppNumberLine zone={zone} kind="subsidy" row={app} />
        <p class="print-link">
          <a class="btn secondary" href={`/admin/subsidies/applications/${app.id}/print`}>
            打印申报书
          </a>
        </p>
        <p class="lead">
          <a href={`/admin/enterprises/${detail.enterprise.id}`}>{detail.enterprise.name}</a> ·{" "}
          <StatusTag zone={zone} status={app.status} stage={app.stage} />
          {detail.openObjections > 0 && (
            <>
              {" "}
              <span class="tag overdue">有 {detail.openObjections} 条异议待处理</span>
            </>
          )}
        </p>
        <NoticeBox notice={notice} />
        <div class="cols">
          <div>
            <section class="panel" aria-labelledby="h-facts">
              <h2 id="h-facts">申报概况</h2>
              <dl class="kv">
                <dt>当前环节</dt>
                <dd>
                  {detail.standing.label}
                  {detail.standing.expected !== "无" ? `;${detail.standing.expected}` : ""}
                  {detail.standing.by ? `(${formatDateZh(detail.standing.by)}前)` : ""}
                </dd>
                <dt>核定金额</dt>
                <dd>{app.amountFen !== null ? money(app.amountFen) : "评审确定"}</dd>
                <dt>测算金额</dt>
                <dd>
                  {app.requestedFen !== null ? money(app.requestedFen) : "—"}
                  {app.rangeMinFen !== null && app.rangeMaxFen !== null
                    ? `(政策范围 ${money(app.rangeMinFen)}至${money(app.rangeMaxFen)})`
                    : ""}
                </dd>
                <LoanSourceRows loan={detail.loan} audience="staff" />
                <InterestConfirmationRow app={app} audience="staff" />
                <dt>申报年度</dt>
                <dd>{app.awardYear ?? "—"}</dd>
                <dt>提交时间</dt>
                <dd>{app.submittedAt ? formatTimeZh(new Date(app.submittedAt)) : "未提交"}</dd>
                <dt>办理期限</dt>
                <dd>
                  {app.dueOn ? formatDateZh(app.dueOn) : "—"}
                  {isOverdue(app, today) && (
                    <>
                      {" "}
                      <span class="tag overdue">已逾期</span>
                    </>
                  )}
                  {(app.status === "in_review" || app.status === "returned") && (
                    <CalendarNote due={app.dueOn} from={today} />
                  )}
                </dd>
                {app.publicityFrom && (
                  <>
                    <dt>公示期</dt>
                    <dd>
                      {formatDateZh(app.publicityFrom)} 至 {app.publicityTo ? formatDateZh(app.publicityTo) : "—"}
                      <CalendarNote due={app.publicityTo} from={app.publicityFrom} />
                    </dd>
                  </>
                )}
                {detail.payments.length > 0 && (
                  <>
                    <dt>已拨付</dt>
                    <dd>{money(detail.paidFen)}</dd>
                  </>
                )}
              </dl>
            </section>

            <section class="panel" aria-labelledby="h-facts-list">
              <h2 id="h-facts-list">申报信息</h2>
              {factNames.length === 0 ? (
                <p>本项目无需填写申报信息。</p>
              ) : (
                <dl class="kv">
                  {factNames.map((n) => (
                    <>
                      <dt>{declared.get(n)?.label.zh ?? n}</dt>
                      <dd>{factText(declared.get(n), detail.facts[n])}</dd>
                    </>
                  ))}
                </dl>
              )}
              {app.projectCode && <p>项目编号:{app.projectCode}</p>}
            </section>

            <section class="panel" aria-labelledby="h-materials">
              <h2 id="h-materials">申报材料</h2>
              {detail.materials.length === 0 ? (
                <p>没有上传材料。</p>
              ) : (
                <ul class="plain">
                  {detail.materials.map((m) => (
                    <li>
                      {materialName.get(m.kind) ?? m.kind}:
                      <a href={`/materials/${m.id}`} target="_blank" rel="noopener">
                        {m.filename}
                      </a>
                      ({Math.max(1, Math.round(m.size / 1024))} KB)
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <section class="panel" aria-labelledby="h-eval">
              <h2 id="h-eval">提交时的测算结果</h2>
              {detail.evaluation ? (
                <>
                  <p class="lead">
                    按第{detail.evaluation.policyVersion}版政策,提交时由系统根据申报信息和企业资料计算。
                  </p>
                  <EvaluationResult result={detail.evaluation} heading={3} />
                </>
              ) : (
                <p>尚未提交,没有测算结果。</p>
              )}
            </section>

            {detail.payments.length > 0 && (
              <section class="panel" aria-labelledby="h-ledger">
                <h2 id="h-ledger">拨付记录</h2>
                <div class="table-scroll">
                  <table class="grid stack">
                    <thead>
                      <tr>
                        <th scope="col">拨付日期</th>
                        <th scope="col" class="num">
                          金额
                        </th>
                        <th scope="col">凭证号</th>
                        <th scope="col">登记人</th>
                      </tr>
                    </thead>
                    <tbody>
                      {detail.payments.map((p) => (
                        <tr>
                          <td>{formatDateZh(p.paidOn)}</td>
                          <td class="num" data-label="金额">
                            {formatMoney(p.amountFen, { unit: "元" })}
                          </td>
                          <td data-label="凭证号">{p.voucherNo}</td>
                          <td data-label="登记人">
                            {recorders[p.recordedBy] ?? p.recordedBy}
                            <small>{formatTimeZh(new Date(p.recordedAt))}</small>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            )}
          </div>

          <div>
            {hasActions && (
              <section class="panel" aria-labelledby="h-actions">
                <h2 id="h-actions">办理</h2>
                {actions.note && <p>{actions.note}</p>}
                <ReviewForms app={app} actions={actions} failed={failed} />
                <MoveStageForm app={app} actions={actions} failed={failed} />
                <PaymentForm app={app} actions={actions} failed={failed} today={today} />
              </section>
            )}
            <Objections objections={detail.objections} canResolve={actions.resolve} failed={failed} />
            <section class="panel" aria-labelledby="h-timeline">
              <h2 id="h-timeline">办理记录</h2>
              <Timeline zone={zone} events={detail.events} audience="staff" />
              {app.status !== "draft" && (
                <CommentForm
                  action={`/admin/subsidies/applications/${app.id}/comments`}
                  label="写园区意见"
                  hint="企业会在办理记录中看到(署名“园区”),并收到邮件。"
                  value={failed?.form === "comment" ? failed.values.text : undefined}
                  error={failed?.form === "comment" ? (failed.errors.fields?.text ?? failed.errors.message) : undefined}
                />
              )}
            </section>
          </div>
        </div>
      </main>
    </Layout>
  );
}
