/**
 * One programme: what it awards and to whom, the clause with the award's
 * sentences marked, conditions, limits and materials, and 政策计算器.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type { ProgrammeView } from "../../../worker/engines/policy/describe";
import { APPLICANT_KINDS } from "../../../worker/engines/policy/format/programme";
import { formatMoney } from "../../../worker/lib/money";
import { formatDateZh } from "../../format";
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import { Calculator, type CalculatorProps } from "./calculator";
import { ClauseText, POLICY_CSS, VersionNote, type VersionLine } from "./shared";
import type { ProgrammeStanding } from "./view-types";

export interface ProgrammePageProps extends Omit<CalculatorProps, "versionId"> {
  zone: ZoneConfig;
  nonce: string | undefined;
  user?: HeaderUser | null | undefined;
  version: VersionLine;
  staff: boolean;
  /** For an enterprise member: the calculator filled in (server-side) from its own records. */
  profileHref?: string | undefined;
  /** The document's validity today (decision 0013); an expired one takes no new applications. */
  validity?: { status: string; label: string } | undefined;
  /** For a member: its open applications of this programme and the limits a new one would fail. */
  standing?: ProgrammeStanding | undefined;
}

function Applicants({ p }: { p: ProgrammeView }) {
  const a = p.applicants;
  return (
    <>
      {a.text}
      {a.qualifications.length > 0 && (
        <small class="who">
          <br />
          须持有:{a.qualifications.join("、")}
        </small>
      )}
      {a.industries.length > 0 && (
        <small class="who">
          <br />
          所属行业:{a.industries.join("、")}
        </small>
      )}
    </>
  );
}

/** 在线申报 is for members of an admitted enterprise, on programmes enterprises apply for themselves. */
const canApplyOnline = (p: ProgrammeView, user: HeaderUser | null | undefined) =>
  user?.role === "enterprise" && !!user.enterpriseId && p.applicants.kinds.includes(APPLICANT_KINDS.enterprise);

/**
 * A POST that starts a draft. The key is new with every page view, so a double
 * click or a retried post makes one application, and a later visit a new one.
 */
function ApplyOnline({ p }: { p: ProgrammeView }) {
  return (
    <form method="post" action="/subsidies/apply">
      <input type="hidden" name="programme" value={p.id} />
      <input type="hidden" name="idempotencyKey" value={crypto.randomUUID()} />
      <button class="btn" type="submit">
        在线申报
      </button>
    </form>
  );
}

/**
 * Where 在线申报 would end on create-application's 409 (an application in
 * progress or an award the limits count), the page names it and links to it
 * instead of offering the button. A draft does not block: it is linked, and
 * 在线申报 stays as before. Nor does an application in progress under a limit
 * with room left (a yearly cap not yet used up): it is named, the button stays.
 */
function Standing({ s }: { s: ProgrammeStanding }) {
  const inProgress = s.open.filter((a) => a.kind === "in_progress");
  const drafts = s.open.filter((a) => a.kind === "draft");
  return (
    <>
      {inProgress.map((a) => (
        <p class="alert info" role="status">
          贵企业已有一份该项目的申报在审(<a href={`/subsidies/applications/${a.id}`}>{a.number ?? "申报详情"}</a>,
          {a.label}),
          {s.refusedBy.length ? "审结前不能再申报,进度请在申报详情中查看。" : "进度请在申报详情中查看。"}
        </p>
      ))}
      {inProgress.length === 0 && s.refusedBy.length > 0 && (
        <p class="alert info" role="status">
          贵企业不能再申报本项目:{s.refusedBy.join(";")}。
        </p>
      )}
      {drafts.length > 0 && (
        <p class="open-draft">
          贵企业有该项目未提交的草稿:
          {drafts.map((a, i) => (
            <>
              {i > 0 && "、"}
              <a href={`/subsidies/applications/${a.id}`}>{a.number ? `继续填写 ${a.number}` : "继续填写草稿"}</a>
            </>
          ))}
        </p>
      )}
    </>
  );
}

