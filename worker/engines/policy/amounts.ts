/**
 * Computes an award's components into cited steps. Exact components add up to
 * a figure; `review` and `upTo` (最高…) components give a range set at review;
 * case-by-case (一事一议) and in-kind support are noted, never invented as a number.
 */
import { baseFacts, type Base, type Component } from "./format/amounts";
import type { Fact } from "./format/facts";
import type { Award } from "./format/programme";
import { showFact, type Facts } from "./facts";
import { formatMoney, moneyFormatter, moneyUnit } from "../../lib/money";
import { formatPercent, percentOfFen, statesAmount } from "./money";
import { computeInterest } from "./interest";
import type { LprRate } from "../../lib/lpr";

export interface Step {
  clause: string;
  description: string;
  valueFen: number;
  /** How a figure was found (an LPR stretch, a cap that did not bind): shown, never added (valueFen 0). */
  reference?: true;
}

export interface AmountTally {
  exactFen: number;
  /** Added on top of exactFen by review-set components: the range's ends. */
  reviewMinFen: number;
  reviewMaxFen: number;
  hasReview: boolean;
  caseByCase: string[];
  inKind: string[];
  steps: Step[];
  missing: string[];
  /** What earlier awards could not settle (units they did not record): each makes the result unknown. */
  unsettled: { fact: string; reason: string }[];
  /** Facts given that no figure can be computed from (a 贴息 period ending before it starts): no amount. */
  undetermined: { clause: string; reason: string }[];
}

export interface AmountContext {
  facts: Facts;
  declared: ReadonlyMap<string, Fact>;
  cite: (clause: string | undefined) => string;
  /** Whether a clause itself says 一事一议; elsewhere an amount the clause does not state is "set at review". */
  saysOneByOne: (clause: string | undefined) => boolean;
  /** This programme's earlier awards and the evaluation year, for units counted across applications. */
  earlier?: { awards: readonly Award[]; year: number };
  /** The LPR history 贴息 reads (national ∪ the zone's recorded rates). */
  lpr: readonly LprRate[];
}

export function emptyTally(): AmountTally {
  return {
    exactFen: 0,
    reviewMinFen: 0,
    reviewMaxFen: 0,
    hasReview: false,
    caseByCase: [],
    inKind: [],
    steps: [],
    missing: [],
    unsettled: [],
    undetermined: [],
  };
}

export function tallyComponents(
  components: readonly Component[],
  ctx: AmountContext,
  into: AmountTally = emptyTally(),
): AmountTally {
  for (const c of components) tallyOne(c, ctx, into);
  return into;
}

