/**
 * One year's 年度报表 completion (staff, /admin/reports/{year}): the counts (each a filter), the
 * covered enterprises with their status and what is missing, 50 a page; zone admins chase one
 * enterprise or every one not yet filed completely (once a day each) and close the window.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { Pager } from "../../components/pager";
import { formatDateZh } from "../../format";
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import {
  FILING_LABEL,
  FILTER_LABEL,
  filedShare,
  REPORTS_CSS,
  WINDOW_STATUS_LABEL,
  type FilingStatusView,
  type WindowView,
} from "./shared";

export interface CompletionRowView {
  id: string;
  name: string;
  uscc: string | null;
  status: FilingStatusView;
  /** The report's fields still blank, in Chinese. */
  missing: string[];
  lastChasedOn: string | null;
  chasedToday: boolean;
}

export interface CompletionFilterView {
  status: string;
  q: string;
  page: number;
}

interface CompletionPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  window: WindowView;
  filter: CompletionFilterView;
  total: number;
  pageSize: number;
  rows: CompletionRowView[];
  canManage: boolean;
  notice?: { kind: "ok" | "error"; message: string } | undefined;
}

export function completionQuery(f: Partial<CompletionFilterView>): string {
  const p = new URLSearchParams();
  if (f.status && f.status !== "all") p.set("status", f.status);
  if (f.q) p.set("q", f.q);
  if (f.page && f.page > 1) p.set("page", String(f.page));
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** The filter carried through a POST, so the redirect lands on the same list. */
function Keep({ filter }: { filter: CompletionFilterView }) {
  return (
    <>
      <input type="hidden" name="status" value={filter.status} />
      <input type="hidden" name="q" value={filter.q} />
      <input type="hidden" name="page" value={String(filter.page)} />
    </>
  );
}

export function CompletionPage(p: CompletionPageProps) {
  const { window: w, filter, canManage } = p;
  const base = `/admin/reports/${w.year}`;
  const open = w.status === "open";
  const pending = w.counts.incomplete + w.counts.unfiled;
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const tile = (status: string, n: number, label: string) => (
    <li>
      <a href={`${base}${completionQuery({ status })}`} aria-current={filter.status === status ? "page" : undefined}>
        <b>{n}</b>
        <span>{label}</span>
      </a>
    </li>
  );
  return (
    <Layout title={`${w.year} 年度报表`} zone={p.zone} nonce={p.nonce} user={p.user} current="admin" css={REPORTS_CSS}>
      <main id="main" class="wrap ent rep">
        <p class="crumbs">
          <a href="/admin/reports">年度报表</a> › {w.year} 年度
        </p>
        <h1>{w.year} 年度报表完成情况</h1>
        <p>
          <span class={`tag ${w.status}`}>{WINDOW_STATUS_LABEL[w.status]}</span> 截止 {formatDateZh(w.dueOn)} · 已填报{" "}
          {filedShare(w.counts)}
        </p>
        {p.notice && (
          <p class={`alert ${p.notice.kind}`} role={p.notice.kind === "error" ? "alert" : "status"}>
            {p.notice.message}
          </p>
        )}
        <ul class="tiles" aria-label="完成情况统计">
          {tile("all", w.counts.enterprises, "应报企业")}
          {tile("filed", w.counts.filed, "已填报")}
          {tile("incomplete", w.counts.incomplete, "已填但不完整")}
          {tile("unfiled", w.counts.unfiled, "未填报")}
        </ul>
        <p class="note">
          应报企业为已入驻、状态正常的企业;“已填报”指营业收入、研发费用、纳税额、出口额、员工和研发人员数、发明专利申请/授权/有效数都已填写。
        </p>
        {canManage && open && (
          <div class="bar">
            <form method="post" action={`${base}/chase`}>
              <Keep filter={filter} />
              <button class="btn" type="submit" disabled={pending === 0}>
                催报全部未填齐的企业({pending} 家)
              </button>
            </form>
            <form
              method="post"
              action={`${base}/close`}
              data-confirm={`截止后企业不再收到 ${w.year} 年度报表的提示和提醒(已填的数据保留,之后可重新开启)。确定截止收集吗?`}
            >
              <button class="btn secondary" type="submit">
                截止收集
              </button>
            </form>
          </div>
        )}
        {/* biome-ignore lint/a11y/useSemanticElements: role=search on a form is the landmark screen readers know */}
        <form method="get" action={base} class="filters" role="search">
          <div class="field">
            <label for="f-status">填报状态</label>
            <select id="f-status" name="status">
              {Object.entries(FILTER_LABEL).map(([value, label]) => (
                <option value={value} selected={filter.status === value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-q">企业名称</label>
            <input id="f-q" name="q" value={filter.q} maxlength={50} />
          </div>
          <button class="btn" type="submit">
            查询
          </button>
        </form>
        {p.rows.length === 0 ? (
          <p>没有符合条件的企业。</p>
        ) : (
          <div class="table-scroll">
            <table class="grid stack">
              <caption class="skip">{w.year} 年度报表各企业填报情况</caption>
              <thead>
                <tr>
                  <th scope="col">企业</th>
                  <th scope="col">填报状态</th>
                  <th scope="col">缺项</th>
                  <th scope="col">最近催报</th>
                  {canManage && open && <th scope="col">催报</th>}
                </tr>
              </thead>
              <tbody>
                {p.rows.map((e) => (
                  <tr>
                    <td>
                      <a href={`/admin/enterprises/${e.id}`}>{e.name}</a>
                      <small>{e.uscc ?? "—"}</small>
                    </td>
                    <td data-label="填报状态">
                      <span class={`tag ${e.status}`}>{FILING_LABEL[e.status]}</span>
                    </td>
                    <td data-label="缺项">
                      {e.status === "unfiled" ? "全部" : e.missing.length ? e.missing.join("、") : "—"}
                    </td>
                    <td data-label="最近催报">{e.lastChasedOn ? formatDateZh(e.lastChasedOn) : "—"}</td>
                    {canManage && open && (
                      <td data-label="催报">
                        {e.status === "filed" ? (
                          <span class="muted">无需催报</span>
                        ) : e.chasedToday ? (
                          <span class="muted">今天已催报</span>
                        ) : (
                          <form method="post" action={`${base}/chase`}>
                            <Keep filter={filter} />
                            <input type="hidden" name="enterpriseId" value={e.id} />
                            <button class="btn secondary" type="submit" aria-label={`催报${e.name}`}>
                              催报
                            </button>
                          </form>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager
          always
          total={p.total}
          unit="家"
          summary={`共 ${p.total} 家 · 第 ${Math.min(filter.page, pages)} / ${pages} 页`}
          firstHref={filter.page > 2 ? `${base}${completionQuery({ ...filter, page: 1 })}` : null}
          prevHref={filter.page > 1 ? `${base}${completionQuery({ ...filter, page: filter.page - 1 })}` : null}
          nextHref={filter.page < pages ? `${base}${completionQuery({ ...filter, page: filter.page + 1 })}` : null}
        />
      </main>
    </Layout>
  );
}