function Summary({
  p,
  user,
  validity,
  standing,
}: {
  p: ProgrammeView;
  user: HeaderUser | null | undefined;
  validity: ProgrammePageProps["validity"];
  standing: ProgrammeStanding | undefined;
}) {
  const closed = validity?.status === "expired" || validity?.status === "not_yet";
  const offerApply = canApplyOnline(p, user) && !closed && !standing?.refusedBy.length;
  const clauseLink = `/policies/documents/${p.document.id}#c-${p.clause}`;
  return (
    <section class="panel" aria-label="项目概要">
      <dl class="kv">
        <dt>补助标准</dt>
        <dd>
          <strong>{p.amountSummary}</strong>
        </dd>
        <dt>申报主体</dt>
        <dd>
          <Applicants p={p} />
        </dd>
        <dt>政策出处</dt>
        <dd>
          <a href={clauseLink}>
            《{p.document.title}》{p.citation}
          </a>
          {p.document.docNumber ? `(${p.document.docNumber})` : ""}
        </dd>
        <dt>申报时间</dt>
        <dd>
          {/* An expired document's programme must not read "均可申报" beside the 已到期 warning. */}
          {closed
            ? validity!.status === "expired"
              ? "已到期,不再受理新的申报"
              : "文件尚未施行,暂不受理申报"
            : p.windows.length
              ? p.windows.map((w) => `${formatDateZh(w.from)}至${formatDateZh(w.to)}`).join(";")
              : "政策有效期内均可申报"}
          <small class="who">
            <br />
            政策有效期:
            {validity
              ? validity.label
              : `${formatDateZh(p.effective.from)}起${p.effective.to ? `至${formatDateZh(p.effective.to)}` : ""}`}
          </small>
        </dd>
        {p.annualBudgetFen !== null && (
          <>
            <dt>年度资金</dt>
            <dd>{formatMoney(p.annualBudgetFen)}</dd>
          </>
        )}
        <dt>类别</dt>
        <dd>{p.categoryName}</dd>
      </dl>
      {canApplyOnline(p, user) && !closed && standing && <Standing s={standing} />}
      <div class="jump">
        {offerApply && <ApplyOnline p={p} />}
        <a class={offerApply ? "btn secondary" : "btn"} href="#calculator">
          用政策计算器测算
        </a>
      </div>
    </section>
  );
}

export function ProgrammePage(props: ProgrammePageProps) {
  const { zone, nonce, user, version, staff, programme: p, validity } = props;
  const closed = validity?.status === "expired" || validity?.status === "not_yet";
  return (
    <Layout title={p.title} zone={zone} nonce={nonce} user={user} current="policies" css={POLICY_CSS + APPLY_CSS}>
      <main id="main" class="wrap pol">
        <p class="crumbs">
          <a href="/">首页</a> › <a href="/policies">政策纵览</a> › {p.categoryName}
        </p>
        <h1>
          {closed && (
            <>
              <span class="badge expired">{validity!.status === "expired" ? "已到期" : "尚未施行"}</span>{" "}
            </>
          )}
          {p.title}
        </h1>
        <VersionNote version={version} />
        {closed && (
          <p class="alert error" role="status">
            本项目依据的政策文件{validity!.label},不再受理新的申报;计算器只按原文测算,结果不作为申报依据。
          </p>
        )}
        <Summary p={p} user={user} validity={validity} standing={props.standing} />
        {staff && (
          <p>
            <a href={`/admin/policies/programmes/${p.id}/matches`}>查看符合条件的企业(免申即享名单)</a>
          </p>
        )}

        <section aria-labelledby="clause-heading">
          <h2 id="clause-heading" class="section">
            政策原文({p.citation})
          </h2>
          <div class="panel">
            {p.clauseText ? (
              <ClauseText text={p.clauseText} excerpt={p.excerpt} />
            ) : (
              <p class="clause-text">
                <mark>{p.excerpt}</mark>
              </p>
            )}
            <p class="version-note">
              标出的是本项目依据的句子。<a href={`/policies/documents/${p.document.id}#c-${p.clause}`}>查看文件全文</a>
            </p>
          </div>
        </section>

        <section aria-labelledby="conditions-heading">
          <h2 id="conditions-heading" class="section">
            申报条件与限额
          </h2>
          <div class="panel">
            {p.conditions.length === 0 && p.limits.length === 0 ? (
              <p>条款没有另设条件;满足申报主体要求即可申报。</p>
            ) : (
              <ul class="list">
                {p.conditions.map((c) => (
                  <li>
                    {c.label}
                    <span class="cite">{c.clause}</span>
                  </li>
                ))}
                {p.limits.map((l) => (
                  <li>{l.label}</li>
                ))}
              </ul>
            )}
            {p.note && <p class="version-note">口径说明:{p.note}</p>}
          </div>
        </section>

        <section id="calculator" aria-labelledby="calculator-heading">
          <h2 id="calculator-heading" class="section">
            政策计算器
          </h2>
          {props.profileHref && (
            <p>
              <a class="btn" href={props.profileHref}>
                用我的企业资料测算
              </a>
            </p>
          )}
          <Calculator {...props} versionId={version.id} />
        </section>

        <section aria-labelledby="materials-heading">
          <h2 id="materials-heading" class="section">
            申报材料
          </h2>
          <div class="panel">
            {p.materials.length === 0 ? (
              <p>条款未列明申报材料,以园区申报通知为准。</p>
            ) : (
              <ul class="list">
                {p.materials.map((m) => (
                  <li>
                    {m.name}
                    {m.required ? "" : "(如有)"}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </section>
      </main>
    </Layout>
  );
}

const APPLY_CSS = `
.pol .jump{display:flex;flex-wrap:wrap;gap:8px}
.pol .jump form{margin:0}
.pol .open-draft{margin:0 0 12px}
`;
