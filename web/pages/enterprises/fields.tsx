/** Form fields for the enterprise pages: labelled, error under the field, typed values kept. */
import type { FormErrors } from "../auth/form-parts";

export type Values = Record<string, string | undefined>;

interface Common {
  name: string;
  label: string;
  values: Values;
  errors: FormErrors | undefined;
  hint?: string;
  required?: boolean;
}

const describedBy = (id: string, hint?: string, error?: string) => [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

function Wrap({ name, label, hint, error, children }: { name: string; label: string; hint?: string; error?: string; children: unknown }) {
  const id = `f-${name}`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {children}
      {error && <p class="field-error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}

export function Input({ name, label, values, errors, hint, required, type = "text", inputmode, autocomplete, maxlength = 200 }: Common & { type?: "text" | "email" | "tel" | "date"; inputmode?: "decimal" | "numeric"; autocomplete?: string; maxlength?: number }) {
  const error = errors?.fields?.[name];
  const id = `f-${name}`;
  return (
    <Wrap name={name} label={label} hint={hint} error={error}>
      <input id={id} name={name} type={type} value={values[name] ?? ""} required={required} maxlength={maxlength} inputmode={inputmode} autocomplete={autocomplete ?? "off"} aria-invalid={error ? "true" : undefined} aria-describedby={describedBy(id, hint, error)} />
    </Wrap>
  );
}

export function Select({ name, label, values, errors, hint, required, options }: Common & { options: { value: string; label: string }[] }) {
  const error = errors?.fields?.[name];
  const id = `f-${name}`;
  return (
    <Wrap name={name} label={label} hint={hint} error={error}>
      <select id={id} name={name} required={required} aria-invalid={error ? "true" : undefined} aria-describedby={describedBy(id, hint, error)}>
        <option value="">请选择</option>
        {options.map((o) => (
          <option value={o.value} selected={values[name] === o.value}>{o.label}</option>
        ))}
      </select>
    </Wrap>
  );
}
