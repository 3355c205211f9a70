/**
 * Runs a policy set's test cases (input facts → expected eligibility and
 * amount). `npm test` runs every zone's cases, and a version whose cases fail
 * cannot be published.
 */
import type { CompiledPolicySet } from "./compile";
import { evaluate, type Evaluation } from "./evaluate";
import { parseFacts } from "./facts";
import type { PolicyCase } from "./format/programme";

export interface CaseOutcome {
  name: string;
  programme: string;
  passed: boolean;
  problems: string[];
  result?: Evaluation;
}

/**
 * Cases are evaluated on this date unless they name one: a fixed day, so a case never
 * changes meaning with the calendar.
 */
export const DEFAULT_CASE_DATE = "2026-06-30";

export function runCase(compiled: CompiledPolicySet, c: PolicyCase): CaseOutcome {
  const base = { name: c.name, programme: c.programme };
  const programme = compiled.programmes.get(c.programme);
  if (!programme) return { ...base, passed: false, problems: [`no programme ${c.programme}`] };
  const facts = parseFacts(programme, c.facts);
  if (!facts.ok) return { ...base, passed: false, problems: Object.values(facts.errors) };
  const result = evaluate(programme, {
    facts: facts.facts,
    profile: c.profile,
    history: c.history,
    date: c.date ?? DEFAULT_CASE_DATE,
  });
  const problems: string[] = [];
  const e = c.expect;
  if (result.eligible !== e.eligible) problems.push(`eligible: expected ${e.eligible}, got ${result.eligible}`);
  if (e.amountFen !== undefined && result.amountFen !== e.amountFen)
    problems.push(`amountFen: expected ${e.amountFen}, got ${result.amountFen}`);
  if (e.range && (result.range?.minFen !== e.range.minFen || result.range?.maxFen !== e.range.maxFen))
    problems.push(`range: expected ${JSON.stringify(e.range)}, got ${JSON.stringify(result.range)}`);
  for (const [id, want] of Object.entries(e.conditions ?? {})) {
    const got = result.conditions.find((x) => x.id === id)?.result;
    if (got !== want) problems.push(`condition ${id}: expected ${want}, got ${got ?? "absent"}`);
  }
  if (e.missing) {
    const got = result.missing.map((m) => m.fact).sort();
    if (JSON.stringify(got) !== JSON.stringify([...e.missing].sort()))
      problems.push(`missing: expected ${e.missing.join(",")}, got ${got.join(",")}`);
  }
  const text = [
    ...result.conditions.map((x) => x.reason),
    ...result.steps.map((s) => `${s.clause} ${s.description}`),
    result.amountNote ?? "",
  ].join("\n");
  for (const phrase of e.explains ?? []) if (!text.includes(phrase)) problems.push(`explanation lacks "${phrase}"`);
  // Exact amounts must be accounted for, step by step.
  if (result.amountFen !== null && result.eligible !== false) {
    const total = result.steps.reduce((s, x) => s + x.valueFen, 0);
    if (total !== result.amountFen) problems.push(`steps add up to ${total}, amount is ${result.amountFen}`);
  }
  return { ...base, passed: problems.length === 0, problems, result };
}

export function runCases(compiled: CompiledPolicySet): CaseOutcome[] {
  return compiled.set.cases.map((c) => runCase(compiled, c));
}
