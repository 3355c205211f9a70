/**
 * The programme form as its pages draw it (worker/features/policies/form/form-model.ts builds it
 * from a programme of the rule format): sections of fields named by their path in the programme,
 * parts kept as they are, and lists drawn as rows the admin adds to and removes from.
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
  /**
   * Where the rule holds the value when `name` is not its path: a tier row's name is the
   * option's `zh` on its fact, its amount an entry of the component's `amounts`.
   */
  from?: string;
}

/** A row of a list the admin may add to and remove from. */
export interface FormRow {
  index: number;
  /** A blank row offered for adding: ignored when left empty. */
  isNew: boolean;
  /** Above the row, e.g. "限制 1:每家每年上限"; the default is "第 N 项". */
  title?: string;
  items: FormItem[];
  /** Why this row has no 删除 (e.g. the last amount part); undefined when it may be removed. */
  keep?: string;
}

/**
 * The kinds of list drawn as rows: materials and windows, a choice fact's options with their
 * amounts (tiers, levels), limits, conditions and amount parts.
 */
export type RowKind = "materials" | "windows" | "choices" | "limits" | "conditions" | "components";

export type FormItem =
  | { type: "heading"; text: string }
  /** A sentence in the form, e.g. where a part's amounts are filled in. */
  | { type: "note"; text: string }
  | { type: "field"; field: FormField }
  | { type: "kept"; label: string; json: string }
  | {
      type: "rows";
      kind: RowKind;
      /** The rows' name prefix: each field is `${list}.${index}.…`, its 删除 box `remove.${list}.${index}`. */
      list: string;
      title: string;
      hint?: string;
      /** The title of a blank row, e.g. "新增限制(不用则不选种类)". */
      newTitle?: string;
      rows: FormRow[];
    };

export interface FormSection {
  id: string;
  title: string;
  items: FormItem[];
}
