/**
 * The controls of the programme form: one per field of the form model (money in 万元, threshold
 * words from a list, 最高 or fixed), the parts kept as they are shown read-only, and the lists
 * (materials, windows, tiers, limits) as rows with 删除 and blank rows to add.
 */
import type { FormField, FormItem, FormSection } from "./programme-form-view";
import { Checkbox, Input, Select, Textarea } from "../../components/form";

export type FormInput = Record<string, string | string[]>;
export type FieldErrors = Record<string, string>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v.at(-1) ?? "") : (v ?? ""));

const UP_TO_OPTIONS = [
  { value: "", label: "按此金额给予" },
  { value: "true", label: "最高金额(评审确定,不超过此数)" },
];

function Control({ f, values, errors }: { f: FormField; values: FormInput; errors: FieldErrors }) {
  const common = {
    name: f.name,
    error: errors[f.name],
    required: !f.optional,
    ...(f.hint ? { hint: f.hint } : {}),
  };
  const value = one(values[f.name]);
  switch (f.kind) {
    case "money":
      return (
        <Input
          {...common}
          label={`${f.label}(万元)`}
          value={value}
          inputmode="decimal"
          maxlength={40}
          hint={f.hint ?? `可写 300、300万 或 8千万${f.optional ? ";不设则留空" : ""}。`}
        />
      );
    case "percent":
      return <Input {...common} label={f.label} value={value} inputmode="decimal" maxlength={20} />;
    case "integer":
    case "number":
      return (
        <Input
          {...common}
          label={f.label}
          value={value}
          inputmode={f.kind === "integer" ? "numeric" : "decimal"}
          maxlength={20}
        />
      );
    case "date":
      return <Input {...common} type="date" label={f.label} value={value} />;
    case "textarea":
      return <Textarea {...common} label={f.label} value={value} maxlength={5000} />;
    case "select":
      return <Select {...common} label={f.label} value={value} options={f.options ?? []} />;
    case "upTo":
      return <Select {...common} required label={f.label} value={value} options={UP_TO_OPTIONS} />;
    case "checks": {
      const picked = new Set(Array.isArray(values[f.name]) ? values[f.name] : [one(values[f.name])]);
      return (
        <fieldset class="checks" id={`f-${f.name}`}>
          <legend>{f.label}</legend>
          {f.options?.map((o) => (
            <Checkbox name={f.name} value={o.value} checked={picked.has(o.value)}>
              {o.label}
            </Checkbox>
          ))}
          {errors[f.name] && <p class="field-error">{errors[f.name]}</p>}
        </fieldset>
      );
    }
    default:
      return <Input {...common} label={f.label} value={value} maxlength={500} />;
  }
}

function Item({ it, values, errors }: { it: FormItem; values: FormInput; errors: FieldErrors }) {
  switch (it.type) {
    case "heading":
      return <h3 class="pf-heading">{it.text}</h3>;
    case "note":
      return <p class="hint">{it.text}</p>;
    case "field":
      return <Control f={it.field} values={values} errors={errors} />;
    case "kept":
      return (
        <div class="pf-kept">
          <p class="pf-kept-label">{it.label}</p>
          <code>{it.json}</code>
          <p class="hint">表单不改动这一部分,提交后原样保留;如需修改,请下载 JSON 编辑后上传。</p>
        </div>
      );
    case "rows":
      return (
        <fieldset class="pf-rows" id={`rows-${it.list}`}>
          <legend>{it.title}</legend>
          {it.hint && <p class="hint">{it.hint}</p>}
          {it.rows.map((row) => (
            <div class={`pf-row${row.isNew ? " new" : ""}`}>
              <p class="pf-row-label">
                {row.isNew ? (it.newTitle ?? "新增(不用则留空)") : (row.title ?? `第 ${row.index + 1} 项`)}
              </p>
              {row.items.map((x) =>
                x.type === "field" ? (
                  <Control f={row.isNew ? { ...x.field, optional: true } : x.field} values={values} errors={errors} />
                ) : (
                  <Item it={x} values={values} errors={errors} />
                ),
              )}
              {!row.isNew && row.keep === undefined && (
                <Checkbox
                  name={`remove.${it.list}.${row.index}`}
                  value="1"
                  checked={one(values[`remove.${it.list}.${row.index}`]) !== ""}
                >
                  删除这一项
                </Checkbox>
              )}
              {!row.isNew && row.keep !== undefined && <p class="hint">{row.keep}</p>}
            </div>
          ))}
        </fieldset>
      );
  }
}

export function FormSections({
  sections,
  values,
  errors,
}: {
  sections: FormSection[];
  values: FormInput;
  errors: FieldErrors;
}) {
  return (
    <>
      {sections
        .filter((s) => s.items.length > 0)
        .map((s) => (
          <section class="panel pf-section" aria-labelledby={`pf-${s.id}`}>
            <h2 id={`pf-${s.id}`}>{s.title}</h2>
            {s.items.map((it) => (
              <Item it={it} values={values} errors={errors} />
            ))}
          </section>
        ))}
    </>
  );
}

export const PROGRAMME_FORM_CSS = `
.pf-section{display:grid;gap:4px}
.pf-heading{font-size:1rem;margin:14px 0 2px;padding-top:10px;border-top:1px solid var(--line)}
.pf-kept{background:var(--bg);border:1px dashed var(--line);border-radius:6px;padding:10px 12px;margin:6px 0}
.pf-kept code{display:block;white-space:pre-wrap;overflow-wrap:anywhere;font-size:.85rem}
.pf-kept-label{font-weight:600;margin:0 0 4px}
.pf-rows{border:0;padding:0;margin:0}
.pf-rows legend{font-weight:700;margin:0 0 6px}
.pf-row{border:1px solid var(--line);border-radius:6px;padding:10px 12px;margin:0 0 10px}
.pf-row.new{border-style:dashed}
.pf-row-label{font-weight:600;margin:0 0 4px}
.pf-actions{display:flex;flex-wrap:wrap;gap:12px;align-items:center}
.pf-actions .btn,.pf-actions a{min-height:44px;display:inline-flex;align-items:center}
.checks{border:0;padding:0;margin:8px 0}
.checks legend{font-weight:600;margin:0 0 4px}
.pf-shapes{display:grid;gap:12px;grid-template-columns:1fr;list-style:none;padding:0;margin:0}
@media(min-width:760px){.pf-shapes{grid-template-columns:1fr 1fr}}
.pf-shapes a{display:block;min-height:44px;padding:12px 14px;border:1px solid var(--line);border-radius:6px;
  background:var(--card);text-decoration:none}
.pf-shapes a strong{display:block}
`;
