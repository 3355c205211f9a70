/**
 * Helpers for writing a zone's policy set in tenants/<slug>/policy/: parsing
 * with the engine's zod-strict format (a typo fails `npm test`, naming the
 * zone and the path), and money as the policies write it.
 */
import { z } from "zod";
import { policySetSchema, type PolicySet, type PolicySetInput } from "../worker/engines/policy/format/policy-set";
import type { policyCaseSchema, ProgrammeInput } from "../worker/engines/policy/format/programme";

/** 万元 → fen: wan(20) is 20万元. */
export const wan = (n: number): number => Math.round(n * 1_000_000);
/** 元 → fen. */
export const yuan = (n: number): number => Math.round(n * 100);

export function definePolicySet(raw: PolicySetInput): PolicySet {
  const parsed = policySetSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`tenants/${raw.zone}/policy: invalid policy set\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Identity functions that give programme and case literals their types while writing them. */
export const programme = (p: ProgrammeInput): ProgrammeInput => p;
export const cases = (c: z.input<typeof policyCaseSchema>[]): typeof c => c;
