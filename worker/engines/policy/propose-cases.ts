/**
 * Test cases the engine proposes for a programme: every threshold and every cap from
 * both sides — at it, just under and just over (OpenFisca's boundary values) — each
 * starting from one of the programme's own eligible cases and moving one fact, with
 * the result the current rules give. The admin confirms or corrects each before it is
 * added to the set's cases, which stay data in the set. Pure: no I/O.
 */
import { moneyFormatter } from "../../lib/money";
import { DEFAULT_CASE_DATE } from "./cases";
import type { CompiledPolicySet } from "./compile";
import { describeCaseFacts } from "./describe-failure";
import { evaluate, type CompiledProgramme, type Evaluation } from "./evaluate";
import { parseFacts, showFact, type FactValue } from "./facts";
import type { Component } from "./format/amounts";
import type { Test } from "./format/conditions";
import type { PolicyCase } from "./format/programme";

export interface ProposedCase {
  /** Stable for the same set: "<programme>:<n>", what the add form sends back. */
  key: string;
  /** Which boundary it probes, e.g. "年销售收入恰为门槛20,000万元(以上)". */
  why: string;
  case: PolicyCase;
  /** What the current rules give, in words: "符合条件,补助100万元". */
  result: string;
}

/** At most this many per programme: a page lists them for a person to read. */
export const MAX_PROPOSALS = 24;
const SEARCH_LIMIT = 1e13;

/** 以上/以下/以内 follow the number ("2亿元以上"); the other words lead it ("超过2亿元"). */
const SUFFIX_WORDS = new Set(["以上", "以下", "以内"]);

type Point = { fact: string; value: number; why: string; at: number };

const stepOf = (p: CompiledProgramme, fact: string) => {
  const t = p.declared.get(fact)?.type;
  return t === "money" ? 100 : t === "percent" ? 0.01 : 1;
};
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Points around `at`; `say` names the boundary from the value as shown ("“2亿元以上”的门槛"). */
function around(p: CompiledProgramme, fact: string, at: number, say: (shown: string) => string): Point[] {
  const f = p.declared.get(fact);
  if (!f || !["money", "count", "percent"].includes(f.type)) return [];
  const d = stepOf(p, fact);
  const label = f.label.zh;
  const what = say(showFact(f, at));
  return [
    { fact, value: round2(at - d), why: `${label}略低于${what}`, at },
    { fact, value: at, why: `${label}恰为${what}`, at },
    { fact, value: round2(at + d), why: `${label}略高于${what}`, at },
  ].filter((x) => x.value >= 0 && (f.type !== "count" || Number.isInteger(x.value)));
}

function thresholdPoints(p: CompiledProgramme, t: Test, facts: Record<string, FactValue>): Point[] {
  switch (t.test) {
    case "compare":
      return around(p, t.fact, t.value, (s) => `“${SUFFIX_WORDS.has(t.word) ? s + t.word : t.word + s}”的门槛`);
    case "between":
      return [...around(p, t.fact, t.from, (s) => `区间下限${s}`), ...around(p, t.fact, t.to, (s) => `区间上限${s}`)];
    case "ratio": {
      const den = facts[t.denominator];
      if (typeof den !== "number") return [];
      const at = Math.ceil((den * t.percent) / 100);
      const name = p.declared.get(t.denominator)?.label.zh ?? t.denominator;
      return around(p, t.numerator, at, (s) => `占${name}${t.percent}%的${s}(“${t.percent}%${t.word}”)`);
    }
    case "all":
      return t.of.flatMap((s) => thresholdPoints(p, s, facts));
    case "any":
      return t.of.flatMap((s) => thresholdPoints(p, s.test, facts));
    default:
      return [];
  }
}

/** Caps in money, and the facts the amount grows with. */
function capsOf(components: readonly Component[]): { caps: number[]; drivers: string[]; units: Point[] } {
  const out = { caps: [] as number[], drivers: [] as string[], units: [] as Point[] };
  for (const c of components) {
    if (c.kind === "percent") {
      if (c.capFen !== undefined) out.caps.push(c.capFen);
      const b = c.base;
      out.drivers.push(
        ...("fact" in b ? [b.fact] : "increase" in b ? [b.increase.current] : "sum" in b ? b.sum : b.average),
      );
    }
    if (c.kind === "perUnit") {
      if (c.capFen !== undefined) out.caps.push(c.capFen);
      out.drivers.push(c.fact);
      if (c.maxUnits !== undefined)
        out.units.push({ fact: c.fact, value: c.maxUnits, why: "最多计数", at: c.maxUnits });
      if (c.extra) out.units.push({ fact: c.fact, value: c.extra.over, why: "加奖起点", at: c.extra.over });
    }
    if (c.kind === "when") {
      const inner = capsOf([...c.then, ...c.otherwise]);
      out.caps.push(...inner.caps);
      out.drivers.push(...inner.drivers);
      out.units.push(...inner.units);
    }
  }
  return out;
}

