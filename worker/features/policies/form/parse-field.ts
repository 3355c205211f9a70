/**
 * One field of the programme form both ways: the rule's value as the field shows it, and the
 * typed text read back as the rule's value, or a Chinese sentence for the field.
 */
import type { FormField } from "../../../../web/pages/policy/programme-form-view";
import { parseDateText, parseNumberText, parsePercentText, parseWan, wanText, type Parsed } from "./form-text";

export type FormInput = Record<string, string | string[]>;
export type FieldErrors = Record<string, string>;

/** Longest text kept from a field: an excerpt of a clause is the longest thing typed here. */
const MAX_TEXT = 5000;

export const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v.at(-1) ?? "") : (v ?? ""));

const isBooleanSelect = (f: FormField) =>
  f.kind === "select" && f.options?.length === 2 && f.options.every((o) => o.value === "true" || o.value === "false");

export function showValue(f: FormField, v: unknown): string | string[] {
  if (f.kind === "checks") return Array.isArray(v) ? v.map(String) : [];
  if (v === undefined || v === null) return f.kind === "select" && isBooleanSelect(f) ? "true" : "";
  if (f.kind === "money") return wanText(v as number);
  if (f.kind === "upTo") return v === true ? "true" : "";
  return String(v);
}

/** One field's text as the format's value; `undefined` removes an optional value left empty. */
export function parseField(f: FormField, raw: string | string[] | undefined, before: unknown): Parsed<unknown> {
  if (f.kind === "checks") {
    const picked = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((v) => f.options?.some((o) => o.value === v));
    return picked.length ? { ok: true, value: picked } : { ok: false, message: "请至少选择一项。" };
  }
  const text = one(raw).replace(/\r\n?/g, "\n");
  if (text.length > MAX_TEXT) return { ok: false, message: `内容过长,最多 ${MAX_TEXT} 字。` };
  if (f.kind === "upTo") return { ok: true, value: text === "true" ? true : before === false ? false : undefined };
  if (text.trim() === "") {
    if (f.optional) return { ok: true, value: undefined };
    if (f.kind === "select") return { ok: false, message: "请从列表中选择。" };
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
