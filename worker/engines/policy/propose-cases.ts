/**
 * Test cases the engine proposes for a programme, each with the result the current rules give:
 * every threshold and cap from both sides (./propose-boundaries.ts), every option and yes/no
 * answer the rules read (./propose-choices.ts), the limits across applications with a history
 * that reaches them (./propose-limits.ts) and the days it is open (./propose-dates.ts). Each
 * starts from one of the programme's own eligible cases; a programme with none (a new one)
 * starts from a case the engine makes and checks (./propose-first-case.ts), proposed first. The
 * admin confirms or corrects each before it is added to the set's cases, which stay data in the
 * set. Pure: no I/O.
 */
import { moneyFormatter } from "../../lib/money";
import { DEFAULT_CASE_DATE } from "./cases";
import type { CompiledPolicySet } from "./compile";
import { describeCaseFacts } from "./describe-failure";
import { evaluate, type CompiledProgramme, type Evaluation } from "./evaluate";
import { parseFacts, type FactValue } from "./facts";
import type { PolicyCase, Profile } from "./format/programme";
import { boundaryVariants } from "./propose-boundaries";
import { choiceVariants, qualificationVariants } from "./propose-choices";
import { dateVariants } from "./propose-dates";
import { proposeFirstCase } from "./propose-first-case";
import { interestVariants } from "./propose-interest";
import { limitVariants } from "./propose-limits";
import type { Variant } from "./propose-variant";

export interface ProposedCase {
  /** Stable for the same set: "<programme>:<n>", what the add form sends back. */
  key: string;
  /** Which boundary it probes, e.g. "年销售收入恰为门槛20,000万元(以上)". */
  why: string;
  case: PolicyCase;
  /** What the current rules give, in words: "符合条件,补助100万元". */
  result: string;
}

export interface ProgrammeProposals {
  cases: ProposedCase[];
  /** Why there is none, for the admin (a programme the engine found no eligible case for). */
  note?: string;
}

/**
 * At most this many per programme: a page lists them for a person to read. Thresholds and caps
 * alone reach 18 on zibo's R&D subsidy; options, limits and days add a dozen more.
 */
export const MAX_PROPOSALS = 40;
/** Of which moved numbers, so options, limits and days keep their place. */
const MAX_BOUNDARIES = 24;

function resultWords(r: Evaluation): string {
  if (r.eligible === false) return "不符合条件";
  if (r.eligible === "unknown") return "尚无法判断";
  if (r.range) {
    const m = moneyFormatter(r.range.minFen, r.range.maxFen);
    return `符合条件,评审确定${m(r.range.minFen)}至${m(r.range.maxFen)}`;
  }
  if (r.amountFen !== null) return `符合条件,补助${moneyFormatter(r.amountFen)(r.amountFen)}`;
  // Support in kind alone has no sum to set at review.
  return r.inKind.length && r.amountNote?.startsWith("非资金支持")
    ? `符合条件,${r.amountNote}`
    : "符合条件,金额经评审确定";
}

interface Start {
  facts: Record<string, FactValue>;
  profile?: Profile | undefined;
  date?: string | undefined;
  /** Made by the engine: proposed as a case of its own. */
  made: boolean;
}

/** The case proposals start from: the programme's own eligible case, else one the engine makes. */
function startOf(p: CompiledProgramme, own: readonly PolicyCase[]): Start | { note: string } {
  const template = own.find((c) => c.expect.eligible === true && !c.history.length);
  const fromCase = (c: PolicyCase): Start | null => {
    const parsed = parseFacts(p, c.facts);
    return parsed.ok ? { facts: { ...parsed.facts }, profile: c.profile, date: c.date, made: false } : null;
  };
  if (template) return fromCase(template) ?? { note: "" };
  const first = proposeFirstCase(p);
  if (first.ok) return { ...first.first, made: true };
  // Cases that are not eligible still show the thresholds from where they stand.
  return (own[0] && fromCase(own[0])) ?? { note: own.length ? "" : first.note };
}

/** The proposals for one programme, or a note saying why there are none. */
export function proposeProgrammeCases(compiled: CompiledPolicySet, programmeId: string): ProgrammeProposals {
  const p = compiled.programmes.get(programmeId);
  if (!p) return { cases: [] };
  const own = compiled.set.cases.filter((c) => c.programme === programmeId);
  const start = startOf(p, own);
  if ("note" in start) return start.note ? { cases: [], note: start.note } : { cases: [] };
  const base = start.facts;
  const date = start.date ?? DEFAULT_CASE_DATE;
  const run = (facts: Record<string, FactValue>) => evaluate(p, { facts, profile: start.profile, history: [], date });
  const baseline = run(base);
  const titleOf = (id: string) => compiled.programmes.get(id)?.title.zh ?? id;

  const variants: Variant[] = [
    ...(start.made ? [{ tag: "", why: "符合条件的起始用例" }] : []),
    ...boundaryVariants(p, base, run).slice(0, MAX_BOUNDARIES),
    ...choiceVariants(p, base),
    ...qualificationVariants(p, start.profile),
    ...limitVariants(p, { base, result: baseline, year: Number(date.slice(0, 4)), titleOf }),
    ...dateVariants(p),
    ...interestVariants(p, base),
  ];

  const keyOf = (c: Pick<PolicyCase, "facts" | "history" | "date" | "profile">) =>
    JSON.stringify([c.facts, c.history, c.date ?? DEFAULT_CASE_DATE, c.profile?.qualifications ?? null]);
  const seen = new Set(own.map(keyOf));
  const names = new Set(compiled.set.cases.map((c) => c.name));
  const out: ProposedCase[] = [];
  for (const v of variants) {
    const facts = { ...base, ...v.facts };
    const history = v.history ?? [];
    const day = v.date ?? start.date;
    const profile = v.profile ?? start.profile;
    const id = keyOf({ facts, history, date: day, profile });
    if (seen.has(id)) continue;
    seen.add(id);
    const r = evaluate(p, { facts, profile, history, date: day ?? DEFAULT_CASE_DATE });
    const expect: PolicyCase["expect"] = { eligible: r.eligible };
    if (r.range) expect.range = r.range;
    else if (r.amountFen !== null) expect.amountFen = r.amountFen;
    const stem = v.tag ? `${p.title.zh}·${v.tag}:${v.why}` : `${p.title.zh}·${v.why}`;
    let name = stem;
    for (let n = 2; names.has(name); n++) name = `${stem}(${n})`;
    names.add(name);
    const c: PolicyCase = { name, programme: p.id, facts, history, expect };
    if (profile) c.profile = profile;
    if (day) c.date = day;
    out.push({
      key: `${p.id}:${out.length + 1}`,
      why: `${v.why}:${describeCaseFacts(p, c, v.near, titleOf)}`,
      case: c,
      result: resultWords(r),
    });
    if (out.length >= MAX_PROPOSALS) break;
  }
  return { cases: out };
}

/** The proposals for one programme; none when the engine finds no case to start from. */
export function proposeCases(compiled: CompiledPolicySet, programmeId: string): ProposedCase[] {
  return proposeProgrammeCases(compiled, programmeId).cases;
}
