/**
 * What a new policy version changes, said in Chinese for the zone admin: each changed
 * field by its Chinese name (./field-names.ts) with both values as people read them —
 * money in 元/万元, thresholds with their words, percentages, 是/否 —
 * e.g. "「技术合同登记奖励」的限额「…」的限额金额由 100万元 改为 120万元". Pure.
 */
import { moneyFormatter } from "../../lib/money";
import { describeComponent } from "./describe";
import type { FieldChange, ItemChange, PolicyDiff } from "./diff";
import { showFact } from "./facts";
import { locateField, type FieldLocation, type Kind } from "./field-names";
import type { Component } from "./format/amounts";
import { THRESHOLD, type ThresholdWord } from "./format/conditions";
import type { Fact } from "./format/facts";
import type { PolicySet } from "./format/policy-set";
import { APPLICANT_KINDS, CATEGORIES } from "./format/programme";

const KINDS: Record<string, string> = {
  fixed: "定额",
  byChoice: "按选项定额",
  percent: "按比例",
  perUnit: "按数量",
  when: "分情况",
  review: "评审确定区间",
  caseByCase: "一事一议",
  inKind: "非资金支持",
  perEnterprisePerYear: "单个企业年度限额",
  perProject: "单个项目限额",
  once: "限享受一次",
  maxYears: "最多支持年数",
  exclusive: "就高不就低",
  compare: "与门槛比较",
  between: "在区间内",
  ratio: "比例达到门槛",
  equals: "等于",
  oneOf: "为其中之一",
  qualification: "持有资质",
  industry: "属于产业",
  all: "同时满足",
  any: "满足其一",
};
const FACT_TYPES: Record<string, string> = {
  money: "金额",
  count: "数量",
  boolean: "是/否",
  choice: "选项",
  percent: "百分比",
  text: "文字",
  date: "日期",
};
const COMPONENT_KINDS = new Set([
  "fixed",
  "byChoice",
  "percent",
  "perUnit",
  "when",
  "review",
  "caseByCase",
  "inKind",
  "interest",
]);
const SUFFIX_WORDS = new Set(["以上", "以下", "以内"]);
const PER: Record<string, string> = { year: "同一年度", ever: "不限年度" };

const MAX_TEXT = 80;
const quote = (s: string) => `“${s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s}”`;

interface Show {
  facts: readonly Fact[];
  money: (fen: number) => string;
}

/** A value the rule format holds, as a sentence shows it, given where it sits. */
function showValue(loc: FieldLocation, key: string, v: unknown, s: Show): string {
  if (v === undefined || v === null) return "(无)";
  if (typeof v === "boolean") return v ? "是" : "否";
  const h = loc.holder ?? {};
  const fact = typeof h.fact === "string" ? s.facts.find((f) => f.name === h.fact) : undefined;
  if (typeof v === "number") {
    if (/Fen$/.test(key) || (key === "fen" && loc.kind !== "fact")) return s.money(v);
    if (loc.kind === "test" && (key === "value" || key === "from" || key === "to")) {
      const shown = fact ? showFact(fact, v) : String(v);
      if (key !== "value" || typeof h.word !== "string") return shown;
      // 以上/以下/以内 follow the number ("2亿元以上"); the others lead it ("超过2亿元").
      return SUFFIX_WORDS.has(h.word) ? `${shown}${h.word}` : `${h.word}${shown}`;
    }
    if (key === "percent" || key === "share" || loc.node?.name === "各选项比例") return `${v}%`;
    if (loc.node?.name === "各选项金额") return s.money(v);
    return String(v);
  }
  if (typeof v === "string") {
    if (key === "kind" || key === "test") return KINDS[v] ?? v;
    if (key === "word" && v in THRESHOLD)
      return `“${v}”(${THRESHOLD[v as ThresholdWord].inclusive ? "含本数" : "不含本数"})`;
    if (key === "type" && loc.kind === "fact") return FACT_TYPES[v] ?? v;
    if (key === "category") return CATEGORIES[v as keyof typeof CATEGORIES] ?? v;
    if (key === "per" && loc.kind === "limit") return PER[v] ?? v;
    return /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : quote(v);
  }
  if (Array.isArray(v)) {
    if (key === "kinds") return v.map((x) => APPLICANT_KINDS[x as keyof typeof APPLICANT_KINDS] ?? x).join("、");
    return v.length ? v.map((x) => showValue({ ...loc, node: null }, "", x, s)).join("、") : "(无)";
  }
  return describeObject(v as Record<string, unknown>, s);
}

/** An added or removed object in a few words: a component by the rule it states, else its label. */
function describeObject(o: Record<string, unknown>, s: Show): string {
  // Limits have a kind and a label too: only components are described by their rule.
  if (typeof o.kind === "string" && COMPONENT_KINDS.has(o.kind))
    return describeComponent(o as unknown as Component, (f) => s.facts.find((x) => x.name === f)?.unit ?? "件");
  if ("from" in o && "to" in o && typeof o.from === "string") return `${o.from}至${o.to}`;
  const label = o.label && typeof o.label === "object" ? (o.label as { zh?: string }).zh : o.label;
  const name = typeof label === "string" ? label : typeof o.zh === "string" ? o.zh : null;
  if (name) return quote(name);
  const json = JSON.stringify(o);
  return json.length > MAX_TEXT ? `${json.slice(0, MAX_TEXT)}…` : json;
}

