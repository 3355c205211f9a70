/**
 * 政策兑现 (staff): the applications waiting at each stage of the zone, with
 * counts per stage as tabs, filters (status, stage, programme, enterprise name,
 * only those back after a correction),
 * and per row the enterprise, programme, amount, submission and due date, with
 * an overdue mark. Oldest due first, so what is late is on top.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type { SubsidyStatus } from "../../../worker/db/schema";
import { formatMoney } from "../../../worker/lib/money";
import type { FormErrors } from "../../components/form";
import { AppNumber } from "../../components/app-number";
import { CalendarListNote, CalendarNote } from "../../components/calendar-note";
import { FormAlert } from "../../components/form";
import { formatDateZh } from "../../format";
import { Layout } from "../../layout";
import { formatTimeZh, type HeaderUser } from "../auth/labels";
import { STATUS_ZH } from "../../labels/subsidies";
import { type ListPage, Pager } from "../../components/pager";
import { NoticeBox, StatusTag, type Notice } from "./shared";
import { isOverdue, SUBSIDY_STAFF_CSS } from "./staff-shared";

/** One application in the queue, as the list shows it (the programme already named). */
interface QueueRow {
  id: string;
  numberYear: number | null;
  numberSeq: number | null;
  enterprise: string;
  programme: string;
  status: SubsidyStatus;
  stage: string | null;
  amountFen: number | null;
  requestedFen: number | null;
  submittedAt: number | null;
  dueOn: string | null;
  /** A 公示 objection waits on it (the zone admin decides; until then it does not move on). */
  hasOpenObjection?: boolean;
  /** Set when it sits in a stage the zone has removed: the sentence saying so. */
  removedStage?: string | undefined;
}
/** How many applications are at each status and stage (the tabs). */
interface QueueCount {
  status: SubsidyStatus;
  stage: string | null;
  n: number;
}
interface QueueFilters {
  status?: string | undefined;
  stage?: string | undefined;
  programme?: string | undefined;
  q?: string | undefined;
  /** "1": only applications back in review after a correction (the 工作台's link). */
  resubmitted?: string | undefined;
}

interface QueuePageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  rows: QueueRow[];
  /** The total the filters match and the links to the next and first pages. */
  page: ListPage;
  counts: QueueCount[];
  filters: QueueFilters;
  programmes: { id: string; title: string }[];
  today: string;
  errors?: FormErrors | undefined;
  notice?: Notice | undefined;
}

const query = (f: QueueFilters) => {
  const p = new URLSearchParams();
  for (const k of ["status", "stage", "programme", "q", "resubmitted"] as const) if (f[k]) p.set(k, f[k]!);
  const s = p.toString();
  return s ? `/admin/subsidies?${s}` : "/admin/subsidies";
};

/** A due date that still binds someone: the application waits on staff or on the enterprise. */
const pending = (r: { status: SubsidyStatus }) => r.status === "in_review" || r.status === "returned";

/** Tabs: everything, each stage's waiting applications, then the outcomes. */
function tabs(zone: ZoneConfig, counts: QueueCount[]) {
  const n = (status?: SubsidyStatus, stage?: string) =>
    counts
      .filter((c) => (!status || c.status === status) && (!stage || c.stage === stage))
      .reduce((s, c) => s + c.n, 0);
  return [
    { label: "全部", status: undefined, stage: undefined, n: n() },
    ...zone.subsidy.stages.map((s) => ({
      label: s.kind === "publicity" ? `${s.zh}中` : s.kind === "payment" ? `待批准${s.zh}` : `待${s.zh}`,
      status: "in_review" as const,
      stage: s.key,
      n: n("in_review", s.key),
    })),
    ...(["awarded", "returned", "paid", "rejected"] as const).map((st) => ({
      label: STATUS_ZH[st],
      status: st,
      stage: undefined,
      n: n(st),
    })),
  ];
}

