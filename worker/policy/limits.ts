/**
 * Limits across applications, against the award history the caller passes in:
 * annual and per-project caps (which also cap this application), once only, at
 * most N years, and exclusion groups (就高不就低,不重复享受).
 */
import type { Limit } from "./format/amounts";
import type { Award } from "./format/programme";
import type { Facts } from "./facts";
import type { Step } from "./amounts";
import type { Outcome } from "./conditions";
import { formatMoney, moneyFormatter } from "../lib/money";

export interface LimitCheck {
  condition: { id: string; label: string; clause: string; result: Outcome; reason: string };
  /** The amount after this limit, and the step that says why it changed. */
  amountFen: number | null;
  step?: Step;
}

export function applyLimit(l: Limit, index: number, ctx: { programmeId: string; year: number; facts: Facts; history: readonly Award[]; amountFen: number | null; cite: string }): LimitCheck {
  const scope = new Set([ctx.programmeId, ...(l.programmes ?? [])]);
  const inScope = ctx.history.filter((a) => scope.has(a.programme));
  const id = `limit-${index + 1}-${l.kind}`;
  const cond = (result: Outcome, reason: string) => ({ id, label: l.label, clause: ctx.cite, result, reason });
  const years = (awards: readonly Award[]) => [...new Set(awards.map((a) => a.year))].sort((a, b) => a - b);

  const cap = (used: number, fen: number, what: string): LimitCheck => {
    const remaining = Math.max(0, fen - used);
    const m = moneyFormatter(used, fen);
    if (remaining === 0) return { condition: cond("fail", `${what}已获${m(used)},已达${ctx.cite}规定的最高${m(fen)}`), amountFen: ctx.amountFen };
    const usedText = used > 0 ? `${what}已获${m(used)},尚可获得${m(remaining)}` : `${what}尚未获得,最高${m(fen)}`;
    if (ctx.amountFen === null || ctx.amountFen <= remaining) return { condition: cond("pass", usedText), amountFen: ctx.amountFen };
    return {
      condition: cond("pass", usedText),
      amountFen: remaining,
      step: { clause: ctx.cite, description: `${l.label}:${usedText},本次按${m(remaining)}计`, valueFen: remaining - ctx.amountFen },
    };
  };

  switch (l.kind) {
    case "perEnterprisePerYear":
      return cap(sum(inScope.filter((a) => a.year === ctx.year)), l.fen, `${ctx.year}年度`);
    case "perProject": {
      const code = ctx.facts[l.projectFact];
      const used = typeof code === "string" ? sum(inScope.filter((a) => a.projectCode === code)) : 0;
      return cap(used, l.fen, typeof code === "string" ? `项目${code}` : "本项目");
    }
    case "once":
      return inScope.length === 0
        ? { condition: cond("pass", "此前未享受过该项支持"), amountFen: ctx.amountFen }
        : { condition: cond("fail", `已于${years(inScope).join("、")}年享受,${ctx.cite}规定只支持一次`), amountFen: ctx.amountFen };
    case "maxYears": {
      const earlier = years(inScope.filter((a) => a.year !== ctx.year));
      return earlier.length < l.years
        ? { condition: cond("pass", earlier.length ? `已在${earlier.join("、")}年获得支持,最多支持${l.years}年` : `最多支持${l.years}年,此前未获支持`), amountFen: ctx.amountFen }
        : { condition: cond("fail", `已在${earlier.join("、")}年获得支持,达到${ctx.cite}规定的最多${l.years}年`), amountFen: ctx.amountFen };
    }
    case "exclusive": {
      const others = inScope.filter((a) => a.programme !== ctx.programmeId && (l.per === "ever" || a.year === ctx.year));
      const best = Math.max(0, ...others.map((a) => a.amountFen));
      if (best === 0) return { condition: cond("pass", "未享受同类补助"), amountFen: ctx.amountFen };
      if (ctx.amountFen === null) return { condition: cond("unknown", `已享受同类补助${formatMoney(best)};就高不就低,需算出本项金额后比较`), amountFen: null };
      const m = moneyFormatter(best, ctx.amountFen);
      if (ctx.amountFen <= best) return { condition: cond("fail", `已享受同类补助${m(best)},不低于本项${m(ctx.amountFen)};就高不就低,不重复享受`), amountFen: ctx.amountFen };
      return {
        condition: cond("pass", `已享受同类补助${formatMoney(best)},本项较高;就高不就低,补足差额`),
        amountFen: ctx.amountFen - best,
        step: { clause: ctx.cite, description: `${l.label}:扣除已享受的同类补助${formatMoney(best)}`, valueFen: -best },
      };
    }
  }
}

function sum(awards: readonly Award[]): number {
  return awards.reduce((s, a) => s + a.amountFen, 0);
}
