/**
 * The lists the programme form draws as rows, read back from a posted form: a row whose 删除 is
 * ticked is left out, a blank new row is ignored, and each kept row's fields are read by their key
 * (the last part of the name). What a kept row becomes in the rule is each list's own business
 * (its `RowSpec`); a list that is an array of the programme reports which drawn row each kept one
 * came from, so a schema problem lands on the field that was typed.
 */
import type { Programme } from "../../../engines/policy/format/programme";
import type { FormField, FormItem, FormRow } from "../../../../web/pages/policy/programme-form-view";
import type { FormContext } from "./form-items";
import { one, parseField, type FieldErrors, type FormInput } from "./parse-field";

export type RowsItem = Extract<FormItem, { type: "rows" }>;

export interface PostedRow {
  row: FormRow;
  /** The field name of `key` in this row. */
  name(key: string): string;
  /** What was typed in field `key`, trimmed. */
  text(key: string): string;
  /**
   * Field `key` as the rule's value: undefined when left empty and the field (or `required:
   * false`) allows it; a message by the field otherwise.
   */
  read(key: string, opts?: { required?: boolean; before?: unknown }): unknown;
  /** A message next to field `key`. */
  refuse(key: string, message: string): void;
}

export interface RowsApply {
  original: Programme;
  target: Record<string, unknown>;
  item: RowsItem;
  kept: PostedRow[];
  removed: FormRow[];
  ctx: FormContext;
  errors: FieldErrors;
}

export interface RowSpec {
  /** A new row left like this is ignored. */
  isBlank(r: PostedRow): boolean;
  /** Writes the kept rows into the target; an array list says where each kept row came from. */
  apply(a: RowsApply): { path: string; origin: number[] } | undefined;
}

export const rowFields = (row: FormRow): FormField[] =>
  row.items.flatMap((it) => (it.type === "field" ? [it.field] : []));

/** Sets `key`, or deletes it when the value is undefined (an optional part left empty). */
export function put(item: Record<string, unknown>, key: string, value: unknown) {
  if (value === undefined) delete item[key];
  else item[key] = value;
}

/** `put` at a dotted path inside `item` ("test.of.1.word"); the path exists in the row's own rule. */
export function putAt(item: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  const holder = keys.slice(0, -1).reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, item);
  put(holder, keys.at(-1)!, value);
}

export const removeName = (list: string, index: number) => `remove.${list}.${index}`;

function postedRow(list: string, row: FormRow, input: FormInput, errors: FieldErrors): PostedRow {
  const name = (key: string) => `${list}.${row.index}.${key}`;
  const fields = new Map(rowFields(row).map((f) => [f.name, f]));
  return {
    row,
    name,
    text: (key) => one(input[name(key)]).trim(),
    read(key, opts) {
      const f = fields.get(name(key));
      if (!f) return undefined;
      const optional = opts?.required === undefined ? !!f.optional : !opts.required;
      const r = parseField({ ...f, optional }, input[f.name], opts?.before);
      if (r.ok) return r.value;
      errors[f.name] ??= r.message;
      return undefined;
    },
    refuse(key, message) {
      errors[name(key)] ??= message;
    },
  };
}

/** Reads one rows item of the form into `target` with its spec; returns the origin of an array list. */
export function applyRows(
  spec: RowSpec,
  a: Omit<RowsApply, "kept" | "removed">,
  input: FormInput,
): { path: string; origin: number[] } | undefined {
  const kept: PostedRow[] = [];
  const removed: FormRow[] = [];
  for (const row of a.item.rows) {
    if (!row.isNew && row.keep === undefined && one(input[removeName(a.item.list, row.index)]) !== "") {
      removed.push(row);
      continue;
    }
    const r = postedRow(a.item.list, row, input, a.errors);
    if (row.isNew && spec.isBlank(r)) continue;
    kept.push(r);
  }
  return spec.apply({ ...a, kept, removed });
}

/** The first free id of the form `${prefix}-N` (materials, options, conditions). */
export function freshId(prefix: string, taken: Set<string>): string {
  for (let n = taken.size + 1; ; n++) if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** Blank rows offered under each list. */
export const NEW_ROWS = 2;

/** Materials and windows: plain arrays of the programme, a row per element. */
export const materialRows: RowSpec = {
  isBlank: (r) => r.text("zh") === "",
  apply({ original, target, kept }) {
    const taken = new Set(original.materials.map((m) => m.id));
    target.materials = kept.map((r) => {
      const item: Record<string, unknown> = r.row.isNew
        ? { id: freshId("material", taken) }
        : structuredClone(original.materials[r.row.index]!);
      taken.add(item.id as string);
      put(item, "zh", r.read("zh", { required: true }));
      put(item, "required", r.read("required", { required: true }));
      return item;
    });
    return { path: "materials", origin: kept.map((r) => r.row.index) };
  },
};

export const windowRows: RowSpec = {
  isBlank: (r) => r.text("from") === "" && r.text("to") === "",
  apply({ original, target, kept }) {
    target.windows = kept.map((r) => {
      const item: Record<string, unknown> = r.row.isNew ? {} : structuredClone(original.windows[r.row.index]!);
      put(item, "from", r.read("from", { required: true }));
      put(item, "to", r.read("to", { required: true }));
      if (typeof item.from === "string" && typeof item.to === "string" && item.to < item.from)
        r.refuse("to", "截止日期不能早于开始日期。");
      return item;
    });
    return { path: "windows", origin: kept.map((r) => r.row.index) };
  },
};