const valueAt = (root: unknown, path: readonly string[]) =>
  path.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), root);

/**
 * One sentence for one changed field of an item (a programme, a document, or the set itself),
 * said of `subject` (the item's title; none for the set's own fields).
 */
export function describeFieldChange(
  kind: Kind,
  f: FieldChange,
  sides: { before: unknown; after: unknown; subject?: string; facts?: readonly Fact[] },
): string {
  const path = f.path === "" ? [] : f.path.split(".");
  const added = !("before" in f);
  const removed = !("after" in f);
  const loc = locateField(kind, path, removed ? sides.before : sides.after);
  const where = loc.zh ?? f.path;
  // A change inside a list of plain values (资质要求, 可选值) shows the whole list before and after.
  const cut = loc.consumed < path.length && loc.zh !== null;
  const b = cut ? valueAt(sides.before, path.slice(0, loc.consumed)) : f.before;
  const a = cut ? valueAt(sides.after, path.slice(0, loc.consumed)) : f.after;
  const key = path[loc.consumed - 1] ?? "";
  const nums = [b, a].filter((x): x is number => typeof x === "number");
  const s: Show = { facts: sides.facts ?? [], money: moneyFormatter(...nums) };
  const of = sides.subject ? `「${sides.subject}」` : "";
  // An element named by its label ("限额「…」") needs no value after it.
  const named = (v: unknown) => v && typeof v === "object" && !Array.isArray(v) && /」$/.test(where);
  if (!cut && added) return `${of}新增${where}${named(a) ? "" : `:${showValue(loc, key, a, s)}`}`;
  if (!cut && removed) return `${of}删除${where}${named(b) ? "" : `(原为 ${showValue(loc, key, b, s)})`}`;
  return `${of}${of ? "的" : ""}${where}由 ${showValue(loc, key, b, s)} 改为 ${showValue(loc, key, a, s)}`;
}

function describeItems(
  noun: string,
  kind: Kind,
  d: PolicyDiff["programmes"],
  beforeOf: (id: string) => unknown,
  afterOf: (id: string) => unknown,
  factsOf: (id: string) => readonly Fact[],
): string[] {
  const out = [
    ...d.added.map((x) => `新增${noun}「${x.title}」(${x.id})`),
    ...d.removed.map((x) => `删除${noun}「${x.title}」(${x.id})`),
  ];
  for (const c of d.changed as ItemChange[])
    for (const f of c.fields)
      out.push(
        describeFieldChange(kind, f, {
          before: beforeOf(c.id),
          after: afterOf(c.id),
          subject: c.title,
          facts: factsOf(c.id),
        }),
      );
  return out;
}

/**
 * An item as it was before its changes: the changes carry every old value, so a caller that
 * does not hold the older set (the preview) still names removed elements by their labels.
 */
export function revertItem<T>(after: T, fields: readonly FieldChange[]): T {
  const root = structuredClone(after) as unknown;
  const parentOf = (path: string[]) => valueAt(root, path.slice(0, -1)) as Record<string, unknown> | unknown[];
  for (const f of fields)
    if ("before" in f && f.path !== "")
      (parentOf(f.path.split(".")) as Record<string, unknown>)[f.path.split(".").at(-1)!] = f.before;
  // Added elements go from the end of their list backwards, so indices stay right.
  const created = fields.filter((f) => !("before" in f)).map((f) => f.path.split("."));
  created.sort((a, b) => Number(b.at(-1)) - Number(a.at(-1)));
  for (const path of created) {
    const parent = parentOf(path);
    const key = path.at(-1)!;
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else if (parent) delete parent[key];
  }
  return root as T;
}

/**
 * Every change of a policy diff as a Chinese sentence, in the order the preview lists them;
 * `before` (the older set) is rebuilt from the changes where the caller does not have it.
 */
export function describePolicyDiff(diff: PolicyDiff, after: PolicySet, before?: PolicySet | null): string[] {
  const byId = <T extends { id: string }>(xs: readonly T[] | undefined) => new Map((xs ?? []).map((x) => [x.id, x]));
  const [ap, ad] = [byId(after.programmes), byId(after.documents)];
  const rebuilt = (items: readonly ItemChange[], now: Map<string, unknown>) =>
    new Map(items.map((c) => [c.id, revertItem(now.get(c.id), c.fields)]));
  const bp = before ? byId(before.programmes) : rebuilt(diff.programmes.changed, ap);
  const bd = before ? byId(before.documents) : rebuilt(diff.documents.changed, ad);
  const metaNow = { label: after.label, effectiveFrom: after.effectiveFrom, note: after.note ?? null };
  const metaThen = before
    ? { label: before.label, effectiveFrom: before.effectiveFrom, note: before.note ?? null }
    : revertItem(metaNow, diff.meta);
  const out = diff.meta.map((f) => describeFieldChange("meta", f, { before: metaThen, after: metaNow }));
  out.push(
    ...describeItems(
      "项目",
      "programme",
      diff.programmes,
      (id) => bp.get(id),
      (id) => ap.get(id),
      (id) => ap.get(id)?.facts ?? [],
    ),
    ...describeItems(
      "政策文件",
      "document",
      diff.documents,
      (id) => bd.get(id),
      (id) => ad.get(id),
      () => [],
    ),
  );
  if (diff.cases.before !== diff.cases.after) out.push(`测试用例由 ${diff.cases.before} 个改为 ${diff.cases.after} 个`);
  return out;
}
