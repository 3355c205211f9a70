/**
 * The engine: one programme against an enterprise's facts, profile and award
 * history on a date. Pure: plain data in, plain data out, no I/O and no clock.
 *
 * - Conditions come from the programme, from who may apply (only when a profile
 *   is given: an anonymous estimate assumes an applicant of the kind the
 *   programme names, and says so in `assumed`), from its effective period (its
 *   document's validity and any published extension, decision 0013) and
 *   application windows, and from its limits over the history.
 * - eligible is false when any condition fails, "unknown" when none fails but a
 *   condition or a required fact is missing, true otherwise.
 * - Amount steps carry their clause; for an exact amount they add up to amountFen.
 */
import { emptyTally, tallyComponents, type Step } from "./amounts";
import { citeClause } from "./citation";
import { evaluateTest, ratioThresholdsOf, type Outcome } from "./conditions";
import type { Facts } from "./facts";
import type { Fact } from "./format/facts";
import type { Award, Profile, Programme } from "./format/programme";
import { applyLimit } from "./limits";
import { NATIONAL_LPR, type LprRate } from "../../lib/lpr";
import { moneyFormatter } from "../../lib/money";

/** A programme ready to evaluate: what it needs from its document and zone, resolved once. */
export interface CompiledProgramme extends Programme {
  /** From its document (compile.ts periodOf): inclusive, YYYY-MM-DD; null where nothing ends it. */
  effectiveFrom: string;
  effectiveTo: string | null;
  /** What the effective-period reason names: the document, its printed end and any extension notice. */
  period: { document: string; printedTo: string | null; extendedBy: string | null };
  declared: ReadonlyMap<string, Fact>;
  /** Clauses of its document whose text says 一事一议. */
  oneByOneClauses: ReadonlySet<string>;
  qualificationName: (code: string) => string;
  industryName: (code: string) => string;
}

export interface EvaluationInput {
  facts: Facts;
  profile?: Profile | undefined;
  history?: readonly Award[] | undefined;
  /** The day of the evaluation in Asia/Shanghai, YYYY-MM-DD: effective dates, windows and "this year". */
  date: string;
  /** The LPR history a 贴息 component reads: lprSeries(zone's finance.lpr); NATIONAL_LPR when absent. */
  lpr?: readonly LprRate[] | undefined;
}

export interface ConditionResult {
  id: string;
  label: string;
  clause: string;
  result: Outcome;
  reason: string;
}

export interface Evaluation {
  programme: string;
  eligible: true | false | "unknown";
  conditions: ConditionResult[];
  /** Facts to provide before the answer can be certain. */
  missing: { fact: string; label: string }[];
  amountFen: number | null;
  amountNote?: string;
  /** For amounts set at review: the range the clause allows, after limits. */
  range?: { minFen: number; maxFen: number };
  /** Support in kind, recorded and never summed. */
  inKind: string[];
  steps: Step[];
  /** What an estimate without a profile took for granted. */
  assumed: string[];
}

/** What the effective-period check reads of a programme. */
export type PeriodOf = Pick<CompiledProgramme, "effectiveFrom" | "effectiveTo" | "period">;

/**
 * Why `date` is outside the programme's document's period (decision 0013), else
 * null. evaluate() turns it into the failing "effective" condition of every result;
 * the subsidy services ask it first, so an expired plan is refused before the form is checked.
 */
export function outsideEffectivePeriod(p: PeriodOf, date: string): { reason: string } | null {
  if (date < p.effectiveFrom) return { reason: `${p.period.document}自${p.effectiveFrom}起施行,尚未施行` };
  if (p.effectiveTo === null || date <= p.effectiveTo) return null;
  const { document, printedTo, extendedBy } = p.period;
  const extended =
    extendedBy && printedTo && printedTo !== p.effectiveTo ? `(原定至${printedTo},园区已按${extendedBy}延期)` : "";
  return { reason: `${document}有效期至${p.effectiveTo},已到期${extended}` };
}

