/**
 * Turns a validated policy set into programmes the engine evaluates: document
 * dates and the zone's names for qualifications and industries resolved once,
 * so evaluating a programme does no lookups beyond its own facts.
 *
 * A programme's effective period is its document's (decision 0013): the end is
 * the zone's published extension, else the document's own `effectiveTo`, else
 * the `validity.until` its text prints; the start is `effectiveFrom`, else
 * `validity.from`, else the issue date. So every evaluation — estimate, matches,
 * 政策找企业, 免申即享 notices, submit — refuses an expired plan the same way.
 */
import type { PolicyDocument, ZoneConfig } from "../../../tenants/schema";
import type { CompiledProgramme } from "./evaluate";
import type { PolicySet } from "./format/policy-set";

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
      ...periodOf(doc, set.effectiveFrom),
      declared: new Map(p.facts.map((f) => [f.name, f])),
      // 一事一议 is marked per award item: the programme's own clause says it only if the sentence
      // the programme quotes does (another item of the same clause may be the one case by case).
      oneByOneClauses: new Set(
        doc?.clauses
          .filter((c) => c.text.includes("一事一议") && (c.id !== p.clause || p.excerpt.includes("一事一议")))
          .map((c) => c.id) ?? [],
      ),
      qualificationName,
      industryName,
    };
  });
  return { set, programmes: new Map(list.map((p) => [p.id, p])), list };
}

/** The effective period a programme takes from its document, and what its reasons name. */
export function periodOf(
  doc: PolicyDocument | undefined,
  fallbackFrom: string,
): Pick<CompiledProgramme, "effectiveFrom" | "effectiveTo" | "period"> {
  const dated = doc?.validity && !("unspecified" in doc.validity) ? doc.validity : undefined;
  const printedTo = doc?.effectiveTo ?? dated?.until ?? null;
  return {
    effectiveFrom: doc?.effectiveFrom ?? dated?.from ?? doc?.issuedOn ?? fallbackFrom,
    effectiveTo: doc?.extension?.until ?? printedTo,
    period: {
      document: doc ? `“${doc.title}”${doc.docNumber ? `(${doc.docNumber})` : ""}` : "政策文件",
      printedTo,
      extendedBy: doc?.extension?.by ?? null,
    },
  };
}
