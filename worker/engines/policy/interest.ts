/**
 * 贴息 (component `interest`): a share of the interest a loan paid over a period, at most a share
 * of the interest the LPR in force on each day would have given, at most a cap. All in fen, each
 * step rounded half up once; days are counted inclusive of both ends on a 360-day year
 * (日利率 = 年利率 ÷ 360, as Chinese banks compute interest). Each LPR rate used is its own step,
 * naming the rate, the day it took effect and who published or recorded it.
 */
import type { InterestComponent } from "./format/amounts";
import type { Fact } from "./format/facts";
import { showFact, type Facts } from "./facts";
import { formatPercent, hundredths, percentOfFen } from "./money";
import { isCalendarDate } from "../../lib/calendar";
import { LPR_TERM_ZH, lprOn, lprText, type LprRate } from "../../lib/lpr";
import { formatMoney, moneyUnit } from "../../lib/money";

export interface InterestInput {
  facts: Facts;
  declared: ReadonlyMap<string, Fact>;
  /** The LPR history to read (national ∪ the zone's recorded rates). */
  lpr: readonly LprRate[];
  /** The component's clause, cited. */
  clause: string;
}

/** A cited step, as ./amounts.ts's Step (not imported: amounts.ts imports this file). */
export interface InterestStep {
  clause: string;
  description: string;
  valueFen: number;
  reference?: true;
}

export type InterestResult =
  /** Steps add up to fen. */
  | { fen: number; steps: InterestStep[] }
  | { missing: string[] }
  /** The facts are given but no figure can be computed from them: why, in Chinese. */
  | { undetermined: string };

const DAY_MS = 86_400_000;
/** Days from `from` to `to`, both included. */
export const inclusiveDays = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

/** principal × rate% × days ÷ 360, rounded half up to the fen; rate in hundredths of a percent. */
export function interestFen(principalFen: number, rateHundredths: bigint, days: number): number {
  const num = BigInt(principalFen) * rateHundredths * BigInt(days);
  const den = 360n * 10_000n;
  return Number((num * 2n + den) / (den * 2n));
}

/**
 * A formatter for one sentence's amounts: one unit for all, and exact to the fen where two of them
 * would otherwise read the same while they differ (paid just above the contract interest).
 */
function sentence(...fens: number[]): (fen: number) => string {
  const unit = moneyUnit(...fens);
  return (fen) => formatMoney(fen, { unit, near: fens });
}

/** One stretch of the period at one LPR. */
export interface LprSegment {
  rate: LprRate;
  from: string;
  to: string;
  days: number;
}

/**
 * [from, to] split at every change of `term`'s LPR inside it; a change to the same rate (a zone
 * recording each month's unchanged LPR) continues the stretch. Null when none was in force on `from`.
 */
export function lprSegments(series: readonly LprRate[], term: LprRate["term"], from: string, to: string) {
  const first = lprOn(series, term, from);
  if (!first) return null;
  const changes = series
    .filter((r) => r.term === term && r.from > from && r.from <= to)
    .sort((a, b) => a.from.localeCompare(b.from));
  const out: LprSegment[] = [];
  let current = { rate: first, from };
  for (const r of changes) {
    if (r.bp === current.rate.bp) continue;
    const end = dayBefore(r.from);
    out.push({ ...current, to: end, days: inclusiveDays(current.from, end) });
    current = { rate: r, from: r.from };
  }
  out.push({ ...current, to, days: inclusiveDays(current.from, to) });
  return out;
}

