/**
 * The one set of form controls every page uses: a labelled field whose hint and
 * error sit under the label and are linked by aria-describedby, the message at the
 * top of a form, and the controls (text-like input, money in 元, select, textarea,
 * file, checkbox). Every control is required unless `required={false}` is given.
 */
import type { Child } from "hono/jsx";

/** What went wrong with a submitted form: one sentence for the top, and per field. */
export interface FormErrors {
  message?: string;
  fields?: Record<string, string>;
}

/** What the user typed, by field name, put back after an error. */
export type FormValues = Record<string, string | undefined>;

/**
 * The form's top message, announced by screen readers when the page loads with it. When
 * fields are wrong it is the form's error summary: each wrong field is listed as a link to
 * the field (`#f-<name>` unless `ids` says otherwise), and the site script focuses the
 * summary when the page opens and moves focus to a field when its link is followed — on a
 * long form (申请入驻 is several screens) a person sees at once what to fix and gets there.
 */
export function FormAlert({ errors, ids }: { errors: FormErrors | undefined; ids?: Record<string, string> }) {
  const fields = Object.entries(errors?.fields ?? {}).filter(([, message]) => message);
  if (!errors?.message && fields.length === 0) return null;
  if (fields.length === 0) {
    return (
      <div class="alert error" role="alert">
        {errors!.message}
      </div>
    );
  }
  return (
    <div class="alert error error-summary" role="alert" tabindex={-1} data-error-summary>
      <p>{errors?.message ?? "请按提示修改以下内容后再提交。"}</p>
      <ul>
        {fields.map(([name, message]) => (
          <li>
            <a href={`#${ids?.[name] ?? `f-${name}`}`} data-field={name}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** A label, its hint, the control (given as children, with `id`) and the error under it. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: Child;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

interface ControlProps {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  /** Defaults to true. */
  required?: boolean;
  /** When one name appears in several forms of a page (defaults to f-<name>). */
  id?: string;
}

/** The attributes every control shares: id, name, required and the error/hint links. */
function controlAttributes(p: ControlProps, id: string) {
  return {
    id,
    name: p.name,
    required: p.required ?? true,
    "aria-invalid": p.error ? "true" : undefined,
    "aria-describedby": describedBy(id, p.hint, p.error),
  };
}

/** Longest input accepted by default: an address for email, a bounded hash input for passwords. */
const DEFAULT_MAXLENGTH = { email: 254, password: 1024, text: 200, tel: 200, date: 200 } as const;

export interface InputProps extends ControlProps {
  type?: "text" | "email" | "password" | "tel" | "date";
  /** Never rendered for passwords. */
  value?: string | undefined;
  /** Defaults to "off". */
  autocomplete?: string;
  inputmode?: "numeric" | "decimal" | "tel" | "email";
  /** Defaults to 254 for email, 1024 for passwords, 200 otherwise. */
  maxlength?: number;
  autofocus?: boolean;
  /** For sign-in fields, so phones do not capitalise an address or a password. */
  autocapitalize?: "none";
}

export function Input(p: InputProps) {
  const id = p.id ?? `f-${p.name}`;
  const type = p.type ?? "text";
  return (
    <Field id={id} label={p.label} hint={p.hint} error={p.error}>
      <input
        {...controlAttributes(p, id)}
        type={type}
        value={type === "password" ? undefined : p.value}
        autocomplete={p.autocomplete ?? "off"}
        inputmode={p.inputmode}
        maxlength={p.maxlength ?? DEFAULT_MAXLENGTH[type]}
        autofocus={p.autofocus}
        autocapitalize={p.autocapitalize}
      />
    </Field>
  );
}

/** An amount typed in 元 (up to two decimals); the label says so. */
export function MoneyInput({ label, ...p }: Omit<InputProps, "type" | "inputmode" | "maxlength">) {
  return <Input {...p} label={`${label}(元)`} inputmode="decimal" maxlength={20} />;
}

export function Select(
  p: ControlProps & { value?: string | undefined; options: { value: string; label: string }[]; placeholder?: string },
) {
  const id = p.id ?? `f-${p.name}`;
  return (
    <Field id={id} label={p.label} hint={p.hint} error={p.error}>
      <select {...controlAttributes(p, id)}>
        {p.placeholder !== undefined && <option value="">{p.placeholder}</option>}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Textarea(p: ControlProps & { value?: string | undefined; maxlength?: number }) {
  const id = p.id ?? `f-${p.name}`;
  return (
    <Field id={id} label={p.label} hint={p.hint} error={p.error}>
      <textarea {...controlAttributes(p, id)} maxlength={p.maxlength ?? 2000}>
        {p.value ?? ""}
      </textarea>
    </Field>
  );
}

/** A material upload: PDF, JPG or PNG. */
export function FileInput(p: ControlProps) {
  const id = p.id ?? `f-${p.name}`;
  return (
    <Field id={id} label={p.label} hint={p.hint} error={p.error}>
      <input
        {...controlAttributes(p, id)}
        type="file"
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
      />
    </Field>
  );
}

/** A checkbox with its text inside the label. */
export function Checkbox({
  name,
  value,
  checked,
  children,
}: {
  name: string;
  value: string;
  checked: boolean;
  children: Child;
}) {
  return (
    <label class="check">
      <input type="checkbox" name={name} value={value} checked={checked} />
      {children}
    </label>
  );
}
