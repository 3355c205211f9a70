/**
 * The programme form both ways: a programme's values as the form shows them, and a posted form
 * turned back into the rule format. The posted values are written over a copy of the programme
 * the form was drawn from, at the paths the form model names, so every part the form does not
 * show is kept exactly; lists drawn as rows are rebuilt by their own specs (./form-rows.ts); the
 * result is validated with the format's own schema and each problem is put next to its field in
 * Chinese.
 */
import type { z } from "zod";
import { programmeSchema, type Programme } from "../../../engines/policy/format/programme";
import type { RowKind } from "../../../../web/pages/policy/programme-form-view";
import { choiceRows } from "./form-choice-rows";
import { componentRows } from "./form-component-rows";
import { conditionRows } from "./form-condition-rows";
import { limitRows } from "./form-limit-rows";
import { allFields, programmeForm, type FormContext } from "./form-model";
import { applyRows, materialRows, removeName, type RowSpec, type RowsItem, windowRows } from "./form-rows";
import { one, parseField, showValue, type FieldErrors, type FormInput } from "./parse-field";

export type { FieldErrors, FormInput };

export type AppliedForm = { ok: true; programme: Programme } | { ok: false; errors: FieldErrors; message: string };

const ROW_SPECS: Partial<Record<RowKind, RowSpec>> = {
  materials: materialRows,
  windows: windowRows,
  choices: choiceRows,
  limits: limitRows,
  conditions: conditionRows,
  components: componentRows,
};

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

/** The programme's values by field name, as the form is first drawn. */
export function formValuesOf(p: Programme, ctx: FormContext): FormInput {
  const values: FormInput = {};
  for (const f of allFields(programmeForm(p, ctx))) values[f.name] = showValue(f, getAt(p, f.from ?? f.name));
  return values;
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

/**
 * `input` (a posted form) over `original` (the programme the form was drawn from): the new
 * programme, or the errors by field name.
 */
export function applyProgrammeForm(original: Programme, input: FormInput, ctx: FormContext): AppliedForm {
  const sections = programmeForm(original, ctx);
  const target = structuredClone(original) as unknown as Record<string, unknown>;
  const errors: FieldErrors = {};
  const items = sections.flatMap((s) => s.items);

  for (const it of items) {
    if (it.type !== "field") continue;
    const f = it.field;
    const r = parseField(f, input[f.name], getAt(original, f.name));
    if (r.ok) setAt(target, f.name, r.value);
    else errors[f.name] = r.message;
  }

  // Rows inside a row (a part's tiers) before the list they sit in, which starts from what they
  // wrote; those of a removed row are not read.
  const lists = items.filter((it): it is RowsItem => it.type === "rows");
  const inner = lists.flatMap((list) =>
    list.rows
      .filter((row) => row.isNew || row.keep !== undefined || one(input[removeName(list.list, row.index)]) === "")
      .flatMap((row) => row.items.filter((x): x is RowsItem => x.type === "rows")),
  );
  const origins: { path: string; origin: number[] }[] = [];
  for (const it of [...inner, ...lists]) {
    const spec = ROW_SPECS[it.kind];
    if (!spec) continue;
    const o = applyRows(spec, { original, target, item: it, ctx, errors }, input);
    if (o) origins.push(o);
  }

  if (Object.keys(errors).length) return { ok: false, errors, message: "请按提示修改标出的项目后再提交。" };

  const parsed = programmeSchema.safeParse(target);
  if (parsed.success) return { ok: true, programme: parsed.data };
  const names = allFields(sections).map((f) => f.name);
  const other: string[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String);
    const list = origins.find((o) => path[0] === o.path);
    if (list && path[1] !== undefined) path[1] = String(list.origin[Number(path[1])] ?? path[1]);
    const name = fieldFor(names, path.join("."));
    if (name) errors[name] ??= zhIssue(issue);
    else other.push(zhIssue(issue));
  }
  return { ok: false, errors, message: ["请按提示修改标出的项目后再提交。", ...other].join(" ") };
}
