/**
 * 政策找企业: every programme of a zone evaluated for one enterprise from what
 * the platform knows, ranked by fit — eligible first (larger awards first), then
 * those that need more facts (most conditions met first), then the rest — with
 * a stable order by position in the policy set for ties.
 */
import type { CompiledPolicySet } from "./compile";
import { evaluate, type CompiledProgramme, type Evaluation } from "./evaluate";
import type { Award, Profile } from "./format/programme";
import { prefillFacts } from "./prefill";

export interface Fit {
  programme: CompiledProgramme;
  result: Evaluation;
  met: number;
  missed: number;
  untold: number;
  /** For sorting: an exact amount, or the top of a review range. */
  valueFen: number;
}

const TIER = { true: 0, unknown: 1, false: 2 } as const;

export function fitOf(programme: CompiledProgramme, profile: Profile, history: readonly Award[], date: string): Fit {
  const result = evaluate(programme, { facts: prefillFacts(programme, profile), profile, history, date });
  const count = (r: string) => result.conditions.filter((c) => c.result === r).length;
  return { programme, result, met: count("pass"), missed: count("fail"), untold: count("unknown") + result.missing.length, valueFen: result.amountFen ?? result.range?.maxFen ?? 0 };
}

export function rankProgrammesForEnterprise(set: CompiledPolicySet, profile: Profile, history: readonly Award[], date: string, opts: { kinds?: readonly string[] } = {}): Fit[] {
  const kinds = opts.kinds ?? ["enterprise"];
  const fits = set.list.filter((p) => p.applicants.kinds.some((k) => kinds.includes(k))).map((p) => fitOf(p, profile, history, date));
  const position = new Map(set.list.map((p, i) => [p.id, i]));
  return fits.sort(
    (a, b) =>
      TIER[String(a.result.eligible) as keyof typeof TIER] - TIER[String(b.result.eligible) as keyof typeof TIER] ||
      b.valueFen - a.valueFen ||
      b.met / Math.max(1, b.met + b.missed + b.untold) - a.met / Math.max(1, a.met + a.missed + a.untold) ||
      position.get(a.programme.id)! - position.get(b.programme.id)!,
  );
}