export function computeInterest(c: InterestComponent, input: InterestInput): InterestResult {
  const { facts, declared, clause } = input;
  const label = (n: string) => declared.get(n)?.label.zh ?? n;
  const money = [c.principal, c.paid].filter((n) => typeof facts[n] !== "number");
  const dates = [c.from, c.to].filter((n) => typeof facts[n] !== "string");
  const missing = [...money, ...(typeof facts[c.rate] === "number" ? [] : [c.rate]), ...dates];
  if (missing.length) return { missing };
  const principal = facts[c.principal] as number;
  const paid = facts[c.paid] as number;
  const rate = facts[c.rate] as number;
  const from = facts[c.from] as string;
  const to = facts[c.to] as string;
  if (!isCalendarDate(from) || !isCalendarDate(to))
    return { undetermined: `${c.label}:${label(c.from)}或${label(c.to)}不是有效日期,无法计算计息天数` };
  if (to < from)
    return {
      undetermined: `${c.label}:${label(c.to)}${to}早于${label(c.from)}${from},计息期不成立,请核对后再计算`,
    };
  if (rate < 0) return { undetermined: `${c.label}:${label(c.rate)}为负数,无法计算合同利息` };

  // 1. 计息天数 and 2. 合同利息; what was paid above it is not interest the contract owed.
  const days = inclusiveDays(from, to);
  const contract = interestFen(principal, hundredths(rate), days);
  const base = Math.min(paid, contract);
  // 3. 贴息 = base × share.
  let fen = percentOfFen(BigInt(base), 1n, c.share);
  const rateText = showFact(declared.get(c.rate), rate);
  const m1 = sentence(principal, paid, contract, fen);
  const paidText =
    paid > contract
      ? `实际支付利息${m1(paid)}超过合同利息${m1(contract)},按合同利息计`
      : `实际支付利息${m1(paid)}${paid === contract ? "等于" : "未超过"}合同利息`;
  const steps: InterestStep[] = [
    {
      clause,
      description:
        `${c.label}:计息期${from}至${to}共${days}天(含首尾,按每年360天计),` +
        `合同利息=贷款本金${m1(principal)}×年利率${rateText}×${days}÷360=${m1(contract)};` +
        `${paidText};${m1(base)}×${formatPercent(c.share)}=${m1(fen)}`,
      valueFen: fen,
    },
  ];

  // 4. At most lpr.percent of the interest the LPR gives, segment by segment.
  if (c.lpr) {
    const term = c.lpr.term;
    const segments = lprSegments(input.lpr, term, from, to);
    if (!segments) {
      const earliest = input.lpr.filter((r) => r.term === term).sort((a, b) => a.from.localeCompare(b.from))[0];
      return {
        undetermined:
          `${c.label}:计息起始日${from}尚无已公布的${LPR_TERM_ZH[term]}` +
          `${earliest ? `(记录中最早的自${earliest.from}起)` : ""},无法按LPR计算贴息上限;` +
          "如有当时适用的利率,请园区在设置中补录",
      };
    }
    let lprInterest = 0;
    for (const s of segments) {
      const part = interestFen(principal, BigInt(s.rate.bp), s.days);
      lprInterest += part;
      const m = sentence(principal, part);
      steps.push({
        clause,
        description:
          `${s.rate.from}起 ${LPR_TERM_ZH[term]} ${lprText(s.rate.bp)}(${s.rate.source}):` +
          `${s.from}至${s.to},${s.days}天,按LPR计算利息${m(principal)}×${lprText(s.rate.bp)}×${s.days}÷360=${m(part)}`,
        valueFen: 0,
        reference: true,
      });
    }
    const cap = percentOfFen(BigInt(lprInterest), 1n, c.lpr.percent);
    const m = sentence(lprInterest, cap, fen);
    const over = fen > cap;
    steps.push({
      clause,
      description:
        `${c.label}不超过按LPR计算利息的${formatPercent(c.lpr.percent)}:` +
        `按LPR计算利息合计${m(lprInterest)},其${formatPercent(c.lpr.percent)}为${m(cap)};` +
        (over ? `贴息${m(fen)}超过该上限,按${m(cap)}计` : `贴息${m(fen)}未超过该上限`),
      valueFen: over ? cap - fen : 0,
      ...(over ? {} : { reference: true as const }),
    });
    if (over) fen = cap;
  }

  // 5. The component's own cap; the programme's limits follow in evaluate().
  if (c.capFen !== undefined && fen > c.capFen) {
    const m = sentence(fen, c.capFen);
    steps.push({
      clause,
      description: `${c.label}:${m(fen)}超过最高${m(c.capFen)},按${m(c.capFen)}计`,
      valueFen: c.capFen - fen,
    });
    fen = c.capFen;
  }
  return { fen, steps };
}
