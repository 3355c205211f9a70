/**
 * 园区列表: every zone of the platform with its status and, from its own database, schema
 * version, users, enterprises and last activity — a page of zones at a time (each zone's
 * figures cost a read of its database).
 */
import { formatTimeZh } from "../auth/labels";
import { ConsoleShell, type OperatorHeader } from "./shell";
import { TENANT_STATUS_LABEL } from "./labels";
import type { TenantStatus } from "../../../worker/db/platform-schema";

export interface ZoneListRow {
  slug: string;
  nameZh: string;
  region: string;
  status: TenantStatus;
  origin: string;
  hostnames: readonly string[];
  /** null: provisioning, or the zone's database did not answer. */
  stats: { schemaVersion: string | null; users: number; enterprises: number; lastActivityAt: string | null } | null;
}

export interface ZonesPageProps {
  nonce: string | undefined;
  operator: OperatorHeader;
  zones: ZoneListRow[];
  page: number;
  pages: number;
  /** Zones matching the filter. */
  total: number;
  /** Every zone of the platform. */
  all: number;
  filter: { q: string; status: TenantStatus | "" };
  notice?: { kind: "ok" | "error"; message: string } | undefined;
}

/** The list's own address with the filter kept, for the pager. */
function listHref(filter: ZonesPageProps["filter"], page: number): string {
  const params = new URLSearchParams();
  if (filter.q) params.set("q", filter.q);
  if (filter.status) params.set("status", filter.status);
  params.set("page", String(page));
  return `/console?${params.toString()}`;
}

export function ZonesPage({ nonce, operator, zones, page, pages, total, all, filter, notice }: ZonesPageProps) {
  const filtered = filter.q !== "" || filter.status !== "";
  return (
    <ConsoleShell title="园区列表" nonce={nonce} operator={operator} current="zones">
      <main id="main" class="wrap">
        <h1>园区列表</h1>
        <p>平台上共有 {all} 个园区。点园区名称可暂停或恢复服务、登记自有域名、发放首位园区管理员的设置密码链接。</p>
        {notice && (
          <div class={`alert ${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"}>
            {notice.message}
          </div>
        )}
        <p class="console-actions">
          <a class="btn" href="/console/new-zone">
            创建园区
          </a>
        </p>
        {/* <search> is too new for the older browsers some offices use; role="search" is the landmark they know. */}
        {/* biome-ignore lint/a11y/useSemanticElements: the form keeps role="search" (see above) */}
        <form class="filters" method="get" action="/console" role="search">
          <div class="field">
            <label for="f-q">查找园区</label>
            <input
              id="f-q"
              type="search"
              name="q"
              value={filter.q}
              maxlength={253}
              placeholder="名称、标识、城市或域名"
            />
          </div>
          <div class="field">
            <label for="f-status">状态</label>
            <select id="f-status" name="status">
              <option value="" selected={filter.status === ""}>
                全部
              </option>
              {(Object.keys(TENANT_STATUS_LABEL) as TenantStatus[]).map((s) => (
                <option value={s} selected={filter.status === s}>
                  {TENANT_STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          </div>
          <button class="btn secondary" type="submit">
            查找
          </button>
          {filtered && <a href="/console">清除条件</a>}
        </form>
        {filtered && (
          <p role="status">
            符合条件的园区 {total} 个{total === 0 ? ",请换个关键词或状态再试。" : "。"}
          </p>
        )}
        <div class="table-scroll">
          <table class="users stack">
            <caption class="skip">
              第 {page} 页,共 {pages} 页
            </caption>
            <thead>
              <tr>
                <th scope="col">园区</th>
                <th scope="col">状态</th>
                <th scope="col">数据库版本</th>
                <th scope="col" class="num">
                  用户
                </th>
                <th scope="col" class="num">
                  企业
                </th>
                <th scope="col">最近活动</th>
              </tr>
            </thead>
            <tbody>
              {zones.map((z) => (
                <tr>
                  <td>
                    <a href={`/console/zones/${z.slug}`}>{z.nameZh}</a>
                    <small>
                      {z.slug} · {z.region}
                    </small>
                  </td>
                  <td data-label="状态">
                    <span class={`badge status-${z.status}`}>{TENANT_STATUS_LABEL[z.status]}</span>
                  </td>
                  <td data-label="数据库版本">{z.stats?.schemaVersion ?? "—"}</td>
                  <td class="num" data-label="用户">
                    {z.stats ? z.stats.users : "—"}
                  </td>
                  <td class="num" data-label="企业">
                    {z.stats ? z.stats.enterprises : "—"}
                  </td>
                  <td data-label="最近活动">
                    {z.stats?.lastActivityAt ? (
                      <time datetime={z.stats.lastActivityAt}>{formatTimeZh(z.stats.lastActivityAt)}</time>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {pages > 1 && (
          <nav class="pager links" aria-label="翻页">
            {page > 1 && <a href={listHref(filter, page - 1)}>上一页</a>}
            <span>
              第 {page} / {pages} 页
            </span>
            {page < pages && <a href={listHref(filter, page + 1)}>下一页</a>}
          </nav>
        )}
      </main>
    </ConsoleShell>
  );
}