function tallyOne(c: Component, ctx: AmountContext, t: AmountTally): void {
  const value = (name: string) => ctx.facts[name];
  const add = (clause: string | undefined, description: string, fen: number, upTo: boolean | undefined) => {
    if (upTo) {
      t.hasReview = true;
      t.reviewMaxFen += fen;
      t.steps.push({
        clause: ctx.cite(clause),
        description: `${description};为最高额,具体金额评审确定`,
        valueFen: fen,
      });
    } else {
      t.exactFen += fen;
      t.steps.push({ clause: ctx.cite(clause), description, valueFen: fen });
    }
  };
  switch (c.kind) {
    case "fixed":
      // The step's figure is shown beside it; a label that states the amount in the clause's words keeps them.
      add(c.clause, statesAmount(c.label, c.fen) ? c.label : `${c.label}:${formatMoney(c.fen)}`, c.fen, c.upTo);
      return;
    case "byChoice": {
      const v = value(c.fact);
      if (typeof v !== "string") return void t.missing.push(c.fact);
      const fen = c.amounts[v] ?? 0;
      add(
        c.clause,
        `${c.label}(${showFact(ctx.declared.get(c.fact), v)}):${fen ? formatMoney(fen) : "该档无补助"}`,
        fen,
        c.upTo,
      );
      return;
    }
    case "percent": {
      const base = baseValue(c.base, ctx);
      if ("missing" in base) return void t.missing.push(...base.missing);
      let pct: number;
      if (typeof c.percent === "number") pct = c.percent;
      else {
        const choice = value(c.percent.fact);
        if (typeof choice !== "string") return void t.missing.push(c.percent.fact);
        pct = c.percent.byChoice[choice] ?? 0;
      }
      const raw = percentOfFen(base.numerator, base.denominator, pct);
      const capped = c.capFen !== undefined && raw > c.capFen;
      // One unit for the whole sentence (the base, the result, the cap); a result a fen over the cap
      // never reads as the cap.
      const unit = moneyUnit(...base.fens, raw, ...(capped ? [c.capFen!] : []));
      const m = (fen: number) => formatMoney(fen, { unit });
      const result = formatMoney(raw, { unit, near: capped ? [c.capFen!] : [] });
      add(
        c.clause,
        `${c.label}:${base.text(m)}的${formatPercent(pct)}为${result}` +
          `${capped ? `,超过最高${m(c.capFen!)},按${m(c.capFen!)}计` : ""}`,
        capped ? c.capFen! : raw,
        c.upTo,
      );
      return;
    }
    case "perUnit": {
      const n = value(c.fact);
      if (typeof n !== "number") return void t.missing.push(c.fact);
      const unit = ctx.declared.get(c.fact)?.unit ?? "";
      const label = (f: string) => ctx.declared.get(f)?.label.zh ?? f;
      const prior = (awards: readonly Award[]) => earlierUnits(awards, c.fact);
      let maxUnits = c.maxUnits;
      let priorNote = "";
      if (c.maxUnits !== undefined && c.maxUnitsPer) {
        const key = value(c.maxUnitsPer);
        // Earlier awards that may have counted units: those that did not record none.
        const relevant = (ctx.earlier?.awards ?? []).filter((a) => a.facts?.[c.fact] !== 0);
        const unclear = key === undefined ? relevant : relevant.filter((a) => a.facts?.[c.maxUnitsPer!] === undefined);
        const used = prior(relevant.filter((a) => key !== undefined && a.facts?.[c.maxUnitsPer!] === key));
        if (n > 0 && (unclear.length || used === null)) {
          const what =
            key === undefined
              ? `需提供${label(c.maxUnitsPer)}`
              : `已有该项奖励未载明${label(c.maxUnitsPer)}或${label(c.fact)}`;
          t.unsettled.push({
            fact: c.maxUnitsPer,
            reason: `${c.label}按${label(c.maxUnitsPer)}累计最多计${c.maxUnits}${unit};${what},才能核对此前已计件数`,
          });
        } else if (used) {
          maxUnits = Math.max(0, c.maxUnits - used);
          priorNote =
            `(${label(c.maxUnitsPer)}${String(key)}此前已计${used}${unit},` +
            `最多${c.maxUnits}${unit},本次最多计${maxUnits}${unit})`;
        }
      }
      const units = maxUnits !== undefined ? Math.min(n, maxUnits) : n;
      const limited = priorNote || (units < n ? `(最多计${maxUnits}${unit})` : "");
      const product = units * c.fen;
      const capped = c.capFen !== undefined && product > c.capFen;
      const capText = capped ? `,超过上限${formatMoney(c.capFen!)},按${formatMoney(c.capFen!)}计` : "";
      add(
        c.clause,
        `${c.label}:${n}${unit}${limited}×${formatMoney(c.fen)}=${formatMoney(product)}${capText}`,
        capped ? c.capFen! : product,
        c.upTo,
      );
      if (c.extra) {
        let before = 0;
        if (c.extra.perYear && ctx.earlier) {
          const thisYear = ctx.earlier.awards.filter((a) => a.year === ctx.earlier!.year);
          const used = prior(thisYear);
          if (used === null)
            t.unsettled.push({
              fact: c.fact,
              reason: `${ctx.earlier.year}年度已有${c.label}未载明${label(c.fact)},超过${c.extra.over}${unit}的追加按全年累计件数核定`,
            });
          else before = used;
        }
        const beyond = Math.max(0, before + units - c.extra.over) - Math.max(0, before - c.extra.over);
        const year = before > 0 ? `本年度此前已计${before}${unit},连同本次共${before + units}${unit},` : "";
        const note =
          beyond > 0
            ? `${year}超过${c.extra.over}${unit}的${beyond}${unit}每${unit || "件"}再加${formatMoney(c.extra.fen)}`
            : `${year}未超过${c.extra.over}${unit}(“超过”不含本数),无追加`;
        add(c.clause, `${c.label}追加:${note}`, beyond * c.extra.fen, c.upTo);
      }
      return;
    }
    case "when": {
      const v = value(c.fact);
      if (v === undefined) return void t.missing.push(c.fact);
      tallyComponents(v === c.equals ? c.then : c.otherwise, ctx, t);
      return;
    }
    case "interest": {
      const r = computeInterest(c, {
        facts: ctx.facts,
        declared: ctx.declared,
        lpr: ctx.lpr,
        clause: ctx.cite(c.clause),
      });
      if ("missing" in r) return void t.missing.push(...r.missing);
      if ("undetermined" in r) return void t.undetermined.push({ clause: ctx.cite(c.clause), reason: r.undetermined });
      if (c.upTo) {
        t.hasReview = true;
        t.reviewMaxFen += r.fen;
        const last = r.steps.at(-1)!;
        last.description += ";为最高额,具体金额评审确定";
      } else t.exactFen += r.fen;
      t.steps.push(...r.steps);
      return;
    }
    case "review": {
      t.hasReview = true;
      t.reviewMinFen += c.minFen;
      t.reviewMaxFen += c.maxFen;
      const m = moneyFormatter(c.minFen, c.maxFen);
      t.steps.push({
        clause: ctx.cite(c.clause),
        description: `${c.label}:${m(c.minFen)}至${m(c.maxFen)},经评审确定`,
        valueFen: c.maxFen,
      });
      return;
    }
    case "caseByCase": {
      // Only a clause that says 一事一议 is quoted as saying it; others simply state no figure.
      const how = ctx.saysOneByOne(c.clause) ? "一事一议" : "政策未规定具体金额";
      t.caseByCase.push(`${c.label}:${how}`);
      t.steps.push({ clause: ctx.cite(c.clause), description: `${c.label}:${how},金额经评审确定`, valueFen: 0 });
      return;
    }
    case "inKind":
      t.inKind.push(c.label);
      // Versions published before labels stopped saying it themselves must not read "(…不计入补助)(非资金支持,不计入补助金额)".
      t.steps.push({
        clause: ctx.cite(c.clause),
        description: /不计入/.test(c.label) ? c.label : `${c.label}(非资金支持,不计入补助金额)`,
        valueFen: 0,
      });
      return;
  }
}

