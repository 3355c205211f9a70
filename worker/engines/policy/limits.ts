/**
 * Limits across applications, against the award history the caller passes in:
 * annual and per-project caps (which also cap this application), once only (per
 * recognition: upgrades and expired recognitions are not repeats), at most N
 * years (this year included), and exclusion groups (就高不就低,不重复享受).
 * History entries marked `inProgress` (applications in review or 公示) count the
 * same, but the reasons call them 在审, never 已享受: nothing has been awarded yet.
 */
import type { Limit } from "./format/amounts";
import type { Award } from "./format/programme";
import type { Fact } from "./format/facts";
import { showFact, type Facts, type FactValue } from "./facts";
import type { Step } from "./amounts";
import type { Outcome } from "./conditions";
import { formatMoney, moneyFormatter } from "../../lib/money";

export interface LimitCheck {
  condition: { id: string; label: string; clause: string; result: Outcome; reason: string };
  /** The amount after this limit, and the step that says why it changed. */
  amountFen: number | null;
  step?: Step;
}

export interface LimitContext {
  programmeId: string;
  year: number;
  facts: Facts;
  declared: ReadonlyMap<string, Fact>;
  history: readonly Award[];
  amountFen: number | null;
  cite: string;
}

export function applyLimit(l: Limit, index: number, ctx: LimitContext): LimitCheck {
  const scope = new Set([ctx.programmeId, ...(l.programmes ?? [])]);
  const inScope = ctx.history.filter((a) => scope.has(a.programme));
  const id = `limit-${index + 1}-${l.kind}`;
  const cond = (result: Outcome, reason: string) => ({ id, label: l.label, clause: ctx.cite, result, reason });
  const keep = (result: Outcome, reason: string): LimitCheck => ({
    condition: cond(result, reason),
    amountFen: ctx.amountFen,
  });

  const cap = (counted: readonly Award[], fen: number, what: string): LimitCheck => {
    const used = sum(counted);
    const reserved = sum(counted.filter((a) => a.inProgress));
    const remaining = Math.max(0, fen - used);
    const m = moneyFormatter(
      used,
      fen,
      ...(reserved ? [reserved] : []),
      ...(ctx.amountFen !== null ? [ctx.amountFen] : []),
    );
    // Money reserved by an application in review is not money received: say which it is.
    const got =
      reserved === 0
        ? `${what}已获${m(used)}`
        : reserved === used
          ? `${what}在审申报预留${m(used)}`
          : `${what}已获${m(used)}(含在审预留${m(reserved)})`;
    if (remaining === 0) return keep("fail", `${got},已达${ctx.cite}规定的最高${m(fen)}`);
    const usedText = used > 0 ? `${got},尚可获得${m(remaining)}` : `${what}尚未获得,最高${m(fen)}`;
    if (ctx.amountFen === null || ctx.amountFen <= remaining) return keep("pass", usedText);
    return {
      condition: cond("pass", usedText),
      amountFen: remaining,
      step: {
        clause: ctx.cite,
        description: `${l.label}:${usedText},本次按${m(remaining)}计`,
        valueFen: remaining - ctx.amountFen,
      },
    };
  };

  switch (l.kind) {
    case "perEnterprisePerYear":
      return cap(
        inScope.filter((a) => a.year === ctx.year),
        l.fen,
        `${ctx.year}年度`,
      );
    case "perProject": {
      const code = ctx.facts[l.projectFact];
      // An award's project is its recorded code, or the project fact it was made on (history carries the facts).
      const projectOf = (a: Award) =>
        a.projectCode ?? (typeof a.facts?.[l.projectFact] === "string" ? a.facts[l.projectFact] : undefined);
      if (typeof code === "string")
        return cap(
          inScope.filter((a) => projectOf(a) === code),
          l.fen,
          `项目${code}`,
        );
      const label = ctx.declared.get(l.projectFact)?.label.zh ?? "项目编号";
      // A required code makes the cap checkable; an optional one leaves it to review, and says so.
      if (!ctx.declared.get(l.projectFact)?.optional)
        return keep("unknown", `需提供${label},才能核对同一项目已获的扶持(单个项目最高${formatMoney(l.fen)})`);
      return keep("pass", `未填${label},未核对同一项目此前已获的扶持;单个项目最高${formatMoney(l.fen)},由主管部门核定`);
    }
    case "once":
      return once(l, ctx, inScope, keep);
    case "maxYears": {
      const before = inScope.filter((a) => a.year <= ctx.year);
      const years = distinctYears(before);
      const counted = years.includes(ctx.year) ? years : [...years, ctx.year];
      const had = supportedYears(before);
      if (counted.length > l.years)
        return keep("fail", `${had},连同本年度共${counted.length}年,超过${ctx.cite}规定的最多${l.years}年`);
      // A year already counted passes here; a second award in the same year is for a yearly cap
      // or a once-a-year limit to refuse.
      if (years.length === 0) return keep("pass", `最多支持${l.years}年,${ctx.year}年为第1年`);
      const total = years.includes(ctx.year) ? `(含本年度)共${counted.length}年` : `,连同本年度共${counted.length}年`;
      return keep("pass", `${had}${total},最多支持${l.years}年`);
    }
    case "exclusive": {
      const others = inScope.filter(
        (a) => a.programme !== ctx.programmeId && (l.per === "ever" || a.year === ctx.year),
      );
      const best = Math.max(0, ...others.map((a) => a.amountFen));
      if (best === 0) return keep("pass", "未享受同类补助");
      // The highest may be an application still in review: it reserves, it has not been received.
      const pending = !others.some((a) => !a.inProgress && a.amountFen === best);
      const had = pending ? "同类补助在审预留" : "已享受同类补助";
      if (ctx.amountFen === null)
        return {
          condition: cond("unknown", `${had}${formatMoney(best)};就高不就低,需算出本项金额后比较`),
          amountFen: null,
        };
      const m = moneyFormatter(best, ctx.amountFen);
      if (ctx.amountFen <= best)
        return keep("fail", `${had}${m(best)},不低于本项${m(ctx.amountFen)};就高不就低,不重复享受`);
      return {
        condition: cond("pass", `${had}${formatMoney(best)},本项较高;就高不就低,补足差额`),
        amountFen: ctx.amountFen - best,
        step: {
          clause: ctx.cite,
          description: `${l.label}:扣除${pending ? "在审预留" : "已享受"}的同类补助${formatMoney(best)}`,
          valueFen: -best,
        },
      };
    }
  }
}

