/**
 * Facts as a caller sends them, checked against the programme's declarations.
 * A missing fact is not an error here (the result is then "unknown" and says
 * what to provide); a fact of the wrong type or out of range is, named by its
 * name, so the API can answer 400 with something a person can fix.
 */
import { isCalendarDate } from "../../lib/calendar";
import { MAX_FEN } from "../../lib/money";
import type { Fact } from "./format/facts";
import type { Programme } from "./format/programme";
import { formatMoney, type MoneyFormat } from "../../lib/money";
import { formatPercent } from "./money";

export type FactValue = number | boolean | string;
export type Facts = Readonly<Record<string, FactValue>>;

export type ParsedFacts = { ok: true; facts: Facts } | { ok: false; errors: Record<string, string> };

export function parseFacts(programme: Programme, raw: unknown): ParsedFacts {
  if (raw === undefined || raw === null) return { ok: true, facts: {} };
  if (typeof raw !== "object" || Array.isArray(raw))
    return { ok: false, errors: { facts: 'facts 应是一个对象,如 {"revenueFen": 25000000000}。' } };
  const errors: Record<string, string> = {};
  const facts: Record<string, FactValue> = {};
  const declared = new Map(programme.facts.map((f) => [f.name, f]));
  for (const [name, value] of Object.entries(raw)) {
    const fact = declared.get(name);
    if (!fact) {
      const known = programme.facts.map((f) => f.name).join(", ") || "无";
      errors[name] = `该项目没有名为 ${name} 的事实;可填写:${known}。`;
      continue;
    }
    if (value === null || value === undefined) continue;
    const problem = checkFact(fact, value);
    if (problem) errors[name] = `${fact.label.zh}(${name}):${problem}`;
    else facts[name] = value as FactValue;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, facts };
}

function checkFact(fact: Fact, value: unknown): string | null {
  switch (fact.type) {
    case "money":
      if (typeof value !== "number" || !Number.isInteger(value))
        return "应是以分为单位的整数金额,如 100 万元写作 100000000。";
      if (value < 0) return "金额不能为负数。";
      if (value > MAX_FEN) return "金额过大。";
      return range(fact, value, (n) => formatMoney(n));
    case "count":
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
        return `应是不小于 0 的整数${fact.unit ? `(${fact.unit})` : ""}。`;
      if (value > 1e9) return "数量过大。";
      return range(fact, value, (n) => `${n}${fact.unit ?? ""}`);
    case "percent":
      if (
        typeof value !== "number" ||
        !Number.isFinite(value) ||
        Math.abs(Math.round(value * 100) - value * 100) > 1e-9
      )
        return "应是最多两位小数的百分数,如 3.25 表示 3.25%。";
      if (Math.abs(value) > 1000) return "百分数超出范围。";
      // Shown as the fact is (a margin in 个百分点 keeps its unit), not always as "%".
      return range(fact, value, (n) => showFact(fact, n));
    case "boolean":
      return typeof value === "boolean" ? null : "应是 true 或 false。";
    case "choice": {
      const options = fact.options ?? [];
      return typeof value === "string" && options.some((o) => o.value === value)
        ? null
        : `应是以下之一:${options.map((o) => `${o.value}(${o.zh})`).join("、")}。`;
    }
    case "text":
      return typeof value === "string" && value.trim().length > 0 && value.length <= 100
        ? null
        : "应是 1—100 个字符的文字。";
    case "date":
      return typeof value === "string" && isCalendarDate(value) ? null : "应是日期,写作 YYYY-MM-DD,如 2024-07-01。";
  }
}

function range(fact: Fact, value: number, show: (n: number) => string): string | null {
  if (fact.min !== undefined && value < fact.min) return `不能小于 ${show(fact.min)}。`;
  if (fact.max !== undefined && value > fact.max) return `不能大于 ${show(fact.max)}。`;
  return null;
}

/**
 * A fact's value as a sentence shows it: money by the one rule (`money` sets its unit), choices by their Chinese name.
 */
export function showFact(fact: Fact | undefined, value: FactValue, money?: MoneyFormat): string {
  if (!fact) return String(value);
  switch (fact.type) {
    case "money":
      return formatMoney(value as number, money);
    case "count":
      return `${value}${fact.unit ?? ""}`;
    // A percent fact may be counted in 个百分点 (a margin), which its unit says.
    case "percent":
      return fact.unit ? `${Number((value as number).toFixed(2))}${fact.unit}` : formatPercent(value as number);
    case "boolean":
      return value ? "是" : "否";
    case "choice":
      return fact.options?.find((o) => o.value === value)?.zh ?? String(value);
    case "text":
    case "date":
      return String(value);
  }
}
