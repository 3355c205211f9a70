/**
 * Turns a validated policy set into programmes the engine evaluates: document
 * dates and the zone's names for qualifications and industries resolved once,
 * so evaluating a programme does no lookups beyond its own facts.
 */
import type { ZoneConfig } from "../../tenants/schema";
import type { CompiledProgramme } from "./evaluate";
import type { PolicySet } from "./format/programme";

export interface CompiledPolicySet {
  set: PolicySet;
  programmes: ReadonlyMap<string, CompiledProgramme>;
  /** In the order the set lists them. */
  list: readonly CompiledProgramme[];
}

type Names = Pick<ZoneConfig, "qualifications" | "priorityIndustries">;

export function compilePolicySet(set: PolicySet, zone: Names): CompiledPolicySet {
  const quals = new Map(zone.qualifications.map((q) => [q.code, q.zh]));
  const industries = new Map(zone.priorityIndustries.map((i) => [i.code, i.zh]));
  const qualificationName = (code: string) => quals.get(code) ?? code;
  const industryName = (code: string) => industries.get(code) ?? code;
  const docs = new Map(set.documents.map((d) => [d.id, d]));
  const list = set.programmes.map((p): CompiledProgramme => {
    const doc = docs.get(p.document);
    return {
      ...p,
      effectiveFrom: doc?.effectiveFrom ?? doc?.issuedOn ?? set.effectiveFrom,
      effectiveTo: doc?.effectiveTo ?? null,
      declared: new Map(p.facts.map((f) => [f.name, f])),
      // 一事一议 is marked per award item: the programme's own clause says it only if the sentence
      // the programme quotes does (another item of the same clause may be the one case by case).
      oneByOneClauses: new Set(doc?.clauses.filter((c) => c.text.includes("一事一议") && (c.id !== p.clause || p.excerpt.includes("一事一议"))).map((c) => c.id) ?? []),
      qualificationName,
      industryName,
    };
  });
  return { set, programmes: new Map(list.map((p) => [p.id, p])), list };
}
