/**
 * Zone admin: the published policy versions (in force, scheduled, superseded)
 * with each one's JSON to download, and the two ways to propose a new one —
 * upload a JSON file, or edit the newest set in place. Both lead to a preview;
 * nothing is published from this page.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { Field, FormAlert, type FormErrors } from "../../components/form";
import { formatDateZh } from "../../format";
import { Layout } from "../../layout";
import { formatTimeZh, type HeaderUser } from "../auth/labels";
import { NoticeBox, POLICY_CSS, type Notice } from "./shared";
import type { PolicyVersionRow } from "./view-types";

export const VERSION_STATUS = { current: "现行", scheduled: "待生效", superseded: "已替代" } as const;

export interface AdminVersionsProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  versions: PolicyVersionRow[];
  /** The set to edit in the textarea: what was typed after an error, else the newest version's set. */
  json: string;
  /** The newest set's programmes, each with a link to its form (none after a refused upload). */
  programmes?: { id: string; title: string }[];
  notice?: Notice | undefined;
  errors?: FormErrors | undefined;
  /** The 免申即享 job the version just published queued: its progress is a link away. */
  jobId?: number | undefined;
}

/** The textarea of a policy set, shared with the preview page (edit, then preview again). */
export function PolicyJsonForm({ json, error, submit }: { json: string; error?: string | undefined; submit: string }) {
  return (
    <form method="post" action="/admin/policies/preview" enctype="multipart/form-data" class="stack">
      <Field id="f-json" label="政策数据(JSON)" hint="可直接修改后预览;保存不会立即发布。" error={error}>
        <textarea
          id="f-json"
          name="json"
          rows={18}
          spellcheck={false}
          autocomplete="off"
          aria-invalid={error ? "true" : undefined}
          aria-describedby={`f-json-hint${error ? " f-json-error" : ""}`}
        >
          {json}
        </textarea>
      </Field>
      <button class="btn" type="submit">
        {submit}
      </button>
    </form>
  );
}

export function AdminVersionsPage(props: AdminVersionsProps) {
  const { zone, nonce, user, versions, json, programmes = [], notice, errors, jobId } = props;
  return (
    <Layout title="政策版本" zone={zone} nonce={nonce} user={user} css={POLICY_CSS}>
      <main id="main" class="wrap pol">
        <h1>政策版本</h1>
        <p class="lead">
          政策规则按版本发布:每一版都经过格式检查和全部测试用例,发布后不可修改;新版从其生效日期起用于{" "}
          <a href="/policies">政策纵览</a>
          、政策计算器和政策匹配。发布后向新符合条件的企业发送的免申即享通知在后台分批进行,进度见{" "}
          <a href="/admin/jobs">后台任务</a>。
        </p>
        <NoticeBox notice={notice} />
        {jobId !== undefined && (
          <p class="alert info" role="status">
            免申即享通知正在后台分批发送给新符合条件的企业:<a href={`/admin/jobs/${jobId}`}>查看发送进度</a>
          </p>
        )}
        <section aria-labelledby="versions-heading">
          <h2 id="versions-heading" class="section">
            已发布的版本
          </h2>
          {versions.length === 0 ? (
            <div class="empty">
              <p>本园区还没有发布政策版本。可在下方上传第一版。</p>
            </div>
          ) : (
            <div class="table-scroll">
              <table class="grid stack">
                <thead>
                  <tr>
                    <th scope="col">版本</th>
                    <th scope="col">状态</th>
                    <th scope="col">生效日期</th>
                    <th scope="col" class="num">
                      项目 / 用例
                    </th>
                    <th scope="col">发布</th>
                    <th scope="col">下载</th>
                  </tr>
                </thead>
                <tbody>
                  {versions.map((v) => (
                    <tr>
                      <td>
                        第{v.id}版<small>{v.label}</small>
                        {v.note && <small>{v.note}</small>}
                      </td>
                      <td data-label="状态">
                        <span class={`tag ${v.status}`}>{VERSION_STATUS[v.status]}</span>
                      </td>
                      <td data-label="生效日期">
                        <time datetime={v.effectiveFrom}>{formatDateZh(v.effectiveFrom)}</time>
                      </td>
                      <td class="num" data-label="项目 / 用例">
                        {v.programmeCount} / {v.caseCount}
                      </td>
                      <td data-label="发布">
                        {formatTimeZh(new Date(v.publishedAt))}
                        <small>{v.publishedVia === "cli" ? "运维发布(命令行)" : (v.publishedBy ?? "管理员")}</small>
                      </td>
                      <td data-label="下载">
                        <a href={`/admin/policies/download/${v.id}`} download={`${zone.slug}-policy-v${v.id}.json`}>
                          JSON
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section aria-labelledby="new-heading">
          <h2 id="new-heading" class="section">
            发布新版本
          </h2>
          <p>先预览:系统会检查格式、运行全部测试用例,并列出与最新版本的差异;确认无误后再在预览页发布。</p>
          <FormAlert errors={errors} />
          <div class="panel">
            <h3>用表单修改项目</h3>
            <p>
              逐项修改某个奖补项目的金额、条件和材料,金额以万元填写;或{" "}
              <a href="/admin/policies/new-programme">新增奖补项目</a>。
            </p>
            {programmes.length > 0 && (
              <details>
                <summary>现行的 {programmes.length} 个项目</summary>
                <ul class="list">
                  {programmes.map((p) => (
                    <li>
                      {p.title} <a href={`/admin/policies/programmes/${p.id}/edit`}>编辑</a>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </div>
          <div class="panel">
            <h3>上传 JSON 文件</h3>
            <form method="post" action="/admin/policies/preview" enctype="multipart/form-data" class="stack">
              <Field
                id="f-file"
                label="政策数据文件"
                hint="可先下载最新版本的 JSON,修改后上传;不超过 2 MB。"
                error={errors?.fields?.file}
              >
                <input
                  id="f-file"
                  name="file"
                  type="file"
                  accept=".json,application/json"
                  aria-invalid={errors?.fields?.file ? "true" : undefined}
                  aria-describedby={`f-file-hint${errors?.fields?.file ? " f-file-error" : ""}`}
                />
              </Field>
              <button class="btn" type="submit">
                上传并预览
              </button>
            </form>
          </div>
          <div class="panel">
            <h3>或在这里修改</h3>
            <PolicyJsonForm json={json} error={errors?.fields?.json} submit="预览修改" />
          </div>
        </section>
      </main>
    </Layout>
  );
}
