/** 平台审计: what operators and the platform's tools did, newest first, a page at a time. */
import { formatTimeZh } from "../auth/labels";
import { ConsoleShell, type OperatorHeader } from "./shell";
import { hostnameForDisplay } from "./hostname-label";
import { AUDIT_ACTION_LABEL, AUDIT_RESULT_LABEL, auditDetailText } from "./labels";

export interface AuditRowView {
  at: string;
  actor: string;
  action: string;
  target: string | null;
  result: "ok" | "denied" | "failed";
  ip: string | null;
  detail: string | null;
}

export interface PlatformAuditPageProps {
  nonce: string | undefined;
  operator: OperatorHeader;
  rows: AuditRowView[];
  /** The link to older rows, or null on the last page. */
  olderHref: string | null;
}

export function PlatformAuditPage({ nonce, operator, rows, olderHref }: PlatformAuditPageProps) {
  return (
    <ConsoleShell title="平台审计" nonce={nonce} operator={operator} current="audit">
      <main id="main" class="wrap">
        <h1>平台审计</h1>
        <p>运营人员和平台工具的每一次操作都记录在这里,记录只增不改。</p>
        {rows.length === 0 ? (
          <p>还没有记录。</p>
        ) : (
          <div class="table-scroll">
            <table class="users stack">
              <caption class="skip">平台审计记录,最新的在前</caption>
              <thead>
                <tr>
                  <th scope="col">时间</th>
                  <th scope="col">操作人</th>
                  <th scope="col">操作</th>
                  <th scope="col">对象</th>
                  <th scope="col">结果</th>
                  <th scope="col">详情</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td data-label="时间">
                      <time datetime={r.at}>{formatTimeZh(r.at)}</time>
                    </td>
                    <td data-label="操作人">
                      {r.actor}
                      {r.ip && <small>{r.ip}</small>}
                    </td>
                    <td data-label="操作">{AUDIT_ACTION_LABEL[r.action] ?? r.action}</td>
                    <td data-label="对象">{r.target ?? "—"}</td>
                    <td data-label="结果">{AUDIT_RESULT_LABEL[r.result]}</td>
                    <td data-label="详情">
                      <small>{auditDetailText(r.detail, hostnameForDisplay)}</small>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {olderHref && (
          <nav class="pager links" aria-label="翻页">
            <a href={olderHref}>更早的记录</a>
          </nav>
        )}
      </main>
    </ConsoleShell>
  );
}
