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
  total: number;
  notice?: { kind: "ok" | "error"; message: string } | undefined;
}

export function ZonesPage({ nonce, operator, zones, page, pages, total, notice }: ZonesPageProps) {
  return (
    <ConsoleShell title="园区列表" nonce={nonce} operator={operator} current="zones">
      <main id="main" class="wrap">
        <h1>园区列表</h1>
        <p>平台上共有 {total} 个园区。点园区名称可暂停或恢复服务、登记自有域名、发放首位园区管理员的设置密码链接。</p>
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
            {page > 1 && <a href={`/console?page=${page - 1}`}>上一页</a>}
            <span>
              第 {page} / {pages} 页
            </span>
            {page < pages && <a href={`/console?page=${page + 1}`}>下一页</a>}
          </nav>
        )}
      </main>
    </ConsoleShell>
  );
}