type OnceLimit = Extract<Limit, { kind: "once" }>;

/**
 * Once only, per recognition. An earlier award is set aside only on evidence: its own
 * facts name another recognition or a lower level, or it lies outside the recognition's
 * validity. Otherwise it is a repeat, and the reason says which fact would show it is not.
 */
function once(
  l: OnceLimit,
  ctx: LimitContext,
  inScope: readonly Award[],
  keep: (r: Outcome, reason: string) => LimitCheck,
): LimitCheck {
  const label = (f: string) => ctx.declared.get(f)?.label.zh ?? f;
  const show = (f: string, v: FactValue) => showFact(ctx.declared.get(f), v);
  const identity = [...(l.per ?? []), ...(l.upgrade ? [l.upgrade.fact] : [])];
  const apart: string[] = [];
  const repeats: Award[] = [];
  for (const a of inScope) {
    if (l.validYears !== undefined && ctx.year - a.year >= l.validYears) {
      apart.push(
        l.validYears === 1
          ? `${a.year}年的${support(a)}属于以往年度`
          : `${a.year}年的${support(a)}属于此前的认定(有效期${l.validYears}年)`,
      );
      continue;
    }
    const other = (l.per ?? []).find(
      (f) => ctx.facts[f] !== undefined && a.facts?.[f] !== undefined && a.facts[f] !== ctx.facts[f],
    );
    if (other) {
      apart.push(`${a.year}年的${support(a)}针对另一${label(other)}(${show(other, a.facts![other]!)})`);
      continue;
    }
    if (l.upgrade) {
      const { fact, order } = l.upgrade;
      const was = order.indexOf(String(a.facts?.[fact]));
      const now = order.indexOf(String(ctx.facts[fact]));
      if (a.facts?.[fact] !== undefined && ctx.facts[fact] !== undefined && was >= 0 && was < now) {
        apart.push(
          `${a.year}年按${show(fact, a.facts[fact]!)}${a.inProgress ? "在审" : "获得支持"},本次升为${show(fact, ctx.facts[fact]!)}`,
        );
        continue;
      }
    }
    repeats.push(a);
  }
  if (repeats.length === 0)
    return keep("pass", apart.length ? `${apart.join(";")},不属重复享受` : "此前未享受过该项支持");
  // A real award is the stronger reason; applications in review are named only when nothing was awarded.
  const awarded = repeats.filter((a) => !a.inProgress);
  const years = distinctYears(awarded).join("、");
  const had = awarded.length ? `已于${years}年享受过该项支持` : pendingText(repeats);
  const missingNow = identity.filter((f) => ctx.facts[f] === undefined);
  // Asking for a fact helps only when an earlier award recorded it to compare with.
  const recorded = repeats.some((a) => missingNow.some((f) => a.facts?.[f] !== undefined));
  if (missingNow.length && recorded)
    return keep("unknown", `${had};需提供${missingNow.map(label).join("、")},才能判断本次是否为另一认定或升级`);
  // The limit's own label says the rule; "第N条规定…" would put words such as 有效期 in the clause's mouth.
  const within =
    l.validYears === 1 ? "本年度已获支持" : l.validYears !== undefined ? `在认定有效期(${l.validYears}年)内` : "";
  const unrecorded =
    identity.length && repeats.some((a) => identity.some((f) => a.facts?.[f] === undefined))
      ? `;当时的记录未载明${identity.map(label).join("、")},按同一认定计,如属另一认定或升级请补充记录`
      : "";
  if (!awarded.length)
    return keep("fail", `${pendingText(repeats)},在审结束前不能再次申报;${l.label}(${ctx.cite})${unrecorded}`);
  return keep(
    "fail",
    `已于${years}年享受${within ? `,${within}` : ""};${l.label}(${ctx.cite}),不再重复支持${unrecorded}`,
  );
}

function support(a: Award): string {
  return a.inProgress ? "在审申报" : "支持";
}

/** "已有一份在审(2026年度,审核中、公示中或退回补正)": applications not yet decided. */
function pendingText(pending: readonly Award[]): string {
  const n = pending.length === 1 ? "一" : String(pending.length);
  return `已有${n}份在审(${distinctYears(pending)
    .map((y) => `${y}年度`)
    .join("、")},审核中、公示中或退回补正)`;
}

/** "已在2024、2025年获得支持" — a year with only an application in review says so instead. */
function supportedYears(awards: readonly Award[]): string {
  const got = distinctYears(awards.filter((a) => !a.inProgress));
  const pending = distinctYears(awards.filter((a) => a.inProgress)).filter((y) => !got.includes(y));
  return [
    got.length ? `已在${got.join("、")}年获得支持` : "",
    pending.length ? `${pending.join("、")}年度有申报在审` : "",
  ]
    .filter(Boolean)
    .join(",");
}

function distinctYears(awards: readonly Award[]): number[] {
  return [...new Set(awards.map((a) => a.year))].sort((a, b) => a - b);
}

function sum(awards: readonly Award[]): number {
  return awards.reduce((s, a) => s + a.amountFen, 0);
}
