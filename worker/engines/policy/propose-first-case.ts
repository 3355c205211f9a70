/**
 * A first eligible case for a programme that has none (a new one from the programme form): every
 * fact the rules read gets a value that meets the conditions — inside a threshold's side with a
 * margin, inside a `between`, a ratio met, the option or answer an `equals` asks for — with a
 * profile holding what the applicants must hold and a date inside the document's period and the
 * windows. Candidates are checked with the evaluator: only a case it finds eligible is returned,
 * else a note in Chinese says what could not be met. Pure: no I/O.
 */
import { DEFAULT_CASE_DATE } from "./cases";
import { THRESHOLD, type Test } from "./format/conditions";
import { evaluate, type CompiledProgramme, type Evaluation } from "./evaluate";
import type { FactValue } from "./facts";
import { baseFacts, type Component } from "./format/amounts";
import type { Profile } from "./format/programme";

export interface FirstCase {
  facts: Record<string, FactValue>;
  profile?: Profile;
  /** Absent when the cases' default date lies in the programme's period and windows. */
  date?: string;
  result: Evaluation;
}
export type FirstCaseOutcome = { ok: true; first: FirstCase } | { ok: false; note: string };

/** A placeholder a text fact gets (a project number, a patent number): any value passes the format. */
export const SAMPLE_TEXT = "示例001";
/** Values a rule does not constrain: 100万元, 10 units, 10%. */
const DEFAULTS = { money: 100_000_000, count: 10, percent: 10 } as const;
/** `any` branches multiply: past this many combinations the rest are not tried. */
const MAX_ALTERNATIVES = 64;

type Bound = { v: number; incl: boolean };
type Atom = Exclude<Test, { test: "all" } | { test: "any" }>;

/** Every way to meet the conditions, each a list of plain tests (all of them must hold). */
function alternatives(tests: readonly Test[]): Atom[][] {
  let out: Atom[][] = [[]];
  for (const t of tests) {
    const own: Atom[][] =
      t.test === "all" ? alternatives(t.of) : t.test === "any" ? t.of.flatMap((b) => alternatives([b.test])) : [[t]];
    out = out.flatMap((a) => own.map((b) => [...a, ...b])).slice(0, MAX_ALTERNATIVES);
  }
  return out;
}

const stepOf = (type: string) => (type === "money" ? 100 : type === "percent" ? 0.01 : 1);
const snap = (x: number, step: number, up: boolean) => {
  const n = (up ? Math.ceil : Math.floor)(Math.round((x / step) * 1e6) / 1e6);
  return Math.round(n * step * 100) / 100;
};

/** A round number (two significant digits) near x, rounded up or down, on the fact's step. */
function nice(x: number, step: number, up: boolean): number {
  if (x <= 0) return 0;
  const mag = 10 ** (Math.floor(Math.log10(x)) - 1);
  const r = (up ? Math.ceil : Math.floor)(Math.round((x / mag) * 1e6) / 1e6) * mag;
  return snap(r, step, up);
}

const meets = (v: number, lo?: Bound, hi?: Bound) =>
  (!lo || (lo.incl ? v >= lo.v : v > lo.v)) && (!hi || (hi.incl ? v <= hi.v : v < hi.v));

/** A value inside the bounds, a round one where it can be; null when the bounds leave nothing. */
function pick(type: "money" | "count" | "percent", lo?: Bound, hi?: Bound): number | null {
  const step = stepOf(type);
  const tries: number[] = [DEFAULTS[type]];
  if (lo && hi) tries.push(nice((lo.v + hi.v) / 2, step, true), snap((lo.v + hi.v) / 2, step, true), lo.v, hi.v);
  if (lo) tries.push(nice(lo.v * 1.2, step, true), snap(lo.v + step, step, true), lo.v);
  if (hi) tries.push(nice(hi.v * 0.8, step, false), snap(hi.v - step, step, false), hi.v);
  return tries.find((v) => v >= 0 && meets(v, lo, hi)) ?? null;
}

const tighter = (a: Bound | undefined, b: Bound, lower: boolean): Bound => {
  if (!a || a.v === b.v) return a ? { v: a.v, incl: a.incl && b.incl } : b;
  return lower === b.v > a.v ? b : a;
};

/** The facts a programme's amount reads, with the choice or answer a `when` compares with. */
function amountFacts(components: readonly Component[], out = new Set<string>()): Set<string> {
  for (const c of components) {
    if (c.kind === "byChoice") out.add(c.fact);
    if (c.kind === "perUnit") for (const f of [c.fact, c.maxUnitsPer ?? c.fact]) out.add(f);
    if (c.kind === "percent") {
      const b = c.base;
      const names = baseFacts(b);
      for (const f of names) out.add(f);
      if (typeof c.percent !== "number") out.add(c.percent.fact);
    }
    if (c.kind === "interest") for (const f of [c.principal, c.rate, c.from, c.to, c.paid]) out.add(f);
    if (c.kind === "when") {
      out.add(c.fact);
      amountFacts([...c.then, ...c.otherwise], out);
    }
  }
  return out;
}

