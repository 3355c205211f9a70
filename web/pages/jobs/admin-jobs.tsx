/**
 * Zone admin: queued work (免申即享 notices after a policy version is published), which the
 * platform does in the background a few hundred enterprises a minute: the recent jobs, and one
 * job's progress with what went wrong if anything did. Views only.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { Layout } from "../../layout";
import { formatTimeZh, type HeaderUser } from "../auth/labels";
import { Pager, type ListPage } from "../../components/pager";

export interface JobView {
  id: number;
  kind: "notify_newly_eligible" | "programme_matches";
  status: "queued" | "running" | "done" | "failed";
  done: number;
  total: number | null;
  messages: number;
  attempts: number;
  error: string | null;
  /** The policy version a 免申即享 job announces (or a match list is computed under). */
  versionId: number | null;
  /** The programme whose 政策找企业 list a "programme_matches" job computes. */
  programmeId?: string | null | undefined;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

export const JOB_STATUS_LABEL = { queued: "排队中", running: "进行中", done: "已完成", failed: "已停止" } as const;

const JOBS_CSS = `
.jobs progress{width:min(100%,320px);height:14px;vertical-align:middle}
.jobs .tag.done{background:#ecfdf3;color:#054f31}.jobs .tag.failed{background:#fef3f2;color:#7a271a}
.jobs .tag.queued,.jobs .tag.running{background:color-mix(in srgb,var(--accent) 16%,#fff)}
`;

const what = (j: JobView) =>
  j.kind === "notify_newly_eligible"
    ? `第${j.versionId ?? "?"}版政策:免申即享通知`
    : j.kind === "programme_matches"
      ? `政策找企业:计算项目 ${j.programmeId ?? "?"} 的企业名单(第${j.versionId ?? "?"}版政策)`
      : `后台任务 ${j.id}`;

function Progress({ job }: { job: JobView }) {
  const total = job.total ?? job.done;
  return (
    <span>
      <progress value={job.done} max={Math.max(total, 1)} aria-label={`已处理 ${job.done} / ${total} 家企业`} /> 已处理{" "}
      {job.done} / {total} 家企业
    </span>
  );
}

interface Common {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
}

export function AdminJobPage({ zone, nonce, user, job, published }: Common & { job: JobView; published?: number }) {
  const open = job.status === "queued" || job.status === "running";
  return (
    <Layout title={`后台任务 ${job.id}`} zone={zone} nonce={nonce} user={user} current="admin" css={JOBS_CSS}>
      <main id="main" class="wrap jobs">
        <p class="crumbs">
          <a href="/admin/policies">政策版本</a> › <a href="/admin/jobs">后台任务</a>
        </p>
        <h1>{what(job)}</h1>
        {published !== undefined && (
          <div class="alert ok" role="status">
            第{published}版已发布。系统正在后台分批判断每家企业是否新符合条件,并向其成员发送通知;进度见下方。
          </div>
        )}
        <dl class="facts">
          <dt>状态</dt>
          <dd>
            <span class={`tag ${job.status}`}>{JOB_STATUS_LABEL[job.status]}</span>
          </dd>
          <dt>进度</dt>
          <dd>
            <Progress job={job} />
          </dd>
          {job.kind === "programme_matches" && job.programmeId ? (
            <>
              <dt>结果</dt>
              <dd>
                <a href={`/admin/policies/programmes/${job.programmeId}/matches`}>查看该项目的企业名单</a>
              </dd>
            </>
          ) : (
            <>
              <dt>已排入发送</dt>
              <dd>{job.messages} 封通知邮件</dd>
            </>
          )}
          <dt>创建</dt>
          <dd>{formatTimeZh(new Date(job.createdAt))}</dd>
          {job.startedAt !== null && (
            <>
              <dt>开始</dt>
              <dd>{formatTimeZh(new Date(job.startedAt))}</dd>
            </>
          )}
          {job.finishedAt !== null && (
            <>
              <dt>结束</dt>
              <dd>{formatTimeZh(new Date(job.finishedAt))}</dd>
            </>
          )}
        </dl>
        {job.error && (
          <div class={`alert ${job.status === "failed" ? "error" : "info"}`} role="status">
            最近一次出错:{job.error}。
            {job.status === "failed"
              ? "任务多次失败,已停止;已发出的通知不受影响。请联系平台运维处理后重新发布。"
              : job.status === "done"
                ? "重试后已完成,没有重复发送。"
                : "系统会在下一分钟自动从中断处继续,不会重复发送。"}
          </div>
        )}
        {open && (
          <p>
            每分钟处理约一千家企业,完成前可随时离开本页。<a href={`/admin/jobs/${job.id}`}>刷新进度</a>
          </p>
        )}
      </main>
    </Layout>
  );
}

export function AdminJobsPage({ zone, nonce, user, jobs, page }: Common & { jobs: JobView[]; page: ListPage }) {
  return (
    <Layout title="后台任务" zone={zone} nonce={nonce} user={user} current="admin" css={JOBS_CSS}>
      <main id="main" class="wrap jobs">
        <h1>后台任务</h1>
        <p class="lead">
          发布政策后向新符合条件的企业发送免申即享通知等工作量随企业数增长,系统在后台每分钟分批处理,中断后从断点继续。
        </p>
        {jobs.length === 0 ? (
          <div class="empty">
            <p>还没有后台任务。发布新一版政策后,这里会显示通知的发送进度。</p>
          </div>
        ) : (
          <div class="table-scroll">
            <table class="grid stack">
              <thead>
                <tr>
                  <th scope="col">任务</th>
                  <th scope="col">状态</th>
                  <th scope="col">进度</th>
                  <th scope="col">创建</th>
                </tr>
              </thead>
              <tbody>
                {jobs.map((j) => (
                  <tr>
                    <td>
                      <a href={`/admin/jobs/${j.id}`}>{what(j)}</a>
                    </td>
                    <td data-label="状态">
                      <span class={`tag ${j.status}`}>{JOB_STATUS_LABEL[j.status]}</span>
                    </td>
                    <td data-label="进度">
                      <Progress job={j} />
                      {j.kind === "notify_newly_eligible" && <small>已排入 {j.messages} 封通知</small>}
                    </td>
                    <td data-label="创建">{formatTimeZh(new Date(j.createdAt))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={page} unit="个任务" />
      </main>
    </Layout>
  );
}