/** Units of a fact the awards were made on, summed; null when an award did not record them. */
function earlierUnits(awards: readonly Award[], fact: string): number | null {
  let total = 0;
  for (const a of awards) {
    const v = a.facts?.[fact];
    if (typeof v !== "number") return null;
    total += v;
  }
  return total;
}

/** A percentage's base: its exact value, the amounts it names, and its text in the sentence's unit. */
type BaseValue =
  | { numerator: bigint; denominator: bigint; fens: number[]; text: (money: (fen: number) => string) => string }
  | { missing: string[] };

function baseValue(base: Base, ctx: AmountContext): BaseValue {
  const label = (n: string) => ctx.declared.get(n)?.label.zh ?? n;
  const names = baseFacts(base);
  const absent = names.filter((n) => typeof ctx.facts[n] !== "number");
  if (absent.length) return { missing: absent };
  const v = (n: string) => ctx.facts[n] as number;
  if ("fact" in base)
    return {
      numerator: BigInt(v(base.fact)),
      denominator: 1n,
      fens: [v(base.fact)],
      text: (m) => `${label(base.fact)}${m(v(base.fact))}`,
    };
  if ("increase" in base) {
    const inc = v(base.increase.current) - v(base.increase.previous);
    const [cur, prev] = [v(base.increase.current), v(base.increase.previous)];
    const text = (m: (fen: number) => string) =>
      `${label(base.increase.current)}${m(cur)}较${label(base.increase.previous)}${m(prev)}` +
      `${inc > 0 ? `新增${m(inc)}` : "没有增加(新增部分为0)"}`;
    return { numerator: BigInt(Math.max(0, inc)), denominator: 1n, fens: [cur, prev], text };
  }
  if ("sum" in base) {
    // Added in BigInt like the average: several facts of up to 10^15 fen can pass 2^53, where a float sum drops fen.
    const total = base.sum.reduce((s, n) => s + BigInt(v(n)), 0n);
    return {
      numerator: total,
      denominator: 1n,
      fens: [...base.sum.map(v), Number(total)],
      text: (m) => `${base.sum.map((n) => `${label(n)}${m(v(n))}`).join("、")}合计${m(Number(total))}`,
    };
  }
  const sum = base.average.reduce((s, n) => s + BigInt(v(n)), 0n);
  const count = BigInt(base.average.length);
  // The average is shown to the fen (rounded half up, "约" when it is not whole); the percentage is still taken of the
  // exact sum ÷ count.
  const shown = Number((sum * 2n + count) / (2n * count));
  const approx = sum % count === 0n ? "" : "约";
  const values = base.average.map(v);
  return {
    numerator: sum,
    denominator: count,
    fens: [...values, shown],
    text: (m) => `${base.average.map((n) => `${label(n)}${m(v(n))}`).join("、")}的平均数${approx}${m(shown)}`,
  };
}
