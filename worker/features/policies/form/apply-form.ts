/**
 * The programme form both ways: a programme's values as the form shows them, and a posted form
 * turned back into the rule format. The posted values are written over a copy of the programme
 * the form was drawn from, at the paths the form model names, so every part the form does not
 * show is kept exactly; the result is validated with the format's own schema and each problem is
 * put next to its field in Chinese.
 */
import type { z } from "zod";
import { programmeSchema, type Programme } from "../../../engines/policy/format/programme";
import { parseDateText, parseNumberText, parsePercentText, parseWan, wanText, type Parsed } from "./form-text";
import { allFields, programmeForm, type FormContext, type FormField, type RowList } from "./form-model";

export type FormInput = Record<string, string | string[]>;
export type FieldErrors = Record<string, string>;

export type AppliedForm = { ok: true; programme: Programme } | { ok: false; errors: FieldErrors; message: string };

/** Longest text kept from a field: an excerpt of a clause is the longest thing typed here. */
const MAX_TEXT = 5000;
const ROW_LISTS: RowList[] = ["materials", "windows"];

type Node = Record<string, unknown> | unknown[];

function getAt(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function setAt(root: Node, path: string, value: unknown) {
  const keys = path.split(".");
  let node = root as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

const isBooleanSelect = (f: FormField) =>
  f.kind === "select" && f.options?.length === 2 && f.options.every((o) => o.value === "true" || o.value === "false");

function showValue(f: FormField, v: unknown): string | string[] {
  if (f.kind === "checks") return Array.isArray(v) ? v.map(String) : [];
  if (v === undefined || v === null) return f.kind === "select" && isBooleanSelect(f) ? "true" : "";
  if (f.kind === "money") return wanText(v as number);
  if (f.kind === "upTo") return v === true ? "true" : "";
  return String(v);
}

/** The programme's values by field name, as the form is first drawn. */
export function formValuesOf(p: Programme, ctx: FormContext): FormInput {
  const values: FormInput = {};
  for (const f of allFields(programmeForm(p, ctx))) values[f.name] = showValue(f, getAt(p, f.name));
  return values;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v.at(-1) ?? "") : (v ?? ""));

/** One field's text as the format's value; `undefined` removes an optional value left empty. */
function parseField(f: FormField, raw: string | string[] | undefined, before: unknown): Parsed<unknown> {
  if (f.kind === "checks") {
    const picked = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((v) => f.options?.some((o) => o.value === v));
    return picked.length ? { ok: true, value: picked } : { ok: false, message: "请至少选择一项。" };
  }
  const text = one(raw).replace(/\r\n?/g, "\n");
  if (text.length > MAX_TEXT) return { ok: false, message: `内容过长,最多 ${MAX_TEXT} 字。` };
  if (f.kind === "upTo") return { ok: true, value: text === "true" ? true : before === false ? false : undefined };
  if (text.trim() === "") {
    if (f.optional) return { ok: true, value: undefined };
    return { ok: false, message: f.kind === "money" ? "请填写金额,如 300 或 300万。" : "请填写这一项。" };
  }
  switch (f.kind) {
    case "money":
      return parseWan(text);
    case "integer":
      return parseNumberText(text, { integer: true, min: 0 });
    case "number":
      return parseNumberText(text, { integer: false });
    case "percent":
      return parsePercentText(text);
    case "date":
      return parseDateText(text);
    case "select":
      if (!f.options?.some((o) => o.value === text)) return { ok: false, message: "请从列表中选择。" };
      return { ok: true, value: isBooleanSelect(f) ? text === "true" : text };
    default:
      return { ok: true, value: text.trim() };
  }
}

/** A schema problem in words a clerk can act on. */
function zhIssue(issue: z.core.$ZodIssue): string {
  const m = issue.message;
  if (m.startsWith("clause:")) return "条款号只能由数字和点组成,如 14 或 4.3.2。";
  if (m.startsWith("programme id:")) return "项目编号须以小写字母开头,只用小写字母、数字和连字符,3 至 63 个字符。";
  if (m.startsWith("review: minFen")) return "最低金额不能高于最高金额。";
  if (issue.code === "too_small") return issue.origin === "string" ? "请填写这一项。" : `不能小于 ${issue.minimum}。`;
  if (issue.code === "too_big") return "数值过大,请检查。";
  return `这一项不符合政策数据格式(${m})。`;
}

/** The field a schema problem at `path` belongs to: the field itself, or the first one inside it. */
function fieldFor(names: string[], path: string): string | undefined {
  return (
    names.find((n) => n === path) ??
    names.filter((n) => path.startsWith(`${n}.`)).sort((a, b) => b.length - a.length)[0] ??
    names.find((n) => n.startsWith(`${path}.`))
  );
}

function freshMaterialId(taken: Set<string>): string {
  for (let n = taken.size + 1; ; n++) if (!taken.has(`material-${n}`)) return `material-${n}`;
}

/**
 * `input` (a posted form) over `original` (the programme the form was drawn from): the new
 * programme, or the errors by field name.
 */
export function applyProgrammeForm(original: Programme, input: FormInput, ctx: FormContext): AppliedForm {
  const sections = programmeForm(original, ctx);
  const target = structuredClone(original) as unknown as Record<string, unknown>;
  const errors: FieldErrors = {};
  const rowField = (name: string) => ROW_LISTS.some((l) => name.startsWith(`${l}.`));

  for (const f of allFields(sections)) {
    if (rowField(f.name)) continue;
    const r = parseField(f, input[f.name], getAt(original, f.name));
    if (r.ok) setAt(target, f.name, r.value);
    else errors[f.name] = r.message;
  }

  // Rows: kept in order, removed ones left out, blank new ones ignored; `origin` maps each kept
  // row back to its row in the form so a schema problem lands on the field typed.
  const origin: Record<RowList, number[]> = { materials: [], windows: [] };
  for (const s of sections)
    for (const it of s.items) {
      if (it.type !== "rows") continue;
      const before = original[it.list] as unknown[];
      const kept: Record<string, unknown>[] = [];
      const taken = new Set(original.materials.map((m) => m.id));
      for (const row of it.rows) {
        if (one(input[`remove.${it.list}.${row.index}`]) !== "") continue;
        const typed = row.fields.filter((f) => f.kind !== "select").map((f) => one(input[f.name]).trim());
        if (row.isNew && typed.every((t) => t === "")) continue;
        const item = row.isNew
          ? it.list === "materials"
            ? { id: freshMaterialId(taken) }
            : {}
          : (structuredClone(before[row.index]) as Record<string, unknown>);
        if (typeof item.id === "string") taken.add(item.id);
        for (const f of row.fields) {
          const r = parseField({ ...f, optional: false }, input[f.name], undefined);
          if (r.ok) item[f.name.split(".").at(-1)!] = r.value;
          else errors[f.name] = r.message;
        }
        if (
          it.list === "windows" &&
          typeof item.from === "string" &&
          typeof item.to === "string" &&
          item.to < item.from
        )
          errors[`windows.${row.index}.to`] = "截止日期不能早于开始日期。";
        kept.push(item);
        origin[it.list].push(row.index);
      }
      target[it.list] = kept;
    }

  if (Object.keys(errors).length) return { ok: false, errors, message: "请按提示修改标出的项目后再提交。" };

  const parsed = programmeSchema.safeParse(target);
  if (parsed.success) return { ok: true, programme: parsed.data };
  const names = allFields(sections).map((f) => f.name);
  const other: string[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String);
    const list = path[0] as RowList;
    if (ROW_LISTS.includes(list) && path[1] !== undefined) path[1] = String(origin[list][Number(path[1])] ?? path[1]);
    const name = fieldFor(names, path.join("."));
    if (name) errors[name] ??= zhIssue(issue);
    else other.push(zhIssue(issue));
  }
  return { ok: false, errors, message: ["请按提示修改标出的项目后再提交。", ...other].join(" ") };
}