export function QueuePage({
  zone,
  nonce,
  user,
  rows,
  page,
  counts,
  filters,
  programmes,
  today,
  errors,
  notice,
}: QueuePageProps) {
  const option = (value: string, label: string, current: string | undefined) => (
    <option value={value} selected={current === value}>
      {label}
    </option>
  );
  return (
    <Layout title="政策兑现" zone={zone} nonce={nonce} user={user} css={SUBSIDY_STAFF_CSS}>
      <main id="main" class="wrap sub">
        <h1>政策兑现</h1>
        <p class="lead">
          按环节办理企业的补贴申报。<a href="/admin/subsidies/dashboard">统计与预算</a> ·{" "}
          <a href="/admin/subsidies/export">导出 CSV</a> · <a href="/admin/subsidies/export?format=xlsx">导出 Excel</a>{" "}
          · <a href="/publicity">公示页面</a>
        </p>
        <NoticeBox notice={notice} />
        <FormAlert errors={errors} />
        <nav aria-label="按环节">
          <ul class="tabs">
            {tabs(zone, counts).map((t) => (
              <li>
                <a
                  href={query({ status: t.status, stage: t.stage })}
                  aria-current={
                    filters.status === t.status &&
                    filters.stage === t.stage &&
                    !filters.programme &&
                    !filters.q &&
                    filters.resubmitted !== "1"
                      ? "page"
                      : undefined
                  }
                >
                  {t.label}
                  <span class="n">{t.n}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {/* <search> is too new for the older browsers and screen readers seniors use;
            role="search" is the landmark they know. */}
        {/* biome-ignore lint/a11y/useSemanticElements: the form keeps role="search" (see above) */}
        <form method="get" action="/admin/subsidies" class="filters queue" role="search">
          <div class="field">
            <label for="f-status">状态</label>
            <select id="f-status" name="status" aria-invalid={errors?.fields?.status ? "true" : undefined}>
              {option("", "全部", filters.status)}
              {(["in_review", "returned", "awarded", "paid", "rejected", "withdrawn"] as const).map((s) =>
                option(s, STATUS_ZH[s], filters.status),
              )}
            </select>
          </div>
          <div class="field">
            <label for="f-stage">环节</label>
            <select id="f-stage" name="stage" aria-invalid={errors?.fields?.stage ? "true" : undefined}>
              {option("", "全部", filters.stage)}
              {zone.subsidy.stages.map((s) => option(s.key, s.zh, filters.stage))}
            </select>
          </div>
          <div class="field">
            <label for="f-programme">扶持项目</label>
            <select id="f-programme" name="programme" aria-invalid={errors?.fields?.programme ? "true" : undefined}>
              {option("", "全部", filters.programme)}
              {programmes.map((p) => option(p.id, p.title, filters.programme))}
            </select>
          </div>
          <div class="field">
            <label for="f-q">企业名称或申报编号</label>
            <input
              id="f-q"
              name="q"
              value={filters.q ?? ""}
              maxlength={50}
              aria-invalid={errors?.fields?.q ? "true" : undefined}
            />
          </div>
          <label class="check" for="f-resubmitted">
            <input
              id="f-resubmitted"
              type="checkbox"
              name="resubmitted"
              value="1"
              checked={filters.resubmitted === "1"}
              aria-invalid={errors?.fields?.resubmitted ? "true" : undefined}
            />
            仅看退回后重新提交
          </label>
          <button class="btn" type="submit">
            筛选
          </button>
        </form>
        <CalendarListNote dues={rows.filter(pending).map((r) => r.dueOn)} from={today} />
        <p aria-live="polite">
          共 {page.total} 份申报
          {page.nextHref || page.firstHref ? `,本页 ${rows.length} 份(按办理期限从早到晚)` : ""}
        </p>
        {rows.length === 0 ? (
          <p class="panel">没有符合条件的申报。</p>
        ) : (
          <div class="table-scroll">
            <table class="grid stack">
              <thead>
                <tr>
                  <th scope="col">企业</th>
                  <th scope="col">扶持项目</th>
                  <th scope="col" class="num">
                    金额
                  </th>
                  <th scope="col">状态</th>
                  <th scope="col">提交时间</th>
                  <th scope="col">办理期限</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <th scope="row">
                      <a href={`/admin/subsidies/applications/${r.id}`}>{r.enterprise}</a>
                      <AppNumber zone={zone} kind="subsidy" row={r} />
                    </th>
                    <td data-label="扶持项目">{r.programme}</td>
                    <td class="num" data-label="金额">
                      {r.amountFen !== null ? formatMoney(r.amountFen, { unit: "万元" }) : "评审确定"}
                      {r.requestedFen !== null && r.requestedFen !== r.amountFen ? (
                        <small>测算 {formatMoney(r.requestedFen, { unit: "万元" })}</small>
                      ) : null}
                    </td>
                    <td data-label="状态">
                      <StatusTag zone={zone} status={r.status} stage={r.stage} />
                      {r.hasOpenObjection && (
                        <small>
                          <span class="tag overdue">有异议</span>
                        </small>
                      )}
                      {r.removedStage && (
                        <small>
                          <span class="tag overdue">{r.removedStage}</span>
                        </small>
                      )}
                    </td>
                    <td data-label="提交时间">{r.submittedAt ? formatTimeZh(new Date(r.submittedAt)) : "—"}</td>
                    <td data-label="办理期限">
                      {r.dueOn ? formatDateZh(r.dueOn) : "—"}
                      {pending(r) && <CalendarNote due={r.dueOn} from={today} />}
                      {isOverdue(r, today) && (
                        <small>
                          <span class="tag overdue">{r.status === "returned" ? "补正逾期" : "已逾期"}</span>
                        </small>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={page} unit="份申报" />
      </main>
    </Layout>
  );
}
