/**
 * A submitted application as its enterprise sees it: where it stands in words
 * (stage, what is expected of whom, by when), the amounts, the facts as
 * submitted, the engine's explanation stored with it and the policy version,
 * the materials, the payments received and the whole timeline. Nothing about
 * objectors: the service leaves objections out for members, and the timeline
 * names only the enterprise's own people.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { formatPercent } from "../../../worker/engines/policy/money";
import { formatMoney, moneyUnit } from "../../../worker/lib/money";
import { AppNumberLine } from "../../components/app-number";
import { EvaluationResult } from "../../components/evaluation";
import { formatDateZh } from "../../format";
import { Layout } from "../../layout";
import { formatTimeZh, type HeaderUser } from "../auth/labels";
import type { CalcFact } from "../policy/calculator-fields";
import type { ApplicationView } from "./application-view";
import { InterestConfirmationRow } from "./interest-confirmation";
import { LoanSourceRows } from "./loan-source";
import {
  amountPhrase,
  CommentForm,
  inRemovedStage,
  NoticeBox,
  REARRANGING,
  StatusTag,
  SUBSIDY_CSS,
  Timeline,
  type Notice,
} from "./shared";

export interface StatusPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  detail: ApplicationView;
  title: string;
  /**
   * The programme's facts and materials in the version the application was
   * submitted under (labels); null if unknown.
   */
  facts: readonly CalcFact[] | null;
  materialNames: Record<string, string>;
  notice?: Notice | undefined;
  /** A refused comment, shown again with its message. */
  comment?: { value: string; error: string } | undefined;
}

function factText(fact: CalcFact | undefined, v: unknown): string {
  if (typeof v === "boolean") return v ? "是" : "否";
  if (fact?.type === "choice") return fact.options?.find((o) => o.value === String(v))?.label ?? String(v);
  if (typeof v !== "number") return String(v);
  switch (fact?.type) {
    case "money":
      return formatMoney(v);
    case "percent":
      return formatPercent(v);
    case "count":
      return `${v}${fact.unit ?? ""}`;
    default:
      return String(v);
  }
}