function resultWords(r: Evaluation): string {
  if (r.eligible === false) return "不符合条件";
  if (r.eligible === "unknown") return "尚无法判断";
  if (r.range) {
    const m = moneyFormatter(r.range.minFen, r.range.maxFen);
    return `符合条件,评审确定${m(r.range.minFen)}至${m(r.range.maxFen)}`;
  }
  return r.amountFen === null ? "符合条件,金额经评审确定" : `符合条件,补助${moneyFormatter(r.amountFen)(r.amountFen)}`;
}

/** The proposals for one programme; none when it has no case to start from. */
export function proposeCases(compiled: CompiledPolicySet, programmeId: string): ProposedCase[] {
  const p = compiled.programmes.get(programmeId);
  if (!p) return [];
  const own = compiled.set.cases.filter((c) => c.programme === programmeId);
  const template = own.find((c) => c.expect.eligible === true && !c.history.length) ?? own[0];
  if (!template) return [];
  const parsed = parseFacts(p, template.facts);
  if (!parsed.ok) return [];
  const base = { ...parsed.facts } as Record<string, FactValue>;
  const date = template.date ?? DEFAULT_CASE_DATE;
  const run = (facts: Record<string, FactValue>) =>
    evaluate(p, { facts, profile: template.profile, history: [], date });

  const points: Point[] = p.conditions.flatMap((c) => thresholdPoints(p, c.test, base));
  const { caps, drivers, units } = capsOf(p.amount);
  for (const l of p.limits) if ("fen" in l) caps.push(l.fen);
  for (const u of units) points.push(...around(p, u.fact, u.value, (s) => `${u.why}${s}`));
  const driver = drivers.find((d) => typeof base[d] === "number" && p.declared.get(d)?.type !== "percent");
  for (const cap of driver ? [...new Set(caps)] : []) {
    const at = smallestReaching(driver!, cap, base, run, stepOf(p, driver!));
    if (at !== null) points.push(...around(p, driver!, at, (s) => `达到上限${moneyFormatter(cap)(cap)}时的${s}`));
  }

  const seen = new Set(own.map((c) => JSON.stringify(c.facts)));
  const names = new Set(compiled.set.cases.map((c) => c.name));
  const out: ProposedCase[] = [];
  for (const pt of points) {
    const facts = { ...base, [pt.fact]: pt.value };
    const id = JSON.stringify(facts);
    if (seen.has(id)) continue;
    seen.add(id);
    const r = run(facts);
    const expect: PolicyCase["expect"] = { eligible: r.eligible };
    if (r.range) expect.range = r.range;
    else if (r.amountFen !== null) expect.amountFen = r.amountFen;
    let name = `${p.title.zh}·边界:${pt.why}`;
    for (let n = 2; names.has(name); n++) name = `${p.title.zh}·边界:${pt.why}(${n})`;
    names.add(name);
    const c: PolicyCase = { name, programme: p.id, facts, history: [], expect };
    if (template.profile) c.profile = template.profile;
    if (template.date) c.date = template.date;
    out.push({
      key: `${p.id}:${out.length + 1}`,
      why: `${pt.why}:${describeCaseFacts(p, c, [pt.at])}`,
      case: c,
      result: resultWords(r),
    });
    if (out.length >= MAX_PROPOSALS) break;
  }
  return out;
}

/** The smallest value of `fact` (a multiple of `step` above the case's) at which the amount reaches `cap`. */
function smallestReaching(
  fact: string,
  cap: number,
  base: Record<string, FactValue>,
  run: (f: Record<string, FactValue>) => Evaluation,
  step: number,
): number | null {
  const amount = (v: number) => run({ ...base, [fact]: v }).amountFen ?? 0;
  let lo = 0;
  let hi = Math.max(step, Number(base[fact]) || step);
  while (amount(hi) < cap) {
    lo = hi;
    hi *= 2;
    if (hi > SEARCH_LIMIT) return null;
  }
  // amount(lo) < cap ≤ amount(hi) (or lo is 0): narrow to one step.
  while (hi - lo > step) {
    const mid = lo + Math.floor((hi - lo) / 2 / step) * step;
    if (mid === lo) break;
    if (amount(mid) >= cap) hi = mid;
    else lo = mid;
  }
  return hi;
}
