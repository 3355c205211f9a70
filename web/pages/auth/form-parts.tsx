/**
 * Pieces every account form uses: a labelled field whose error sits under it
 * (linked by aria-describedby), and the message at the top of a form.
 */

/** What went wrong with a submitted form: one sentence for the top, and per field. */
export interface FormErrors {
  message?: string;
  fields?: Record<string, string>;
}

export interface FieldProps {
  name: string;
  label: string;
  type: "email" | "password" | "text";
  autocomplete: string;
  /** What the user typed, put back after an error; never given for passwords. */
  value?: string;
  error?: string | undefined;
  hint?: string;
  autofocus?: boolean;
}

export function Field({ name, label, type, autocomplete, value, error, hint, autofocus }: FieldProps) {
  const id = `f-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      <input
        id={id}
        name={name}
        type={type}
        autocomplete={autocomplete}
        value={type === "password" ? undefined : value}
        required
        maxlength={type === "email" ? 254 : 1024}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy}
        autofocus={autofocus}
        autocapitalize={type === "text" ? undefined : "none"}
      />
      {error && <p class="field-error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}

/** The form's top message, announced by screen readers when the page loads with it. */
export function FormAlert({ errors }: { errors: FormErrors | undefined }) {
  if (!errors?.message) return null;
  return (
    <div class="alert error" role="alert">
      {errors.message}
    </div>
  );
}

/** The zone's way to get help with a password, as its portal words it. */
export function PasswordHelp({ passwordHelp, phone, demo }: { passwordHelp: string; phone: string; demo: boolean }) {
  return (
    <p class="help">
      {passwordHelp},联系方式:<a href={`tel:${phone}`}>{phone}</a>
      {demo ? "(演示号码,以园区公布为准)" : ""}
    </p>
  );
}
