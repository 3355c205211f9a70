/**
 * Runs a policy set's test cases (input facts → expected eligibility and
 * amount). `npm test` runs every zone's cases, and a version whose cases fail
 * cannot be published. `problems` are for developers (the CLI, the API's
 * existing field); `zh` says the same to the zone admin (./describe-failure.ts).
 */
import type { CompiledPolicySet } from "./compile";
import { describeCaseFailure, type CaseMismatch } from "./describe-failure";
import { evaluate, type Evaluation } from "./evaluate";
import { parseFacts } from "./facts";
import type { PolicyCase } from "./format/programme";

export interface CaseOutcome {
  name: string;
  programme: string;
  passed: boolean;
  problems: string[];
  /** One Chinese sentence naming the case's facts and how it differs; absent when it passed. */
  zh?: string;
  result?: Evaluation;
}

/**
 * Cases are evaluated on this date unless they name one: a fixed day, so a case never
 * changes meaning with the calendar.
 */
export const DEFAULT_CASE_DATE = "2026-06-30";

/** Why an exact amount is not the sum of its steps, or null; an ineligible result's steps are not asked to add up. */
export function unaccountedSteps(result: Pick<Evaluation, "amountFen" | "eligible" | "steps">): string | null {
  if (result.amountFen === null || result.eligible === false) return null;
  const total = result.steps.reduce((s, x) => s + x.valueFen, 0);
  return total === result.amountFen ? null : `steps add up to ${total}, amount is ${result.amountFen}`;
}

export function runCase(compiled: CompiledPolicySet, c: PolicyCase): CaseOutcome {
  const base = { name: c.name, programme: c.programme };
  const programme = compiled.programmes.get(c.programme);
  const none: CaseMismatch = { conditions: [], explains: [] };
  if (!programme)
    return {
      ...base,
      passed: false,
      problems: [`no programme ${c.programme}`],
      zh: describeCaseFailure(undefined, c, undefined, none),
    };
  const facts = parseFacts(programme, c.facts);
  if (!facts.ok) {
    const problems = Object.values(facts.errors);
    const fields = Object.entries(facts.errors).map(([n, m]) => `${programme.declared.get(n)?.label.zh ?? n}${m}`);
    return { ...base, passed: false, problems, zh: `用例「${c.name}」所填信息有误:${fields.join(";")}` };
  }
  const result = evaluate(programme, {
    facts: facts.facts,
    profile: c.profile,
    history: c.history,
    date: c.date ?? DEFAULT_CASE_DATE,
  });
  const problems: string[] = [];
  const miss: CaseMismatch = { conditions: [], explains: [] };
  const e = c.expect;
  if (result.eligible !== e.eligible) {
    problems.push(`eligible: expected ${e.eligible}, got ${result.eligible}`);
    miss.eligible = true;
  }
  if (e.amountFen !== undefined && result.amountFen !== e.amountFen) {
    problems.push(`amountFen: expected ${e.amountFen}, got ${result.amountFen}`);
    miss.amount = true;
  }
  if (e.range && (result.range?.minFen !== e.range.minFen || result.range?.maxFen !== e.range.maxFen)) {
    problems.push(`range: expected ${JSON.stringify(e.range)}, got ${JSON.stringify(result.range)}`);
    miss.range = true;
  }
  for (const [id, want] of Object.entries(e.conditions ?? {})) {
    const got = result.conditions.find((x) => x.id === id)?.result;
    if (got !== want) {
      problems.push(`condition ${id}: expected ${want}, got ${got ?? "absent"}`);
      miss.conditions.push(id);
    }
  }
  if (e.missing) {
    const got = result.missing.map((m) => m.fact).sort();
    if (JSON.stringify(got) !== JSON.stringify([...e.missing].sort())) {
      problems.push(`missing: expected ${e.missing.join(",")}, got ${got.join(",")}`);
      miss.missing = true;
    }
  }
  const text = [
    ...result.conditions.map((x) => x.reason),
    ...result.steps.map((s) => `${s.clause} ${s.description}`),
    result.amountNote ?? "",
  ].join("\n");
  for (const phrase of e.explains ?? [])
    if (!text.includes(phrase)) {
      problems.push(`explanation lacks "${phrase}"`);
      miss.explains.push(phrase);
    }
  // Exact amounts must be accounted for, step by step.
  const unaccounted = unaccountedSteps(result);
  if (unaccounted) {
    problems.push(unaccounted);
    miss.steps = true;
  }
  const passed = problems.length === 0;
  return {
    ...base,
    passed,
    problems,
    ...(passed ? {} : { zh: describeCaseFailure(programme, c, result, miss) }),
    result,
  };
}

export function runCases(compiled: CompiledPolicySet): CaseOutcome[] {
  return compiled.set.cases.map((c) => runCase(compiled, c));
}

/**
 * The set with the named cases' expectations replaced by what the current rules give (the
 * admin read the failure and accepted the new result): eligibility, and the amount or range
 * where the case stated one. Explanation phrases the result no longer contains are dropped.
 */
export function acceptCaseResults(compiled: CompiledPolicySet, indices: readonly number[]) {
  const cases = compiled.set.cases.map((c, i) => {
    if (!indices.includes(i)) return c;
    const r = runCase(compiled, c).result;
    if (!r) return c;
    const e = { ...c.expect, eligible: r.eligible };
    if (e.amountFen !== undefined || r.amountFen !== null) e.amountFen = r.amountFen;
    if (e.range !== undefined) {
      if (r.range) e.range = r.range;
      else delete e.range;
    }
    if (e.conditions)
      e.conditions = Object.fromEntries(
        Object.keys(e.conditions).flatMap((id) => {
          const got = r.conditions.find((x) => x.id === id)?.result;
          return got ? [[id, got]] : [];
        }),
      );
    if (e.missing) e.missing = r.missing.map((m) => m.fact);
    if (e.explains) {
      const text = [...r.conditions.map((x) => x.reason), ...r.steps.map((s) => `${s.clause} ${s.description}`)]
        .concat(r.amountNote ?? "")
        .join("\n");
      e.explains = e.explains.filter((ph) => text.includes(ph));
      if (!e.explains.length) delete e.explains;
    }
    return { ...c, expect: e };
  });
  return { ...compiled.set, cases };
}
