/**
 * Zone admin: the preview of a proposed policy set — format errors, test cases,
 * what changes against the newest version — and, only when it may be published,
 * the form that publishes exactly this set against exactly that version.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type { FieldChange, ItemChange, PolicyDiff } from "../../../worker/engines/policy/diff";
import { Field } from "../../components/form";
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import { CASES_CSS, FailedCases, ProposedCases, type PreviewZhView } from "./admin-cases";
import { PolicyJsonForm } from "./admin-versions";
import { NoticeBox, POLICY_CSS, type Notice } from "./shared";
import type { PolicyPreviewView } from "./view-types";

export interface AdminPreviewProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  preview: PolicyPreviewView;
  /**
   * The same in Chinese sentences: problems, failed cases, changes, proposed cases. Without it
   * the page shows the developer strings and offers no case forms.
   */
  zh?: PreviewZhView | undefined;
  /** The set as submitted (compact), carried by the publish form. */
  json: string;
  /** The same, laid out for editing. */
  pretty: string;
  /** A refused publish, or anything else to say first. */
  notice?: Notice | undefined;
  /** Asia/Shanghai, YYYY-MM-DD: whether the set takes effect at once. */
  today: string;
}

const FIELDS_SHOWN = 20;

/** A changed value, short enough to read: JSON, cut at 160 characters. */
function show(v: unknown): string {
  if (v === undefined) return "(无)";
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
}

function Change({ f }: { f: FieldChange }) {
  return (
    <>
      {/* Added or removed said in words too, not by the colour alone. */}
      <span class="path">{f.path || "(整体)"}</span>:{!("after" in f) && "删除 "}
      {!("before" in f) && "新增 "}
      {"before" in f && <span class="before">{show(f.before)}</span>}
      {"before" in f && "after" in f ? " → " : ""}
      {"after" in f && <span class="after">{show(f.after)}</span>}
    </>
  );
}

function Changed({ items }: { items: ItemChange[] }) {
  return (
    <>
      {items.map((c) => (
        <li>
          修改 <strong>{c.title}</strong>({c.id}),{c.fields.length} 处
          <ul class="fields">
            {c.fields.slice(0, FIELDS_SHOWN).map((f) => (
              <li>
                <Change f={f} />
              </li>
            ))}
            {c.fields.length > FIELDS_SHOWN && <li>……另有 {c.fields.length - FIELDS_SHOWN} 处</li>}
          </ul>
        </li>
      ))}
    </>
  );
}

/** The changes as sentences, with the field paths behind them for whoever edits the JSON. */
function DiffSaid({ diff, said }: { diff: PolicyDiff; said: string[] }) {
  if (!said.length) return <DiffList diff={diff} />;
  return (
    <>
      <ul class="said">
        {said.map((s) => (
          <li>{s}</li>
        ))}
      </ul>
      <details>
        <summary>查看对应的数据字段</summary>
        <DiffList diff={diff} />
      </details>
    </>
  );
}

function DiffList({ diff }: { diff: PolicyDiff }) {
  const part = (name: string, d: PolicyDiff["programmes"]) => [
    ...d.added.map((x) => (
      <li>
        新增{name} <strong>{x.title}</strong>({x.id})
      </li>
    )),
    ...d.removed.map((x) => (
      <li>
        删除{name} <strong>{x.title}</strong>({x.id})
      </li>
    )),
    <Changed items={d.changed} />,
  ];
  const none =
    !diff.meta.length &&
    diff.cases.before === diff.cases.after &&
    [diff.programmes, diff.documents].every((d) => !d.added.length && !d.removed.length && !d.changed.length);
  return (
    <ul class="diff">
      {none && <li>没有变化。</li>}
      {diff.meta.map((f) => (
        <li>
          版本信息:
          <Change f={f} />
        </li>
      ))}
      {part("项目", diff.programmes)}
      {part("政策文件", diff.documents)}
      {diff.cases.before !== diff.cases.after && (
        <li>
          测试用例:{diff.cases.before} → {diff.cases.after} 个
        </li>
      )}
    </ul>
  );
}

function Verdict({ p }: { p: PolicyPreviewView }) {
  const next = (p.base?.id ?? 0) + 1;
  if (p.publishable)
    return (
      <div class="alert ok" role="status">
        检查通过,可以发布为第{next}版。
      </div>
    );
  if (p.unchanged)
    return (
      <div class="alert info" role="status">
        与第{p.base?.id}版内容相同,无需发布。
      </div>
    );
  return (
    <div class="alert error" role="alert">
      不能发布:{p.errors.length ? `格式检查发现 ${p.errors.length} 处问题` : ""}
      {p.errors.length && p.cases.failures.length ? ",且" : ""}
      {p.cases.failures.length ? `${p.cases.failures.length} 个测试用例未通过` : ""}。请修改后重新预览。
    </div>
  );
}

