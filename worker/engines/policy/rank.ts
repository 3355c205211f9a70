/**
 * 政策找企业: every programme of a zone evaluated for one enterprise from what
 * the platform knows, ranked by fit, in tiers:
 *   eligible   — eligible, and at least one condition was checked against its
 *                records (a figure, a verified qualification);
 *   confirm    — nothing fails, but nothing could be checked either: the
 *                programme asks only for who the applicant is (e.g. "a project
 *                in a co-built institute"), which the enterprise must confirm;
 *   unknown    — some condition needs a fact the platform does not have;
 *   ineligible — a condition fails.
 * Within a tier: larger awards first (eligible, confirm), most conditions met
 * first (unknown, ineligible); ties keep the policy set's order.
 */
import type { CompiledPolicySet } from "./compile";
import { evaluate, type CompiledProgramme, type Evaluation } from "./evaluate";
import type { Award, Profile } from "./format/programme";
import { prefillFacts } from "./prefill";

export type FitTier = "eligible" | "confirm" | "unknown" | "ineligible";

export interface Fit {
  programme: CompiledProgramme;
  result: Evaluation;
  tier: FitTier;
  met: number;
  missed: number;
  untold: number;
  /** For sorting: an exact amount, or the top of a review range. */
  valueFen: number;
}

const ORDER: Record<FitTier, number> = { eligible: 0, confirm: 1, unknown: 2, ineligible: 3 };

/** Conditions that hold for everyone on the day (dates, limits) say nothing about this enterprise. */
const aboutTheEnterprise = (id: string) => !id.startsWith("limit-") && id !== "effective" && id !== "window";

export function tierOf(result: Evaluation): FitTier {
  if (result.eligible === false) return "ineligible";
  if (result.eligible === "unknown") return "unknown";
  return result.conditions.some((c) => c.result === "pass" && aboutTheEnterprise(c.id)) ? "eligible" : "confirm";
}

export function fitOf(programme: CompiledProgramme, profile: Profile, history: readonly Award[], date: string): Fit {
  const result = evaluate(programme, { facts: prefillFacts(programme, profile), profile, history, date });
  const count = (r: string) => result.conditions.filter((c) => c.result === r).length;
  return {
    programme,
    result,
    tier: tierOf(result),
    met: count("pass"),
    missed: count("fail"),
    untold: count("unknown") + result.missing.length,
    valueFen: result.amountFen ?? result.range?.maxFen ?? 0,
  };
}

const share = (f: Fit) => f.met / Math.max(1, f.met + f.missed + f.untold);

export function compareFits(a: Fit, b: Fit): number {
  const byTier = ORDER[a.tier] - ORDER[b.tier];
  if (byTier) return byTier;
  return a.tier === "eligible" || a.tier === "confirm"
    ? b.valueFen - a.valueFen || share(b) - share(a)
    : share(b) - share(a) || b.valueFen - a.valueFen;
}

export function rankProgrammesForEnterprise(
  set: CompiledPolicySet,
  profile: Profile,
  history: readonly Award[],
  date: string,
  opts: { kinds?: readonly string[] } = {},
): Fit[] {
  const kinds = opts.kinds ?? ["enterprise"];
  const position = new Map(set.list.map((p, i) => [p.id, i]));
  return set.list
    .filter((p) => p.applicants.kinds.some((k) => kinds.includes(k)))
    .map((p) => fitOf(p, profile, history, date))
    .sort((a, b) => compareFits(a, b) || position.get(a.programme.id)! - position.get(b.programme.id)!);
}
