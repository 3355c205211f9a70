/**
 * Zone staff: the enterprises that match one programme, qualifying first, with
 * each one's result — the basis of 免申即享 notices and of a reviewer's checks.
 * A page of the stored list (computed in the background), when it was computed and
 * under which version, and the 重新计算 button with the job's progress.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type { Evaluation } from "../../../worker/engines/policy/evaluate";
import type { FitTier } from "../../../worker/engines/policy/rank";
import { amountText, TierBadge } from "../../components/evaluation";
import { Pager, type ListPage } from "../../components/pager";
import { Layout } from "../../layout";
import { formatTimeZh, type HeaderUser } from "../auth/labels";
import { NoticeBox, POLICY_CSS, VersionNote, type Notice, type VersionLine } from "./shared";

export interface AdminMatchesProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  version: VersionLine;
  programme: { id: string; title: string; citation: string; documentTitle: string; amountSummary: string };
  counts: { eligible: number; confirm: number; unknown: number; ineligible: number };
  /** The stored list's computation; null: never computed. */
  run: { versionId: number; computedAt: number } | null;
  /** The job computing the list now; `href` only for those who may open /admin/jobs. */
  job: { id: number; status: "queued" | "running"; done: number; total: number | null; href: string | null } | null;
  notice?: Notice | undefined;
  page: ListPage;
  rows: {
    enterprise: { id: string; name: string };
    tier: FitTier;
    result: Evaluation;
    met: number;
    missed: number;
    untold: number;
  }[];
}

function Explanation({ r }: { r: Evaluation }) {
  const failed = r.conditions.filter((c) => c.result === "fail").map((c) => c.reason);
  const open = [
    ...r.conditions.filter((c) => c.result === "unknown").map((c) => c.label),
    ...r.missing.map((m) => `缺少${m.label}`),
  ];
  if (!failed.length && !open.length) return <>全部条件满足</>;
  return (
    <>
      {failed.length > 0 && <span>不满足:{failed.join(";")}</span>}
      {open.length > 0 && <small>待确认:{open.join(";")}</small>}
    </>
  );
}

function RunLine({
  run,
  version,
  job,
  programmeId,
}: Pick<AdminMatchesProps, "run" | "version" | "job"> & { programmeId: string }) {
  return (
    <div class="panel stack">
      {run ? (
        <p>
          名单计算于 {formatTimeZh(new Date(run.computedAt))},按第 {run.versionId} 版政策。
          {run.versionId !== version.id && <strong>现行政策已是第 {version.id} 版,名单可能已过时,请重新计算。</strong>}
        </p>
      ) : (
        <p>该项目的企业名单尚未计算。点击“重新计算”后,系统在后台每分钟分批测算全部企业,完成后刷新本页即可查看。</p>
      )}
      {job ? (
        <p role="status">
          {job.status === "queued" ? "计算任务排队中" : "正在计算"}:已测算 {job.done} / {job.total ?? "?"} 家企业。
          {job.href && <a href={job.href}>查看任务进度</a>}
        </p>
      ) : (
        <form method="post" action={`/admin/policies/programmes/${programmeId}/matches/refresh`}>
          <button class="btn" type="submit">
            重新计算
          </button>
        </form>
      )}
    </div>
  );
}

export function AdminMatchesPage(props: AdminMatchesProps) {
  const { zone, nonce, user, version, programme: p, counts, rows, run, job, notice, page } = props;
  return (
    <Layout title={`符合条件的企业 · ${p.title}`} zone={zone} nonce={nonce} user={user} css={POLICY_CSS}>
      <main id="main" class="wrap pol">
        <p class="crumbs">
          <a href="/policies">政策纵览</a> › <a href={`/policies/programmes/${p.id}`}>{p.title}</a> › 符合条件的企业
        </p>
        <h1>符合条件的企业</h1>
        <p class="lead">
          <a href={`/policies/programmes/${p.id}`}>{p.title}</a>(《{p.documentTitle}》{p.citation}):{p.amountSummary}
        </p>
        <VersionNote version={version} />
        {user.role === "zone_admin" && (
          <p>
            <a href={`/admin/policies/programmes/${p.id}/edit`}>编辑项目规则</a>
          </p>
        )}
        <NoticeBox notice={notice} />
        <RunLine run={run} version={version} job={job} programmeId={p.id} />
        <ul class="cats" aria-label="统计">
          <li>
            <span class="tag current">符合 {counts.eligible} 家</span>
          </li>
          {counts.confirm > 0 && (
            <li>
              <span class="tag scheduled">确认申报主体后可申报 {counts.confirm} 家</span>
            </li>
          )}
          <li>
            <span class="tag scheduled">需补充信息 {counts.unknown} 家</span>
          </li>
          <li>
            <span class="tag">不符合 {counts.ineligible} 家</span>
          </li>
        </ul>
        <p class="version-note">按各企业最近年度数据和已核实的资质测算;企业未填报的数据计为“待确认”。</p>
        {rows.length === 0 ? (
          <div class="empty">
            <p>{run ? "计算时园区还没有正常状态的入驻企业。" : "名单计算完成后在此列出各企业的测算结果。"}</p>
          </div>
        ) : (
          <div class="table-scroll">
            <table class="grid stack">
              <thead>
                <tr>
                  <th scope="col">企业</th>
                  <th scope="col">结果</th>
                  <th scope="col" class="num">
                    测算金额
                  </th>
                  <th scope="col" class="num">
                    条件(满足/不满足/待确认)
                  </th>
                  <th scope="col">说明</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr>
                    <td>
                      <a href={`/admin/enterprises/${row.enterprise.id}`}>{row.enterprise.name}</a>
                    </td>
                    <td data-label="结果">
                      <TierBadge tier={row.tier} />
                    </td>
                    <td class="num" data-label="测算金额">
                      {amountText(row.result, "万元") ?? "—"}
                    </td>
                    <td class="num" data-label="条件(满足/不满足/待确认)">
                      {row.met} / {row.missed} / {row.untold}
                    </td>
                    <td data-label="说明">
                      <Explanation r={row.result} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={page} unit="家企业" />
      </main>
    </Layout>
  );
}
