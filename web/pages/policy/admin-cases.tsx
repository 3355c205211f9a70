/**
 * The preview's test cases for a zone admin, in Chinese: each failed case as a sentence
 * with a box to accept what the current rules give (a corrected set is previewed again),
 * and cases the engine proposes (a first eligible case for a programme that has none, then
 * boundaries, options, limits and days), to add to the set once the admin has read them.
 * Both forms post the set being previewed to /admin/policies/preview/cases.
 */
import { Checkbox } from "../../components/form";

/** The Chinese of the preview, as the policies feature builds it (describe-preview.ts). */
export interface PreviewZhView {
  errors: string[];
  failures: { index: number; name: string; programme: string; zh: string }[];
  diff: string[];
  proposals: {
    programme: string;
    title: string;
    cases: { key: string; why: string; result: string }[];
    /** Why the engine proposes nothing for it. */
    note?: string;
    /** It has no case yet: publishing waits for one. */
    needsCases?: true;
  }[];
}

export const CASES_CSS = `
.pol .cases-form{display:flex;flex-direction:column;gap:8px}
.pol .cases-form .check{align-items:flex-start;font-weight:400}
.pol .cases-form .check input{flex:none;margin-top:2px}
.pol .cases-form .btn{align-self:flex-start}
.pol .said{margin:0;padding-left:1.2em}
.pol .said li{margin:0 0 6px;overflow-wrap:anywhere}
.pol .result-now{color:var(--muted);font-size:.9rem}
.pol .cases-form details .check{margin:0 0 8px}
.pol .cases-form summary{min-height:44px;padding-top:10px;box-sizing:border-box;cursor:pointer}
.pol .cases-form .why-none{margin:0 0 8px;color:var(--muted)}
`;

function SetField({ json }: { json: string }) {
  return <input type="hidden" name="policySet" value={json} />;
}

export function FailedCases({ failures, json }: { failures: PreviewZhView["failures"]; json: string }) {
  if (!failures.length) return <p>全部通过。</p>;
  return (
    <form method="post" action="/admin/policies/preview/cases" enctype="multipart/form-data" class="panel cases-form">
      <SetField json={json} />
      <p>逐条核对:规则改对了,就勾选用例,按当前规则的结果更正它;用例是对的,就修改规则后重新预览。</p>
      {failures.map((f) => (
        <Checkbox name="accept" value={String(f.index)} checked={false}>
          <span>{f.zh}</span>
        </Checkbox>
      ))}
      <button class="btn" type="submit">
        按当前规则更正勾选的用例并重新预览
      </button>
    </form>
  );
}

export function ProposedCases({ proposals, json }: { proposals: PreviewZhView["proposals"]; json: string }) {
  if (!proposals.length) return null;
  const any = proposals.some((p) => p.cases.length > 0);
  return (
    <section aria-labelledby="proposed-heading">
      <h2 id="proposed-heading" class="section">
        建议补充的测试用例
      </h2>
      <form method="post" action="/admin/policies/preview/cases" enctype="multipart/form-data" class="panel cases-form">
        <SetField json={json} />
        <p>
          以下用例由系统按新增或修改项目的规则生成:每个门槛和上限(恰好达到、略低于、略高于)、每个级别或档次、
          每个“是/否”条件、已获支持后的限额和申报日期,结果按当前规则计算。请逐条核对,结果正确的勾选后加入测试用例;
          结果不对,说明规则需要修改。
        </p>
        {proposals.map((p) => (
          <details open={p.needsCases === true}>
            <summary>
              {p.title}:{p.cases.length ? `${p.cases.length} 个建议用例` : "没有建议用例"}
              {p.needsCases && "(尚无测试用例)"}
            </summary>
            {p.needsCases && p.cases.length > 0 && (
              <p class="why-none">
                这个项目还没有测试用例,发布前至少要加入一个。第一条是系统按条件生成、已核对符合条件的起始用例。
              </p>
            )}
            {p.note && <p class="why-none">{p.note}</p>}
            {p.cases.map((c) => (
              <Checkbox name="add" value={c.key} checked={false}>
                <span>
                  {c.why}
                  <br />
                  <span class="result-now">按当前规则:{c.result}</span>
                </span>
              </Checkbox>
            ))}
          </details>
        ))}
        {any && (
          <button class="btn" type="submit">
            将勾选的用例加入并重新预览
          </button>
        )}
      </form>
    </section>
  );
}
