/**
 * Boundary probes of a programme's numbers: every threshold and every cap from both sides — at
 * it, just under and just over (OpenFisca's boundary values) — each moving one fact of the
 * starting case. Pure: no I/O.
 */
import { moneyFormatter } from "../../lib/money";
import type { CompiledProgramme, Evaluation } from "./evaluate";
import { showFact, type FactValue } from "./facts";
import type { Component } from "./format/amounts";
import type { Test } from "./format/conditions";
import type { Variant } from "./propose-variant";

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
    if (c.kind === "interest") {
      if (c.capFen !== undefined) out.caps.push(c.capFen);
      out.drivers.push(c.paid);
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

/** Each threshold and cap of the programme probed from both sides, starting from `base`. */
export function boundaryVariants(
  p: CompiledProgramme,
  base: Record<string, FactValue>,
  run: (facts: Record<string, FactValue>) => Evaluation,
): Variant[] {
  const points: Point[] = p.conditions.flatMap((c) => thresholdPoints(p, c.test, base));
  const { caps, drivers, units } = capsOf(p.amount);
  for (const l of p.limits) if ("fen" in l) caps.push(l.fen);
  for (const u of units) points.push(...around(p, u.fact, u.value, (s) => `${u.why}${s}`));
  const driver = drivers.find((d) => typeof base[d] === "number" && p.declared.get(d)?.type !== "percent");
  for (const cap of driver ? [...new Set(caps)] : []) {
    const at = smallestReaching(driver!, cap, base, run, stepOf(p, driver!));
    if (at !== null) points.push(...around(p, driver!, at, (s) => `达到上限${moneyFormatter(cap)(cap)}时的${s}`));
  }
  return points.map((pt) => ({ tag: "边界", why: pt.why, facts: { [pt.fact]: pt.value }, near: [pt.at] }));
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
