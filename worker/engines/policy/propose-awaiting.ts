/**
 * A set whose only fault is programmes without test cases (a programme just added in the form):
 * parsed with every other check of the format, so the preview can propose those programmes'
 * first cases instead of stopping at the missing ones. Publishing still parses the whole set:
 * nothing here lets a programme without cases through. Pure: no I/O.
 */
import { policySetSchema, type PolicySet } from "./format/policy-set";

export interface SetAwaitingCases {
  set: PolicySet;
  /** Programmes with no case, in the set's order; empty when the set is complete. */
  uncovered: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The set, or null when something besides missing cases is wrong with it. */
export function parseSetAwaitingCases(raw: unknown): SetAwaitingCases | null {
  const whole = policySetSchema.safeParse(raw);
  if (whole.success) return { set: whole.data, uncovered: [] };
  if (!isRecord(raw) || !Array.isArray(raw.programmes) || !Array.isArray(raw.cases)) return null;
  const covered = new Set(raw.cases.map((c) => (isRecord(c) ? c.programme : undefined)));
  const uncovered = [
    ...new Set(raw.programmes.flatMap((p) => (isRecord(p) && typeof p.id === "string" ? [p.id] : []))),
  ].filter((id) => !covered.has(id));
  if (!uncovered.length) return null;
  // A stand-in case each satisfies the coverage check alone; every other problem still fails the parse.
  const standIns = uncovered.map((programme) => ({ name: "待补充的用例", programme, expect: { eligible: "unknown" } }));
  const parsed = policySetSchema.safeParse({ ...raw, cases: [...raw.cases, ...standIns] });
  if (!parsed.success) return null;
  return { set: { ...parsed.data, cases: parsed.data.cases.slice(0, raw.cases.length) }, uncovered };
}
