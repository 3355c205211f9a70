/**
 * The programme form as its pages draw it (worker/features/policies/form/form-model.ts builds it
 * from a programme of the rule format): sections of fields named by their path in the programme,
 * parts kept as they are, and lists drawn as rows.
 */

export type FieldKind =
  | "text"
  | "textarea"
  | "money"
  | "integer"
  | "number"
  | "percent"
  | "date"
  | "select"
  | "checks"
  | "upTo";

export interface FormField {
  /** The path in the programme, dot-separated; also the input's name. */
  name: string;
  kind: FieldKind;
  label: string;
  hint?: string;
  /** Empty is allowed and removes the value (an optional cap, a budget). */
  optional?: boolean;
  options?: { value: string; label: string }[];
}

/** A row of a list the admin may add to and remove from (materials, windows). */
export interface FormRow {
  index: number;
  /** A blank row offered for adding: ignored when left empty. */
  isNew: boolean;
  fields: FormField[];
}

export type RowList = "materials" | "windows";

export type FormItem =
  | { type: "heading"; text: string }
  | { type: "field"; field: FormField }
  | { type: "kept"; label: string; json: string }
  | { type: "rows"; list: RowList; title: string; rows: FormRow[] };

export interface FormSection {
  id: string;
  title: string;
  items: FormItem[];
}
