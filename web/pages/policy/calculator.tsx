/**
 * 政策计算器: a form generated from a programme's facts (money in 元, counts,
 * percentages, 是/否/未填, options, text) and the explained result beside it.
 * Sent by GET, so a result is a link; no JavaScript.
 */
import { Field, FormAlert } from "../../components/form";
import { EvaluationResult } from "../../components/evaluation";
import { PastAwards, type AwardsProps } from "./calculator-awards";
import { fieldName, SUBMITTED, type CalcFact } from "./calculator-fields";
import type { ProgrammeView } from "../../../worker/engines/policy/describe";
import type { Evaluation } from "../../../worker/engines/policy/evaluate";

export interface CalculatorProps {
  programme: ProgrammeView;
  /** What the form shows: typed, or prefilled from the enterprise's figures. */
  values: Record<string, string>;
  /** Per field, after a bad submission. */
  errors?: Record<string, string> | undefined;
  /** Money restated in 万元/亿元, per field. */
  echo?: Record<string, string> | undefined;
  result: Evaluation | null;
  versionId: number;
  /** Where prefilled values came from, e.g. "已按你企业2025年度数据填入". */
  prefilled?: string | undefined;
  /** Past awards, for a programme with limits (none: the form has no such rows). */
  awards?: AwardsProps | undefined;
}

const UNIT_LABEL: Partial<Record<CalcFact["type"], string>> = { money: "元", percent: "%" };

/**
 * One fact as a form field (money in 元, booleans and choices as selects); the calculator and the application
 * form share it.
 */
export function FactField({
  fact,
  all,
  value,
  error,
  echo,
}: {
  fact: CalcFact;
  all: readonly CalcFact[];
  value: string;
  error: string | undefined;
  echo?: string | undefined;
}) {
  const name = fieldName(fact, all);
  const id = `f-${name}`;
  const unit = UNIT_LABEL[fact.type] ?? (fact.type === "count" ? fact.unit : null);
  const label = `${fact.label}${unit ? `(${unit})` : ""}${fact.optional ? "(选填)" : ""}`;
  const tips = [fact.help, fact.type === "money" ? "以元为单位;也可写 300万、8千万 或 3亿" : null]
    .filter(Boolean)
    .join(" ");
  const hint = tips || undefined;
  const a11y = {
    id,
    name,
    "aria-invalid": error ? "true" : undefined,
    "aria-describedby":
      [hint ? `${id}-hint` : null, error ? `${id}-error` : null, echo ? `${id}-echo` : null]
        .filter(Boolean)
        .join(" ") || undefined,
  };
  const control = (() => {
    switch (fact.type) {
      case "boolean":
        return (
          <select {...a11y}>
            {[
              ["", "未填"],
              ["yes", "是"],
              ["no", "否"],
            ].map(([v, l]) => (
              <option value={v} selected={value === v}>
                {l}
              </option>
            ))}
          </select>
        );
      case "choice":
        return (
          <select {...a11y}>
            <option value="">未填</option>
            {(fact.options ?? []).map((o) => (
              <option value={o.value} selected={value === o.value}>
                {o.label}
              </option>
            ))}
          </select>
        );
      case "date":
        return <input {...a11y} type="date" value={value} autocomplete="off" />;
      default:
        return (
          <input
            {...a11y}
            type="text"
            value={value}
            autocomplete="off"
            inputmode={fact.type === "count" ? "numeric" : fact.type === "text" ? undefined : "decimal"}
            maxlength={fact.type === "text" ? 100 : 30}
          />
        );
    }
  })();
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {control}
      {echo && !error && (
        <p class="echo" id={`${id}-echo`}>
          {echo}
        </p>
      )}
    </Field>
  );
}

export function Calculator({
  programme: p,
  values,
  errors,
  echo,
  result,
  versionId,
  prefilled,
  awards,
}: CalculatorProps) {
  const bad = errors && Object.keys(errors).length > 0;
  return (
    <div class="calc">
      <div class="panel">
        {prefilled && <p class="alert info">{prefilled}。可以修改后重新计算。</p>}
        <FormAlert errors={bad ? { message: "有几项填写有误,请按提示修改后再计算。", fields: errors } : undefined} />
        {p.facts.length === 0 && !awards ? (
          <p>本项目不需要填写数据,结果见“测算结果”。</p>
        ) : (
          <form method="get" action={`/policies/programmes/${p.id}#result`} novalidate>
            <input type="hidden" name={SUBMITTED} value="1" />
            <p class="hint">
              {p.facts.length
                ? "不清楚的项可以留空,结果会列出还需提供什么。"
                : "本项目不需要填写数据,结果见“测算结果”。"}
            </p>
            {p.facts.map((f) => {
              const name = fieldName(f, p.facts);
              return (
                <FactField
                  fact={f}
                  all={p.facts}
                  value={values[name] ?? ""}
                  error={errors?.[name]}
                  echo={echo?.[name]}
                />
              );
            })}
            {awards && <PastAwards {...awards} errors={errors} current={p.id} />}
            <div class="actions">
              <button class="btn" type="submit">
                计算
              </button>
              <a class="btn secondary" href={`/policies/programmes/${p.id}#calculator`}>
                清空
              </a>
            </div>
          </form>
        )}
      </div>
      <section id="result" class="panel result" aria-live="polite" aria-labelledby="result-heading">
        <h3 id="result-heading">测算结果</h3>
        {result ? (
          <>
            <EvaluationResult result={result} heading={4} />
            <p class="version-note">按现行第{versionId}版政策和今天的日期测算,仅供参考,最终以园区审核为准。</p>
          </>
        ) : bad ? (
          <p>请先修改表单中标红的项目。</p>
        ) : (
          <p>填写表单中的数据后点“计算”,这里会逐条说明是否符合条件、依据哪一条款,以及金额怎么算出来。</p>
        )}
      </section>
    </div>
  );
}