export function evaluate(p: CompiledProgramme, input: EvaluationInput): Evaluation {
  const cite = (clause: string | undefined) => citeClause(clause ?? p.clause);
  const conditions: ConditionResult[] = [];
  const missing = new Set<string>();
  const assumed: string[] = [];

  // Who may apply: checked against a profile, assumed without one.
  for (const code of p.applicants.qualifications) {
    if (input.profile) {
      const ok = input.profile.qualifications.includes(code);
      conditions.push({
        id: `applicant-${code}`,
        label: `申报主体为${p.qualificationName(code)}`,
        clause: cite(undefined),
        result: ok ? "pass" : "fail",
        reason: ok
          ? `持有经核验、在有效期内的${p.qualificationName(code)}资格`
          : `没有经核验、在有效期内的${p.qualificationName(code)}资格`,
      });
    } else assumed.push(`按申报主体为${p.qualificationName(code)}估算`);
  }
  if (p.applicants.industries.length) {
    const names = p.applicants.industries.map(p.industryName).join("、");
    if (input.profile) {
      const ind = input.profile.industry;
      const result: Outcome = !ind ? "unknown" : p.applicants.industries.includes(ind) ? "pass" : "fail";
      conditions.push({
        id: "applicant-industry",
        label: `所属行业为${names}`,
        clause: cite(undefined),
        result,
        reason: ind ? `所属行业为${p.industryName(ind)}` : "企业资料未填所属行业",
      });
    } else assumed.push(`按所属行业为${names}估算`);
  }

  const outside = outsideEffectivePeriod(p, input.date);
  if (outside)
    conditions.push({
      id: "effective",
      label: "政策文件在有效期内",
      clause: cite(undefined),
      result: "fail",
      reason: outside.reason,
    });
  if (p.windows.length && !p.windows.some((w) => input.date >= w.from && input.date <= w.to)) {
    conditions.push({
      id: "window",
      label: "在申报期内",
      clause: cite(undefined),
      result: "fail",
      reason: `不在申报期内(申报期:${p.windows.map((w) => `${w.from}至${w.to}`).join(";")})`,
    });
  }

  const ratioThresholds = ratioThresholdsOf(p.conditions.map((c) => c.test));
  for (const c of p.conditions) {
    const r = evaluateTest(c.test, {
      facts: input.facts,
      declared: p.declared,
      profile: input.profile,
      cite: cite(c.clause),
      qualificationName: p.qualificationName,
      industryName: p.industryName,
      ratioThresholds,
    });
    conditions.push({ id: c.id, label: c.label, clause: cite(c.clause), result: r.result, reason: r.reason });
    for (const m of r.missing) missing.add(m);
  }

  const year = Number(input.date.slice(0, 4));
  const history = input.history ?? [];
  const earlier = { awards: history.filter((a) => a.programme === p.id), year };
  const tally = tallyComponents(
    p.amount,
    {
      facts: input.facts,
      declared: p.declared,
      cite,
      saysOneByOne: (clause) => p.oneByOneClauses.has(clause ?? p.clause),
      earlier,
      lpr: input.lpr ?? NATIONAL_LPR,
    },
    emptyTally(),
  );
  // Given facts that no figure follows from (a 贴息 period ending before it starts): the amount waits for them.
  tally.undetermined.forEach((u, i) => {
    conditions.push({
      id: `amount-facts-${i + 1}`,
      label: "计算金额所需信息有效",
      clause: u.clause,
      result: "unknown",
      reason: u.reason,
    });
  });
  // Units counted across applications that earlier awards did not record: the amount waits for them.
  tally.unsettled.forEach((u, i) => {
    conditions.push({
      id: `history-units-${i + 1}`,
      label: "与此前奖励累计计算",
      clause: cite(undefined),
      result: "unknown",
      reason: u.reason,
    });
  });
  for (const m of tally.missing) missing.add(m);
  for (const f of p.facts) if (!f.optional && input.facts[f.name] === undefined) missing.add(f.name);

  let amountFen: number | null = tally.missing.length || tally.undetermined.length ? null : tally.exactFen;
  let rangeMax: number | null = tally.hasReview && amountFen !== null ? amountFen + tally.reviewMaxFen : null;
  // What exclusion groups take off a range: 就高不就低 deducts the other award from whatever
  // the review sets, so from the bottom of the range as well as the top (a cap only lowers the top).
  let rangeDeducted = 0;
  const steps = [...tally.steps];
  p.limits.forEach((l, i) => {
    // An exact amount is limited as it stands; a range is limited at its top. A case-by-case
    // (一事一议) amount is not known: limiting its exact part (often 0) made 就高不就低 fail against 0.
    const subject = tally.caseByCase.length ? null : (rangeMax ?? amountFen);
    const check = applyLimit(l, i, {
      programmeId: p.id,
      year,
      facts: input.facts,
      declared: p.declared,
      history,
      amountFen: subject,
      cite: cite(l.clause),
    });
    conditions.push(check.condition);
    if (check.step && check.amountFen !== null) {
      steps.push(check.step);
      if (rangeMax !== null) {
        if (l.kind === "exclusive") rangeDeducted += rangeMax - check.amountFen;
        rangeMax = check.amountFen;
      } else amountFen = check.amountFen;
    }
  });

  const eligible: Evaluation["eligible"] = conditions.some((c) => c.result === "fail")
    ? false
    : conditions.some((c) => c.result === "unknown") || missing.size
      ? "unknown"
      : true;
  const result: Evaluation = {
    programme: p.id,
    eligible,
    conditions,
    missing: [...missing].map((name) => ({ fact: name, label: p.declared.get(name)?.label.zh ?? name })),
    amountFen,
    inKind: tally.inKind,
    steps,
    assumed,
  };
  if (eligible === false) {
    result.amountFen = 0;
    result.steps = [];
    result.amountNote = `不符合条件:${conditions
      .filter((c) => c.result === "fail")
      .map((c) => c.reason)
      .join(";")}`;
    return result;
  }
  if (amountFen === null) {
    const needs = result.missing.length ? `需提供${result.missing.map((m) => m.label).join("、")}后才能计算金额` : "";
    result.amountNote = [needs, ...tally.undetermined.map((u) => u.reason)].filter(Boolean).join(";");
    return result;
  }
  if (tally.caseByCase.length) {
    result.amountFen = null;
    result.amountNote = `${tally.caseByCase.join(";")},金额经评审确定`;
  } else if (rangeMax !== null) {
    const min = Math.max(0, Math.min(amountFen + tally.reviewMinFen - rangeDeducted, rangeMax));
    result.amountFen = null;
    result.range = { minFen: min, maxFen: rangeMax };
    const m = moneyFormatter(min, rangeMax);
    result.amountNote =
      min === rangeMax
        ? `金额经评审确定,为${m(rangeMax)}`
        : min > 0
          ? `金额经评审确定,在${m(min)}至${m(rangeMax)}之间`
          : `金额经评审确定,最高${m(rangeMax)}`;
  } else if (tally.inKind.length && steps.every((s) => s.valueFen === 0)) {
    result.amountFen = null;
    result.amountNote = `非资金支持:${tally.inKind.join("、")}`;
  }
  if (tally.inKind.length && result.amountNote === undefined)
    result.amountNote = `另有非资金支持:${tally.inKind.join("、")}(不计入金额)`;
  return result;
}
