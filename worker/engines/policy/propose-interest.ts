/**
 * Probes of a 贴息 component (kind `interest`), from the starting case's loan: interest paid
 * above the contract interest (the excess is not subsidised), paid just under, at and over the
 * figure where the LPR cap starts to bind, and a period that ends before it starts (no amount).
 * Pure: no I/O.
 */
import { NATIONAL_LPR, type LprRate } from "../../lib/lpr";
import type { CompiledProgramme } from "./evaluate";
import type { FactValue } from "./facts";
import type { Component, InterestComponent } from "./format/amounts";
import { inclusiveDays, interestFen, lprSegments } from "./interest";
import { hundredths, percentOfFen } from "./money";
import { addDays } from "./propose-dates";
import type { Variant } from "./propose-variant";

/** 100 元: a step a reviewer reads as "just over" in 万元 figures too. */
const STEP_FEN = 10_000;

function interestParts(components: readonly Component[], out: InterestComponent[] = []): InterestComponent[] {
  for (const c of components) {
    if (c.kind === "interest") out.push(c);
    if (c.kind === "when") interestParts([...c.then, ...c.otherwise], out);
  }
  return out;
}

export function interestVariants(
  p: CompiledProgramme,
  base: Record<string, FactValue>,
  lpr: readonly LprRate[] = NATIONAL_LPR,
): Variant[] {
  const out: Variant[] = [];
  for (const c of interestParts(p.amount).slice(0, 1)) {
    const [principal, rate, from, to] = [base[c.principal], base[c.rate], base[c.from], base[c.to]];
    if (typeof principal !== "number" || typeof rate !== "number") continue;
    if (typeof from !== "string" || typeof to !== "string" || to < from || rate < 0) continue;
    const contract = interestFen(principal, hundredths(rate), inclusiveDays(from, to));
    const paidLabel = p.declared.get(c.paid)?.label.zh ?? c.paid;
    out.push({
      tag: "贴息",
      why: `${paidLabel}高于合同利息(超出部分不予贴息)`,
      facts: { [c.paid]: contract + STEP_FEN },
      near: [contract],
    });
    if (c.lpr && c.share > 0) {
      const segments = lprSegments(lpr, c.lpr.term, from, to);
      if (segments) {
        const lprInterest = segments.reduce((s, g) => s + interestFen(principal, BigInt(g.rate.bp), g.days), 0);
        const cap = percentOfFen(BigInt(lprInterest), 1n, c.lpr.percent);
        // The paid interest whose share reaches the cap, to the 元: below it the share decides, above it the cap.
        const at = Math.ceil((cap * 100) / c.share / 100) * 100;
        for (const [value, how] of [
          [at - STEP_FEN, "略低于"],
          [at, "恰为"],
          [at + STEP_FEN, "略高于"],
        ] as const)
          if (value >= 0 && value <= contract)
            out.push({
              tag: "贴息",
              why: `${paidLabel}${how}按LPR上限起作用的金额`,
              facts: { [c.paid]: value },
              near: [at],
            });
      }
    }
    const toLabel = p.declared.get(c.to)?.label.zh ?? c.to;
    out.push({ tag: "贴息", why: `${toLabel}早于计息起始日(无法计算)`, facts: { [c.to]: addDays(from, -1) } });
  }
  return out;
}
