/**
 * Probes of the limits across applications, each with an award history that reaches the limit:
 * the year's cap already used (nothing left, or a remainder), the programme already received
 * (once; another recognition or an upgrade is not a repeat; an award older than the recognition's
 * validity is not either), the last of the years allowed and one more, and an award of the same
 * group lower or not lower than this one (就高不就低). Pure: no I/O.
 */
import { formatMoney } from "../../lib/money";
import type { CompiledProgramme, Evaluation } from "./evaluate";
import { showFact, type FactValue } from "./facts";
import type { Limit } from "./format/amounts";
import type { Award } from "./format/programme";
import { SAMPLE_TEXT } from "./propose-first-case";
import type { Variant } from "./propose-variant";

/** What an award is taken to be when the starting case's amount is not a sum (一事一议, in kind). */
const SOME_AWARD = 10_000_000;

export interface LimitContext {
  base: Record<string, FactValue>;
  /** The starting case's result: the amount the limits bite into. */
  result: Evaluation;
  /** The year of the case's date. */
  year: number;
  titleOf: (programme: string) => string;
}

const half = (fen: number) => Math.floor(fen / 200) * 100;

export function limitVariants(p: CompiledProgramme, ctx: LimitContext): Variant[] {
  const amount = ctx.result.amountFen ?? ctx.result.range?.maxFen ?? null;
  const had = amount && amount > 0 ? amount : SOME_AWARD;
  return p.limits.flatMap((l) => {
    const say = (s: string) => `${s}(${l.label})`;
    const award = (year: number, amountFen: number, extra: Partial<Award> = {}): Award => ({
      programme: p.id,
      year,
      amountFen,
      ...extra,
    });
    const v = (why: string, history: Award[], facts?: Record<string, FactValue>): Variant => ({
      tag: "限额",
      why: say(why),
      history,
      ...(facts ? { facts } : {}),
    });
    return variantsOf(l, { ...ctx, had, amount, award, v, p });
  });
}

interface Helpers extends LimitContext {
  p: CompiledProgramme;
  had: number;
  amount: number | null;
  award: (year: number, amountFen: number, extra?: Partial<Award>) => Award;
  v: (why: string, history: Award[], facts?: Record<string, FactValue>) => Variant;
}

function variantsOf(l: Limit, h: Helpers): Variant[] {
  const { year, award, v } = h;
  const m = formatMoney;
  switch (l.kind) {
    case "perEnterprisePerYear": {
      const left = half(Math.min(h.amount ?? 0, l.fen));
      return [
        v(`本年度已获满${m(l.fen)}`, [award(year, l.fen)]),
        ...(left > 0 ? [v(`本年度已获${m(l.fen - left)},尚余${m(left)}`, [award(year, l.fen - left)])] : []),
        v(`上一年度已获${m(l.fen)},不计入本年度`, [award(year - 1, l.fen)]),
      ];
    }
    case "perProject": {
      const code = h.base[l.projectFact];
      const facts = typeof code === "string" ? undefined : { [l.projectFact]: SAMPLE_TEXT };
      const project = typeof code === "string" ? code : SAMPLE_TEXT;
      const left = half(Math.min(h.amount ?? 0, l.fen));
      return [
        v(`同一项目已获${m(l.fen)}`, [award(year - 1, l.fen, { projectCode: project })], facts),
        ...(left > 0
          ? [
              v(
                `同一项目已获${m(l.fen - left)},尚余${m(left)}`,
                [award(year - 1, l.fen - left, { projectCode: project })],
                facts,
              ),
            ]
          : []),
      ];
    }
    case "once":
      return onceVariants(l, h);
    case "maxYears": {
      const years = (n: number) => Array.from({ length: n }, (_, i) => award(year - n + i, h.had));
      return [
        ...(l.years > 1 ? [v(`此前${l.years - 1}年已获支持,本年度为第${l.years}年`, years(l.years - 1))] : []),
        v(`此前${l.years}年已获支持,本年度将是第${l.years + 1}年`, years(l.years)),
      ];
    }
    case "exclusive": {
      const other = l.programmes.find((x) => x !== h.p.id);
      if (!other) return [];
      const name = h.titleOf(other);
      const lower = half(h.had);
      return [
        ...(h.amount && lower > 0
          ? [v(`本年度已享受「${name}」${m(lower)},低于本项`, [award(year, lower, { programme: other })])]
          : []),
        v(`本年度已享受「${name}」${m(h.had)},不低于本项`, [award(year, h.had, { programme: other })]),
      ];
    }
  }
}

type Once = Extract<Limit, { kind: "once" }>;

function onceVariants(l: Once, h: Helpers): Variant[] {
  const { p, base, year, award, v, had } = h;
  const out: Variant[] = [];
  // The earlier award records the facts that say which recognition it was for, as the starting case's.
  const identity = [...(l.per ?? []), ...(l.upgrade ? [l.upgrade.fact] : [])];
  const recorded = Object.fromEntries(identity.flatMap((f) => (base[f] === undefined ? [] : [[f, base[f]!]])));
  const facts = Object.keys(recorded).length ? { facts: recorded } : {};
  const within = l.validYears === 1 ? year : year - 1;
  out.push(v(`${within === year ? "本年度" : `${within}年`}已享受过本项支持`, [award(within, had, facts)]));
  if (l.validYears !== undefined)
    out.push(
      v(
        l.validYears === 1
          ? `上一年度已获支持,不属本年度重复`
          : `${year - l.validYears}年的支持已超出认定有效期${l.validYears}年`,
        [award(year - l.validYears, had, facts)],
      ),
    );
  const per = l.per?.[0];
  const f = per ? p.declared.get(per) : undefined;
  if (per && f) {
    const now = base[per] ?? (f.type === "choice" ? f.options![0]!.value : f.type === "boolean" ? true : SAMPLE_TEXT);
    const other: FactValue =
      f.type === "choice"
        ? (f.options!.find((o) => o.value !== now)?.value ?? now)
        : f.type === "boolean"
          ? !now
          : `${String(now)}-2`.slice(0, 100);
    if (other !== now)
      out.push(
        v(
          `${year - 1}年的支持针对另一${f.label.zh}(${showFact(f, other)})`,
          [award(year - 1, had, { facts: { ...recorded, [per]: other } })],
          base[per] === undefined ? { [per]: now } : undefined,
        ),
      );
  }
  if (l.upgrade) {
    const { fact, order } = l.upgrade;
    const g = p.declared.get(fact);
    const [low, high] = [order[0]!, order[order.length - 1]!];
    if (g)
      out.push(
        v(
          `${year - 1}年按${showFact(g, low)}获得支持,本次升为${showFact(g, high)}`,
          [award(year - 1, had, { facts: { ...recorded, [fact]: low } })],
          { [fact]: high },
        ),
      );
  }
  return out;
}
