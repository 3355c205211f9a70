/**
 * 在线申报 for a draft (or an application returned for correction): the form
 * generated from the programme's facts (money in 元), the engine's estimate on
 * the enterprise's own records beside it, the materials the programme lists
 * with an upload form each, and 提交申报. Plain forms work without JavaScript;
 * with it, the autosave script (./member-autosave) saves as the user types and
 * refreshes the estimate. The returned reason, when there is one, comes first.
 */
import { raw } from "hono/html";
import type { ZoneConfig } from "../../../tenants/schema";
import type { SubsidyEventRow } from "../../../worker/db/schema";
import type { ProgrammeView } from "../../../worker/engines/policy/describe";
import type { Evaluation } from "../../../worker/engines/policy/evaluate";
import { AppNumberLine } from "../../components/app-number";
import { EvaluationResult } from "../../components/evaluation";
import { FormAlert } from "../../components/form";
import { FactField } from "../policy/calculator";
import { fieldName } from "../policy/calculator-fields";
import { formatDateZh } from "../../format";
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import { materialIds, Materials, type UploadedMaterial } from "./member-materials";
import { LOAN_SOURCE_CSS, LoanSourceFields, type LoanSummary } from "./loan-source";
import { AUTOSAVE_SCRIPT } from "./member-autosave";
import { MATERIAL_UPLOAD_SCRIPT } from "./member-uploads";
import { inRemovedStage, NoticeBox, REARRANGING, StatusTag, SUBSIDY_CSS, Timeline, type Notice } from "./shared";

interface DraftPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  app: {
    id: string;
    numberYear: number | null;
    numberSeq: number | null;
    status: "draft" | "returned";
    stage: string | null;
    revision: number;
  };
  programme: ProgrammeView;
  /** The form as typed (or prefilled), by field name. */
  values: Record<string, string>;
  /** By field name or `material:<id>` (a refused condition is in `message`). */
  errors?: Record<string, string> | undefined;
  /** A refusal, said once at the top. */
  message?: string | undefined;
  notice?: Notice | undefined;
  returned: { reason: string | null; by: string | null } | null;
  materials: UploadedMaterial[];
  estimate: Evaluation;
  versionId: number;
  events: SubsidyEventRow[];
  limitLabel: string;
  /** 贴息: the loan it was started from, and the facts its record holds (read-only here), by fact name. */
  loan?: { summary: LoanSummary; facts: Record<string, unknown> } | null | undefined;
}

/** The estimate panel's body; the autosave script swaps in a fresh one rendered by the same component. */
export function EstimateBody({ result, versionId }: { result: Evaluation; versionId: number }) {
  return (
    <>
      <EvaluationResult result={result} heading={3} />
      <p class="version-note">
        按现行第{versionId}版政策、你企业的资料和已获补助测算;提交时按同样的方法重新计算,最终以园区审核为准。
      </p>
    </>
  );
}

