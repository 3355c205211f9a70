/**
 * 政策计算器's form, both ways: what a person types (money in 元, percentages,
 * counts, 是/否/未填, options) to the engine's facts (money in integer fen), and
 * facts back to form values (a prefilled link from 政策匹配, a re-rendered form).
 *
 * The form is sent by GET so a result can be linked. Field names are the fact
 * names, except that money facts drop their "Fen" suffix because the form takes
 * 元 (revenueFen → ?revenue=300000000). An empty field is a fact left out: the
 * result then says what to provide, which is more useful than a refusal.
 */
import type { Facts, FactValue } from "../../engines/policy/facts";
import { MAX_FEN } from "../../lib/money";
import { formatPercent } from "../../engines/policy/money";
import { fenToPlainYuan, formatMoney } from "../../lib/money";
import { normaliseNumberText, parseAmount, parsePercent } from "../../lib/amount-input";
import { isCalendarDate } from "../../lib/calendar";
import { fieldName, SUBMITTED, type CalcFact } from "../../../web/pages/policy/calculator-fields";

export type FormValues = Record<string, string>;

type ParsedCalculator =
  | { ok: true; facts: Facts; values: FormValues; echo: Record<string, string> }
  | { ok: false; errors: Record<string, string>; values: FormValues };

/**
 * Money as people type it, through the one parser (worker/lib/amount-input.ts):
 * 元 by default, and "30000万", "1.5亿", "8千万" too, since policies speak in
 * 万元 and 亿元; counted exactly (no floats), up to the engine's MAX_FEN.
 */
function parseMoney(text: string): { ok: true; fen: number } | { ok: false; message: string } {
  return parseAmount(text, { unit: "元", maxFen: MAX_FEN });
}

const BOOLEAN: Record<string, boolean> = { yes: true, no: false };
const COUNT = /^\d{1,10}$/;

/** One field's text → the fact's value, or the sentence to show under the field. */
function parseOne(fact: CalcFact, text: string): { value: FactValue } | { error: string } {
  switch (fact.type) {
    case "money": {
      const r = parseMoney(text);
      return r.ok ? inRange(fact, r.fen, (n) => formatMoney(n)) : { error: r.message };
    }
    case "count": {
      const s = normaliseNumberText(text).replace(/,/g, "");
      if (!COUNT.test(s) || Number(s) > 1e9)
        return { error: `请填写不小于 0 的整数${fact.unit ? `(单位:${fact.unit})` : ""}。` };
      return inRange(fact, Number(s), (n) => `${n}${fact.unit ?? ""}`);
    }
    case "percent": {
      // A growth rate or a margin may be below zero unless the fact says otherwise (e.g. 低于高新区增幅时填负数).
      const r = parsePercent(text, { allowNegative: fact.min === null || fact.min < 0 });
      return r.ok ? inRange(fact, r.percent, formatPercent) : { error: r.message };
    }
    case "boolean":
      return text in BOOLEAN ? { value: BOOLEAN[text]! } : { error: "请选择“是”“否”或“未填”。" };
    case "choice":
      return fact.options?.some((o) => o.value === text)
        ? { value: text }
        : { error: `请从列表中选择:${(fact.options ?? []).map((o) => o.label).join("、")}。` };
    case "text": {
      const s = text.trim();
      return s.length <= 100 ? { value: s } : { error: "最多 100 个字。" };
    }
    case "date": {
      const s = text.trim();
      return isCalendarDate(s) ? { value: s } : { error: "请填写日期,如 2024-07-01。" };
    }
  }
}

function inRange(fact: CalcFact, n: number, show: (n: number) => string): { value: number } | { error: string } {
  if (fact.min !== null && n < fact.min) return { error: `不能小于 ${show(fact.min)}。` };
  if (fact.max !== null && n > fact.max) return { error: `不能大于 ${show(fact.max)}。` };
  return { value: n };
}

/**
 * A submitted form (query or body fields) to facts. Every field is checked and
 * every problem reported at once, keyed by field name; `values` is what was typed,
 * to put back into the form. `echo` restates money as the policies write it
 * ("即 30,000万元"), so a slip of a digit shows before anyone relies on the result.
 */
export function formToFacts(
  facts: readonly CalcFact[],
  raw: Readonly<Record<string, string | undefined>>,
): ParsedCalculator {
  const values: FormValues = {};
  const errors: Record<string, string> = {};
  const echo: Record<string, string> = {};
  const out: Record<string, FactValue> = {};
  for (const fact of facts) {
    const field = fieldName(fact, facts);
    const text = (raw[field] ?? "").slice(0, 200);
    values[field] = text;
    if (text.trim() === "") continue;
    const r = parseOne(fact, text);
    if ("error" in r) errors[field] = r.error;
    else {
      out[fact.name] = r.value;
      if (fact.type === "money") echo[field] = `即 ${formatMoney(r.value as number)}`;
    }
  }
  return Object.keys(errors).length ? { ok: false, errors, values } : { ok: true, facts: out, values, echo };
}

/** Facts (e.g. prefilled from an enterprise's figures) as the form shows them: 元 for money, yes/no for booleans. */
export function factsToForm(facts: readonly CalcFact[], values: Facts): FormValues {
  const out: FormValues = {};
  for (const fact of facts) {
    const v = values[fact.name];
    if (v === undefined) continue;
    const field = fieldName(fact, facts);
    if (fact.type === "money" && typeof v === "number") out[field] = fenToPlainYuan(v).replace(/\.00$/, "");
    else if (fact.type === "boolean") out[field] = v ? "yes" : "no";
    else out[field] = String(v);
  }
  return out;
}

/** Whether the request is a calculator submission (or a prefilled link), not just a visit to the page. */
export function wasSubmitted(facts: readonly CalcFact[], raw: Readonly<Record<string, string | undefined>>): boolean {
  return raw[SUBMITTED] !== undefined || facts.some((f) => raw[fieldName(f, facts)] !== undefined);
}
