/** 企业名录 (staff): search, filters, one page of enterprises, and the CSV export with the same filters. */
import type { ZoneConfig } from "../../../tenants/schema";
import type { DirectoryFilters, DirectoryResult } from "./view-types";
import { Layout } from "../../layout";
import { Pager } from "../../components/pager";
import type { HeaderUser } from "../auth/labels";
import { ENTERPRISE_CSS, ENTERPRISE_STATUS_LABEL, industryName, wanOrDash } from "./labels";

interface DirectoryPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  filters: DirectoryFilters;
  result: DirectoryResult;
  pendingQualifications: number;
}

/** The filters as a query string (with a cursor for the pager), for the pager and the CSV and Excel links. */
function filterQuery(f: DirectoryFilters, cursor?: { after: string } | { before: string }): string {
  const p = new URLSearchParams();
  for (const key of ["q", "industry", "qualification", "status"] as const) if (f[key]) p.set(key, f[key]!);
  if (cursor && "after" in cursor) p.set("after", cursor.after);
  if (cursor && "before" in cursor) p.set("before", cursor.before);
  const s = p.toString();
  return s ? `?${s}` : "";
}

export function DirectoryPage({ zone, nonce, user, filters, result, pendingQualifications }: DirectoryPageProps) {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const qualName = new Map(zone.qualifications.map((q) => [q.code, q.zh]));
  const option = (value: string, label: string, current: string | undefined) => (
    <option value={value} selected={current === value}>
      {label}
    </option>
  );
  return (
    <Layout title="企业名录" zone={zone} nonce={nonce} user={user} css={ENTERPRISE_CSS}>
      <main id="main" class="wrap ent">
        <h1>企业名录</h1>
        <p>
          <a href="/admin/qualifications">资质审核</a>(待审核 {pendingQualifications} 条)
        </p>
        {/* biome-ignore lint/a11y/useSemanticElements: role=search on a form is the landmark screen readers know */}
        <form method="get" action="/admin/enterprises" class="filters" role="search">
          <div class="field">
            <label for="f-q">企业名称或信用代码</label>
            <input id="f-q" name="q" value={filters.q ?? ""} maxlength={60} />
          </div>
          <div class="field">
            <label for="f-industry">重点产业</label>
            <select id="f-industry" name="industry">
              {option("", "全部", filters.industry)}
              {zone.priorityIndustries.map((i) => option(i.code, i.zh, filters.industry))}
            </select>
          </div>
          <div class="field">
            <label for="f-qualification">已核实资质</label>
            <select id="f-qualification" name="qualification">
              {option("", "全部", filters.qualification)}
              {zone.qualifications.map((q) => option(q.code, q.zh, filters.qualification))}
            </select>
          </div>
          <div class="field">
            <label for="f-status">状态</label>
            <select id="f-status" name="status">
              {option("", "全部", filters.status)}
              {option("active", "正常", filters.status)}
              {option("suspended", "已暂停", filters.status)}
            </select>
          </div>
          <button class="btn" type="submit">
            查询
          </button>
        </form>
        <p>
          共 {result.total} 家 · <a href={`/admin/enterprises.csv${filterQuery(filters)}`}>导出 CSV(按当前条件)</a> ·{" "}
          <a href={`/api/v1/admin/enterprises${filterQuery(filters) || "?"}&format=xlsx`.replace("?&", "?")}>
            导出 Excel(按当前条件)
          </a>
        </p>
        <div class="table-scroll">
          <table class="grid stack">
            <thead>
              <tr>
                <th scope="col">企业</th>
                <th scope="col">重点产业</th>
                <th scope="col">资质</th>
                <th scope="col" class="num">
                  员工
                </th>
                <th scope="col" class="num">
                  最近年度营业收入
                </th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {result.enterprises.map((e) => (
                <tr>
                  <td>
                    <a href={`/admin/enterprises/${e.id}`}>{e.name}</a>
                    <small>{e.uscc ?? "—"}</small>
                  </td>
                  <td data-label="重点产业">{industryName(zone, e.industry)}</td>
                  <td data-label="资质">{e.qualifications.map((c) => qualName.get(c) ?? c).join("、") || "—"}</td>
                  <td class="num" data-label="员工">
                    {e.employees ?? "—"}
                  </td>
                  <td class="num" data-label="最近年度营业收入">
                    {e.latestRevenue ? `${wanOrDash(e.latestRevenue.revenueFen)}(${e.latestRevenue.year})` : "—"}
                  </td>
                  <td data-label="状态">
                    <span class={`tag ${e.status}`}>{ENTERPRISE_STATUS_LABEL[e.status]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager
          always
          total={result.total}
          summary={`第 ${Math.min(result.page, pages)} / ${pages} 页`}
          prevHref={result.prevCursor && `/admin/enterprises${filterQuery(filters, { before: result.prevCursor })}`}
          nextHref={result.nextCursor && `/admin/enterprises${filterQuery(filters, { after: result.nextCursor })}`}
        />
      </main>
    </Layout>
  );
}