export function DraftPage(props: DraftPageProps) {
  const { zone, nonce, user, app, programme: p, values, errors, returned, loan } = props;
  return (
    <Layout
      title={`申报:${p.title}`}
      zone={zone}
      nonce={nonce}
      user={user}
      css={SUBSIDY_CSS + DRAFT_CSS + LOAN_SOURCE_CSS}
    >
      <main id="main" class="wrap sub">
        <p class="crumbs">
          <a href="/subsidies">我的申报</a> › {p.title}
        </p>
        <h1>
          {p.title} <StatusTag zone={zone} status={app.status} stage={app.stage} audience="enterprise" />
        </h1>
        {inRemovedStage(zone, app.status, app.stage) && (
          <p class="alert info" role="status">
            {REARRANGING}
          </p>
        )}
        <AppNumberLine zone={zone} kind="subsidy" row={app} />
        <p class="lead">
          <a href={`/policies/programmes/${p.id}`}>
            {p.citation} · {p.amountSummary}
          </a>
        </p>
        {returned && (
          <div class="alert error returned" role="alert">
            <h2>园区退回补正</h2>
            <p>{returned.reason ?? "请按园区意见修改。"}</p>
            <p>请修改后重新提交{returned.by ? `,期限 ${formatDateZh(returned.by)}` : ""}。之前的记录都会保留。</p>
          </div>
        )}
        <NoticeBox notice={props.notice} />
        <FormAlert
          errors={props.message || errors ? { message: props.message, fields: errors } : undefined}
          ids={materialIds(errors)}
        />

        <div class="apply">
          <section class="panel" aria-labelledby="form-heading">
            <h2 id="form-heading">申报信息</h2>
            <form
              id="apply-form"
              method="post"
              action={`/subsidies/applications/${app.id}`}
              enctype="multipart/form-data"
              novalidate
              data-upload={`/api/v1/subsidies/applications/${app.id}/materials`}
              data-id={app.id}
              data-revision={String(app.revision)}
              data-draft={`/api/v1/subsidies/applications/${app.id}/draft`}
              data-estimate={`/subsidies/applications/${app.id}/estimate`}
            >
              {loan && (
                <LoanSourceFields
                  loan={loan.summary}
                  facts={p.facts.filter((f) => f.name in loan.facts)}
                  all={p.facts}
                  values={values}
                  stored={loan.facts}
                />
              )}
              {p.facts.length === 0 ? (
                <p>本项目不需要填写数据,上传材料后即可提交。</p>
              ) : (
                <p class="hint">
                  {loan ? "其余各项由你填写" : "已按企业资料预填的项请核对"};不清楚的可先留空,草稿会保存你填写的内容。
                </p>
              )}
              {p.facts
                .filter((f) => !loan || !(f.name in loan.facts))
                .map((f) => {
                  const name = fieldName(f, p.facts);
                  return <FactField fact={f} all={p.facts} value={values[name] ?? ""} error={errors?.[name]} />;
                })}
              <div class="actions">
                <button class="btn secondary" type="submit" name="_action" value="save">
                  保存草稿
                </button>
                <p id="autosave-status" class="saved" role="status" aria-live="polite"></p>
              </div>
            </form>
          </section>
          <section id="estimate" class="panel result" aria-labelledby="estimate-heading" aria-live="polite">
            <h2 id="estimate-heading">测算结果</h2>
            <div id="estimate-body">
              <EstimateBody result={props.estimate} versionId={props.versionId} />
            </div>
          </section>
        </div>

        <section id="materials" aria-labelledby="materials-heading">
          <h2 id="materials-heading" class="section">
            申报材料
          </h2>
          <div class="panel">
            <Materials p={p} materials={props.materials} errors={errors} limitLabel={props.limitLabel} />
          </div>
        </section>

        <section aria-labelledby="submit-heading">
          <h2 id="submit-heading" class="section">
            {app.status === "returned" ? "重新提交" : "提交申报"}
          </h2>
          <div class="panel">
            <p>
              提交时会检查必填信息和必传材料,并按现行政策和你企业的资料重新测算;提交后进入园区审核,进度会在“我的申报”和邮件中告知。
            </p>
            <button class="btn" type="submit" form="apply-form" name="_action" value="submit">
              {app.status === "returned" ? "重新提交" : "提交申报"}
            </button>
            <p id="submit-status" class="saved" role="status" aria-live="polite"></p>
          </div>
        </section>

        {props.events.length > 1 && (
          <section aria-labelledby="history-heading">
            <h2 id="history-heading" class="section">
              办理记录
            </h2>
            <div class="panel">
              <Timeline zone={zone} events={props.events} audience="enterprise" />
            </div>
          </section>
        )}
      </main>
      <script nonce={nonce}>{raw(AUTOSAVE_SCRIPT)}</script>
      <script nonce={nonce}>{raw(MATERIAL_UPLOAD_SCRIPT)}</script>
    </Layout>
  );
}

const DRAFT_CSS = `
.apply{display:grid;gap:16px;grid-template-columns:1fr}
@media(min-width:900px){.apply{grid-template-columns:minmax(0,5fr) minmax(0,6fr);align-items:start}.apply .result{
  position:sticky;top:12px}}
.apply form{display:flex;flex-direction:column;gap:14px}
.apply .hint{margin:0;color:var(--muted);font-size:.9rem}
.apply .actions{display:flex;flex-wrap:wrap;align-items:center;gap:8px 14px}
.saved{margin:0;color:var(--muted);font-size:.9rem}
.saved.warn{color:#7a271a;font-weight:600}
.version-note{color:var(--muted);font-size:.88rem;margin:12px 0 0}
.returned h2{font-size:1.05rem;margin:0 0 4px}
.returned p{margin:0 0 4px}
.sub .tag.done{background:#ecfdf3;border-color:#32d583}
.sub .tag.todo{background:#fffaeb;border-color:#fdb022}
.mats{list-style:none;margin:0;padding:0}
.mats > li{padding:12px 0;border-top:1px solid var(--line)}
.mats > li:first-child{border-top:0;padding-top:0}
.mat-name{margin:0 0 6px}
.files{margin:0 0 8px;padding-left:1.2em}
.files small{color:var(--muted)}
.upload{display:flex;flex-wrap:wrap;align-items:flex-end;gap:8px 12px}
.upload .field{flex:1 1 240px}
.upload button[hidden]{display:none}
.upload-status{flex:1 0 100%;margin:0;color:var(--muted);font-size:.9rem}
.upload-status:empty{display:none}
.upload-status progress{width:min(240px,60%);height:12px;vertical-align:middle;margin-right:8px}
.upload-status.warn{color:#7a271a;font-weight:600}
`;