/** Facts compared as "this year against last": the earlier one gets half, so the increase is not 0. */
function previousFacts(components: readonly Component[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of components) {
    if (c.kind === "percent" && "increase" in c.base) out.set(c.base.increase.previous, c.base.increase.current);
    if (c.kind === "when") for (const [k, v] of previousFacts([...c.then, ...c.otherwise])) out.set(k, v);
  }
  return out;
}

type Assigned = { facts: Record<string, FactValue>; profile: Profile | undefined } | { conflict: string };

/** The facts (and profile) one alternative asks for, or the fact whose conditions cannot all hold. */
function assign(p: CompiledProgramme, atoms: readonly Atom[]): Assigned {
  const labelOf = (name: string) => p.declared.get(name)?.label.zh ?? name;
  const lo = new Map<string, Bound>();
  const hi = new Map<string, Bound>();
  const fixed = new Map<string, FactValue>();
  const quals = new Set(p.applicants.qualifications);
  let industries: string[] | null = p.applicants.industries.length ? [...p.applicants.industries] : null;
  const ratios: Extract<Atom, { test: "ratio" }>[] = [];
  const bound = (fact: string, b: Bound, lower: boolean) => {
    const m = lower ? lo : hi;
    m.set(fact, tighter(m.get(fact), b, lower));
  };
  for (const a of atoms) {
    if (a.test === "compare") {
      const raising = THRESHOLD[a.word].cmp(1, 0);
      const incl = THRESHOLD[a.word].inclusive;
      bound(a.fact, { v: a.value, incl: a.negate ? !incl : incl }, a.negate ? !raising : raising);
    } else if (a.test === "between") {
      bound(a.fact, { v: a.from, incl: true }, true);
      bound(a.fact, { v: a.to, incl: true }, false);
    } else if (a.test === "ratio") ratios.push(a);
    else if (a.test === "equals" || a.test === "oneOf") {
      const v = a.test === "equals" ? a.value : a.values[0]!;
      if (fixed.has(a.fact) && fixed.get(a.fact) !== v) return { conflict: labelOf(a.fact) };
      fixed.set(a.fact, v);
    } else if (a.test === "qualification") quals.add(a.code);
    else if (a.test === "industry") {
      industries = industries ? industries.filter((c) => a.codes.includes(c)) : [...a.codes];
      if (!industries.length) return { conflict: "所属行业" };
    }
  }
  for (const f of p.declared.values()) {
    if (f.min !== undefined) bound(f.name, { v: f.min, incl: true }, true);
    if (f.max !== undefined) bound(f.name, { v: f.max, incl: true }, false);
  }

  const read = amountFacts(p.amount);
  for (const a of atoms)
    for (const k of ["fact", "numerator", "denominator"] as const)
      if (k in a) read.add((a as Record<string, string>)[k]!);
  const facts: Record<string, FactValue> = {};
  const previous = previousFacts(p.amount);
  const numerators = new Set(ratios.map((r) => r.numerator));
  const ordered = [...p.declared.values()].sort((a, b) => Number(previous.has(a.name)) - Number(previous.has(b.name)));
  for (const f of ordered) {
    if (f.optional && !read.has(f.name)) continue;
    if (fixed.has(f.name)) facts[f.name] = fixed.get(f.name)!;
    else if (f.type === "boolean") facts[f.name] = true;
    else if (f.type === "choice") facts[f.name] = f.options![0]!.value;
    else if (f.type === "text") facts[f.name] = SAMPLE_TEXT;
    else if (f.type === "date") facts[f.name] = sampleDate(p, f.name);
    else if (!numerators.has(f.name)) {
      const now = previous.get(f.name);
      const half = now && typeof facts[now] === "number" ? nice((facts[now] as number) / 2, 100, false) : undefined;
      const v =
        half !== undefined && meets(half, lo.get(f.name), hi.get(f.name))
          ? half
          : pick(f.type, lo.get(f.name), hi.get(f.name));
      if (v === null) return { conflict: f.label.zh };
      facts[f.name] = v;
    }
  }
  // A ratio's numerator follows its denominator: the bar with a margin, on the right side of it.
  for (const r of ratios) {
    const den = facts[r.denominator];
    const f = p.declared.get(r.numerator);
    if (typeof den !== "number" || !f || (f.type !== "money" && f.type !== "count"))
      return { conflict: labelOf(r.numerator) };
    const raising = THRESHOLD[r.word].cmp(1, 0);
    const at = (den * r.percent) / 100;
    bound(r.numerator, { v: at, incl: THRESHOLD[r.word].inclusive }, raising);
  }
  for (const name of numerators) {
    const f = p.declared.get(name)!;
    const v = pick(f.type as "money" | "count", lo.get(name), hi.get(name));
    if (v === null) return { conflict: f.label.zh };
    facts[name] = v;
  }
  const needsProfile =
    quals.size > 0 || industries !== null || atoms.some((a) => a.test === "qualification" || a.test === "industry");
  const profile: Profile | undefined = needsProfile
    ? {
        qualifications: [...quals],
        industry: industries?.[0] ?? null,
        employees: null,
        registeredCapitalFen: null,
        figures: [],
      }
    : undefined;
  return { facts, profile };
}

