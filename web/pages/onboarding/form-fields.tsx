/**
 * Labelled controls for the application and review forms, each with its hint and
 * error linked by aria-describedby (like the account pages' Field, which only
 * covers text, email and password inputs).
 */
import type { Child } from "hono/jsx";

interface Common {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  /** When one name appears in several forms of a page (defaults to f-<name>). */
  id?: string;
}

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Wrap({ id, label, hint, error, children }: { id: string; label: string; hint?: string | undefined; error?: string | undefined; children: Child }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {children}
      {error && <p class="field-error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}

export function Input(p: Common & { type?: "text" | "email" | "password" | "date" | "tel"; value?: string | undefined; autocomplete?: string; inputmode?: "numeric" | "decimal" | "tel" | "email"; maxlength?: number }) {
  const id = p.id ?? `f-${p.name}`;
  return (
    <Wrap id={id} label={p.label} hint={p.hint} error={p.error}>
      <input
        id={id} name={p.name} type={p.type ?? "text"} value={p.type === "password" ? undefined : p.value}
        autocomplete={p.autocomplete ?? "off"} inputmode={p.inputmode} maxlength={p.maxlength ?? 200} required={p.required ?? true}
        aria-invalid={p.error ? "true" : undefined} aria-describedby={describedBy(id, p.hint, p.error)}
      />
    </Wrap>
  );
}

export function Select(p: Common & { value?: string | undefined; options: { value: string; label: string }[]; placeholder?: string }) {
  const id = p.id ?? `f-${p.name}`;
  return (
    <Wrap id={id} label={p.label} hint={p.hint} error={p.error}>
      <select id={id} name={p.name} required={p.required ?? true} aria-invalid={p.error ? "true" : undefined} aria-describedby={describedBy(id, p.hint, p.error)}>
        {p.placeholder !== undefined && <option value="">{p.placeholder}</option>}
        {p.options.map((o) => <option value={o.value} selected={o.value === p.value}>{o.label}</option>)}
      </select>
    </Wrap>
  );
}

export function Textarea(p: Common & { value?: string | undefined; maxlength?: number }) {
  const id = p.id ?? `f-${p.name}`;
  return (
    <Wrap id={id} label={p.label} hint={p.hint} error={p.error}>
      <textarea id={id} name={p.name} maxlength={p.maxlength ?? 2000} required={p.required ?? false} aria-invalid={p.error ? "true" : undefined} aria-describedby={describedBy(id, p.hint, p.error)}>
        {p.value ?? ""}
      </textarea>
    </Wrap>
  );
}

export function FileInput(p: Common) {
  const id = p.id ?? `f-${p.name}`;
  return (
    <Wrap id={id} label={p.label} hint={p.hint} error={p.error}>
      <input id={id} name={p.name} type="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" required={p.required ?? false} aria-invalid={p.error ? "true" : undefined} aria-describedby={describedBy(id, p.hint, p.error)} />
    </Wrap>
  );
}