/** Programmes with no case yet (a new one from the form): the cases the engine proposes are how to go on. */
function AwaitingCases({ zh }: { zh: PreviewZhView }) {
  const titles = zh.proposals.filter((x) => x.needsCases && x.cases.length).map((x) => `「${x.title}」`);
  if (!titles.length) return null;
  return (
    <div class="alert info" role="status">
      {titles.join("、")}还没有测试用例。请在下方<a href="#proposed-heading">建议补充的测试用例</a>
      中核对系统生成的用例,勾选结果正确的加入,重新预览后即可发布。
    </div>
  );
}

export function AdminPreviewPage(props: AdminPreviewProps) {
  const { zone, nonce, user, preview: p, json, pretty, notice, today } = props;
  const zh = props.zh ?? { errors: [], failures: [], diff: [], proposals: [] };
  return (
    <Layout title="预览政策版本" zone={zone} nonce={nonce} user={user} css={POLICY_CSS + CASES_CSS}>
      <main id="main" class="wrap pol">
        <p class="crumbs">
          <a href="/admin/policies">政策版本</a> › 预览
        </p>
        <h1>预览政策版本{p.set ? `:${p.set.label}` : ""}</h1>
        <p class="lead">
          {p.base ? `与最新的第${p.base.id}版(${p.base.label})对比。` : "本园区还没有发布过政策,这将是第一版。"}
          {p.set &&
            `生效日期 ${p.set.effectiveFrom},${p.set.programmes.length} 个项目,${p.set.cases.length} 个测试用例。`}
        </p>
        <NoticeBox notice={notice} />
        <Verdict p={p} />
        <AwaitingCases zh={zh} />

        {p.errors.length > 0 && (
          <section aria-labelledby="errors-heading">
            <h2 id="errors-heading" class="section">
              格式问题({p.errors.length})
            </h2>
            <ul class="list panel said">
              {(zh.errors.length ? zh.errors : p.errors).map((e) => (
                <li>{e}</li>
              ))}
            </ul>
          </section>
        )}

        {p.set && (
          <section aria-labelledby="cases-heading">
            <h2 id="cases-heading" class="section">
              测试用例:通过 {p.cases.passed} / 共 {p.cases.total}
            </h2>
            {props.zh || p.cases.failures.length === 0 ? (
              <FailedCases failures={zh.failures} json={json} />
            ) : (
              <ul class="list panel">
                {p.cases.failures.map((f) => (
                  <li>
                    <strong>{f.name}</strong>({f.programme}):{f.problems.join(";")}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}

        {p.diff && (
          <section aria-labelledby="diff-heading">
            <h2 id="diff-heading" class="section">
              变化
            </h2>
            <div class="panel">
              <DiffSaid diff={p.diff} said={zh.diff} />
            </div>
          </section>
        )}

        <ProposedCases proposals={zh.proposals} json={json} />

        {p.publishable && (
          <section aria-labelledby="publish-heading">
            <h2 id="publish-heading" class="section">
              发布
            </h2>
            <form method="post" action="/admin/policies/publish" enctype="multipart/form-data" class="stack panel">
              <input type="hidden" name="policySet" value={json} />
              <input type="hidden" name="baseVersion" value={p.base ? String(p.base.id) : ""} />
              <Field id="f-note" label="发布说明(选填)" hint="写明这一版改了什么,最多 500 字;显示在版本列表中。">
                <textarea id="f-note" name="note" maxlength={500} rows={3} aria-describedby="f-note-hint" />
              </Field>
              <p>
                发布后不可修改或撤回;如需更正,请再发布新的一版。
                {p.set && p.set.effectiveFrom > today
                  ? `这一版自 ${p.set.effectiveFrom} 起生效,此前现行政策不变。`
                  : "新符合条件的企业会收到通知(免申即享)。"}
              </p>
              <button class="btn" type="submit">
                发布
              </button>
            </form>
          </section>
        )}

        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading" class="section">
            修改后重新预览
          </h2>
          <div class="panel">
            <PolicyJsonForm json={pretty} submit="重新预览" />
          </div>
        </section>
      </main>
    </Layout>
  );
}