export function StatusPage({
  zone,
  nonce,
  user,
  detail,
  title,
  facts,
  materialNames,
  notice,
  comment,
}: StatusPageProps) {
  const { application: a, evaluation } = detail;
  // In a stage the zone removed: in review, and why it waits (not the removed stage, not a blank).
  const standing = inRemovedStage(zone, a.status, a.stage)
    ? { label: "审核中", expected: REARRANGING, by: null }
    : detail.standing;
  // The 金额 list reads as a column: one unit for its figures. The payments table is in 元, to the fen, like the vouchers.
  const figuresUnit = moneyUnit(
    ...[a.requestedFen, a.amountFen, a.rangeMaxFen, detail.paidFen].filter((f): f is number => f !== null),
  );
  const byName = new Map((facts ?? []).map((f) => [f.name, f]));
  const factRows = Object.entries(detail.facts).map(([name, v]) => {
    const f = byName.get(name);
    return { label: f?.label ?? name, value: factText(f, v) };
  });
  return (
    <Layout title={`申报:${title}`} zone={zone} nonce={nonce} user={user} css={SUBSIDY_CSS + STATUS_CSS}>
      <main id="main" class="wrap sub">
        <p class="crumbs">
          <a href="/subsidies">我的申报</a> › {title}
        </p>
        <h1>
          {title} <StatusTag zone={zone} status={a.status} stage={a.stage} audience="enterprise" />
        </h1>
        <AppNumberLine zone={zone} kind="subsidy" row={a} />
        <p class="print-link">
          <a class="btn secondary" href={`/subsidies/applications/${a.id}/print`}>
            打印申报书
          </a>
        </p>
        <NoticeBox notice={notice} />

        <section class="panel standing" aria-labelledby="standing-heading">
          <h2 id="standing-heading">办理进度</h2>
          <dl class="kv">
            <dt>当前</dt>
            <dd>
              <strong>{standing.label}</strong>
            </dd>
            <dt>下一步</dt>
            <dd>{standing.expected}</dd>
            {standing.by && (
              <>
                <dt>{a.status === "returned" ? "补正期限" : "预计完成"}</dt>
                <dd>
                  <time datetime={standing.by}>{formatDateZh(standing.by)}</time>前
                </dd>
              </>
            )}
            {a.submittedAt !== null && (
              <>
                <dt>提交时间</dt>
                <dd>{formatTimeZh(new Date(a.submittedAt))}</dd>
              </>
            )}
          </dl>
        </section>

        <div class="cols">
          <div>
            <section class="panel" aria-labelledby="amount-heading">
              <h2 id="amount-heading">金额</h2>
              <dl class="kv">
                <dt>申报测算</dt>
                <dd>
                  {a.requestedFen !== null
                    ? formatMoney(a.requestedFen, { unit: figuresUnit })
                    : amountPhrase(
                        { amountFen: null, rangeMinFen: a.rangeMinFen, rangeMaxFen: a.rangeMaxFen },
                        figuresUnit,
                      )}
                </dd>
                <dt>{a.status === "awarded" || a.status === "paid" ? "核定金额" : "当前金额"}</dt>
                <dd>
                  <strong>{amountPhrase(a, figuresUnit)}</strong>
                </dd>
                <dt>已拨付</dt>
                <dd>{formatMoney(detail.paidFen, { unit: figuresUnit })}</dd>
                <LoanSourceRows loan={detail.loan} audience="enterprise" />
                <InterestConfirmationRow app={a} audience="enterprise" />
              </dl>
              {detail.payments.length > 0 && (
                <div class="table-scroll">
                  <table class="grid stack">
                    <caption class="sr">拨付记录</caption>
                    <thead>
                      <tr>
                        <th scope="col">拨付日期</th>
                        <th scope="col" class="num">
                          金额
                        </th>
                        <th scope="col">凭证号</th>
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
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>

            <section class="panel" aria-labelledby="facts-heading">
              <h2 id="facts-heading">申报信息</h2>
              {factRows.length === 0 ? (
                <p>本项目不需要填写数据。</p>
              ) : (
                <dl class="kv">
                  {factRows.map((r) => (
                    <>
                      <dt>{r.label}</dt>
                      <dd>{r.value}</dd>
                    </>
                  ))}
                </dl>
              )}
            </section>

            <section class="panel" aria-labelledby="materials-heading">
              <h2 id="materials-heading">申报材料</h2>
              {detail.materials.length === 0 ? (
                <p>没有上传材料。</p>
              ) : (
                <ul class="files">
                  {detail.materials.map((m) => (
                    <li>
                      {materialNames[m.kind] ?? "材料"}:<a href={`/materials/${m.id}`}>{m.filename}</a>{" "}
                      <small>{formatTimeZh(new Date(m.createdAt))}</small>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>

          <section class="panel" aria-labelledby="eval-heading">
            <h2 id="eval-heading">测算说明</h2>
            {evaluation ? (
              <>
                <EvaluationResult result={evaluation} heading={3} />
                <p class="version-note">提交时按第{evaluation.policyVersion}版政策和你企业当时的资料计算。</p>
              </>
            ) : (
              <p>提交后会在这里显示测算依据。</p>
            )}
          </section>
        </div>

        <section aria-labelledby="history-heading">
          <h2 id="history-heading" class="section">
            办理记录
          </h2>
          <div class="panel">
            <Timeline zone={zone} events={detail.events} audience="enterprise" />
            <CommentForm
              action={`/subsidies/applications/${detail.application.id}/comments`}
              label="给园区留言"
              hint="园区工作人员会在办理记录中看到。"
              value={comment?.value}
              error={comment?.error}
            />
          </div>
        </section>
      </main>
    </Layout>
  );
}

const STATUS_CSS = `
.standing{margin:0 0 16px}
.sub .cols > div > .panel + .panel{margin-top:16px}
.files{margin:0;padding-left:1.2em}
.files small{color:var(--muted)}
.version-note{color:var(--muted);font-size:.88rem;margin:12px 0 0}
`;
