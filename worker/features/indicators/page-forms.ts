/**
 * 指标与目标's forms as the services' input: numbers as typed (full-width digits, thousands
 * commas) to numbers, target rows to a list, and zod's issues to the field names the page shows
 * ("targets.1.value"), so a refusal redraws the form with the message beside the right box.
 */
import type { z } from "@hono/zod-openapi";
import type { FormErrors, FormValues } from "../../../web/components/form";
import { shanghaiDate } from "../../lib/calendar";
import { AppError } from "../../lib/errors";
import type { IndicatorView } from "./list-indicators";
import { IndicatorCreateBody, IndicatorPatchBody, IndicatorValueBody, MAX_TARGETS, Year } from "./schemas";

const FULL_WIDTH = /[０-９．－，]/g;

/** A number as typed, or the text itself so the schema says what is wrong with it. */
export function typedNumber(s: string | undefined): number | string | null {
  const t = (s ?? "")
    .trim()
    .replace(FULL_WIDTH, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replaceAll(",", "");
  if (t === "") return null;
  return /^-?\d{1,13}(\.\d{1,6})?$/.test(t) ? Number(t) : t;
}

const NOT_A_NUMBER = "请填写数字,例如 2.68 或 220";

function issuesToFields(issues: z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path.length ? i.path.map(String).join(".") : "_";
    const message = i.code === "invalid_type" ? (i.expected === "number" ? NOT_A_NUMBER : "请填写这一项") : i.message;
    fields[key] ??= message;
  }
  return fields;
}

function refuse(fields: Record<string, string>, message = "请按提示修改后再保存。"): never {
  throw new AppError("validation_failed", message, fields);
}

/** The actual's form: year, value, note. */
export function valueFromForm(raw: FormValues) {
  const year = Year.safeParse(raw.year ?? "");
  const parsed = IndicatorValueBody.safeParse({ value: typedNumber(raw.value), note: raw.note ?? "" });
  const fields = parsed.success ? {} : issuesToFields(parsed.error.issues);
  if (!year.success) fields.year = year.error.issues[0]!.message;
  if (!parsed.success || !year.success) refuse(fields);
  return { year: year.data, ...parsed.data };
}

function definitionObject(raw: FormValues) {
  const targets = [];
  for (let i = 0; i < MAX_TARGETS + 4; i++) {
    const y = raw[`targets.${i}.year`]?.trim() ?? "";
    const v = raw[`targets.${i}.value`]?.trim() ?? "";
    if (y || v)
      targets.push({ year: y === "" ? undefined : Number(typedNumber(y)), value: typedNumber(v) ?? undefined });
  }
  const order = typedNumber(raw.sortOrder);
  return {
    name: raw.name ?? "",
    unit: raw.unit ?? "",
    direction: raw.direction ?? "",
    baselineYear: raw.baselineYear ?? "",
    baselineValue: typedNumber(raw.baselineValue),
    targets,
    source: raw.source ?? "",
    sourceNote: raw.sourceNote ?? "",
    sortOrder: order === null ? 0 : order,
    active: raw.active === "on",
  };
}

export function createFromForm(raw: FormValues) {
  const parsed = IndicatorCreateBody.safeParse({ code: (raw.code ?? "").trim(), ...definitionObject(raw) });
  if (!parsed.success) refuse(issuesToFields(parsed.error.issues));
  return parsed.data;
}

export function patchFromForm(raw: FormValues) {
  const parsed = IndicatorPatchBody.required().safeParse(definitionObject(raw));
  if (!parsed.success) refuse(issuesToFields(parsed.error.issues));
  return parsed.data;
}

/** A service's refusal as the form's errors (a targets row's message under the list). */
export function asFormErrors(e: AppError): FormErrors {
  return e.fields ? { message: e.message, fields: e.fields } : { message: e.message };
}

/** An indicator's definition as the form's values. */
export function definitionValues(i: IndicatorView): FormValues {
  const v: FormValues = {
    name: i.name,
    unit: i.unit,
    direction: i.direction,
    baselineYear: String(i.baseline.year),
    baselineValue: i.baseline.value === null ? "" : String(i.baseline.value),
    source: i.source,
    sourceNote: i.sourceNote,
    sortOrder: String(i.sortOrder),
    active: i.active ? "on" : "",
  };
  i.targets.forEach((t, n) => {
    v[`targets.${n}.year`] = String(t.year);
    v[`targets.${n}.value`] = String(t.value);
  });
  return v;
}

/** The 新增指标 form's starting values: last year as the baseline, entered by staff, in use. */
export function newDefinition(now: Date): FormValues {
  return {
    direction: "higher",
    baselineYear: String(Number(shanghaiDate(now).slice(0, 4)) - 1),
    source: "entered",
    sortOrder: "100",
    active: "on",
  };
}