/**
 * A date fact's value: the whole calendar year before the case's day, so a 贴息 period (from/to)
 * has a published LPR and ends before the application; any other date fact gets its first day.
 */
function sampleDate(p: CompiledProgramme, name: string): string {
  const year = Number((openDate(p) ?? DEFAULT_CASE_DATE).slice(0, 4)) - 1;
  const ends = interestEnds(p.amount);
  return ends.has(name) ? `${year}-12-31` : `${year}-01-01`;
}

/** The facts naming the last day of an interest period. */
function interestEnds(components: readonly Component[], out = new Set<string>()): Set<string> {
  for (const c of components) {
    if (c.kind === "interest") out.add(c.to);
    if (c.kind === "when") interestEnds([...c.then, ...c.otherwise], out);
  }
  return out;
}

/** A day the programme is open on: the cases' default day if it is, else the first open day before it or after. */
export function openDate(p: CompiledProgramme): string | null {
  const to = p.effectiveTo ?? "9999-12-31";
  // ISO days compare as strings: the later start and the earlier end of window and period.
  const [later, earlier] = [(a: string, b: string) => [a, b].sort()[1]!, (a: string, b: string) => [a, b].sort()[0]!];
  const spans = (p.windows.length ? p.windows : [{ from: p.effectiveFrom, to }])
    .map((w) => ({ from: later(w.from, p.effectiveFrom), to: earlier(w.to, to) }))
    .filter((w) => w.from <= w.to);
  if (spans.some((w) => w.from <= DEFAULT_CASE_DATE && DEFAULT_CASE_DATE <= w.to)) return DEFAULT_CASE_DATE;
  const before = spans.filter((w) => w.to < DEFAULT_CASE_DATE).map((w) => w.to);
  if (before.length) return before.sort().at(-1)!;
  return spans.map((w) => w.from).sort()[0] ?? null;
}

const score = (r: Evaluation) => (r.eligible === true ? (r.amountFen === 0 ? 2 : 3) : r.eligible === "unknown" ? 1 : 0);

/** Choices and answers the conditions leave free, tried one at a time where the first did not do. */
function variations(p: CompiledProgramme, facts: Record<string, FactValue>, fixed: ReadonlySet<string>) {
  const out: Record<string, FactValue>[] = [];
  for (const f of p.declared.values()) {
    if (fixed.has(f.name) || facts[f.name] === undefined) continue;
    if (f.type === "boolean") out.push({ ...facts, [f.name]: !facts[f.name] });
    if (f.type === "choice") for (const o of f.options!.slice(1)) out.push({ ...facts, [f.name]: o.value });
  }
  return out;
}

export function proposeFirstCase(p: CompiledProgramme): FirstCaseOutcome {
  const date = openDate(p);
  if (date === null)
    return { ok: false, note: "项目的申报期不在政策文件的有效期内,找不到可以申报的日期,未能生成起始用例。" };
  let best: { first: FirstCase; score: number } | null = null;
  const conflicts = new Set<string>();
  for (const atoms of alternatives(p.conditions.map((c) => c.test))) {
    const made = assign(p, atoms);
    if ("conflict" in made) {
      conflicts.add(made.conflict);
      continue;
    }
    const fixed = new Set(atoms.flatMap((a) => ("fact" in a ? [a.fact] : [])));
    for (const facts of [made.facts, ...variations(p, made.facts, fixed)]) {
      const result = evaluate(p, { facts, profile: made.profile, history: [], date });
      const s = score(result);
      if (best && s <= best.score) continue;
      const first: FirstCase = { facts, result };
      if (made.profile) first.profile = made.profile;
      if (date !== DEFAULT_CASE_DATE) first.date = date;
      best = { first, score: s };
      if (s === 3) return { ok: true, first };
    }
  }
  if (best && best.score >= 2) return { ok: true, first: best.first };
  const reasons = best
    ? best.first.result.conditions.filter((c) => c.result !== "pass").map((c) => c.reason)
    : [...conflicts].map((name) => `${name}的各项条件无法同时满足`);
  return {
    ok: false,
    note:
      `未能自动生成符合条件的起始用例${reasons.length ? `(${[...new Set(reasons)].slice(0, 3).join(";")})` : ""}。` +
      "请在 JSON 中先手工添加一个符合条件的测试用例,系统再据此建议边界用例。",
  };
}
