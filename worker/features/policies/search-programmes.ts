/**
 * 政策纵览's search: programmes of the current version whose title, clause text, applicants or category mention
 * every word of the query.
 */
import type { CompiledPolicySet } from "../../engines/policy/compile";
import { programmeView, type ProgrammeView } from "../../engines/policy/describe";
import { CATEGORIES } from "../../engines/policy/format/programme";

export function viewOf(compiled: CompiledPolicySet, id: string): ProgrammeView | null {
  const p = compiled.programmes.get(id);
  if (!p) return null;
  const doc = compiled.set.documents.find((d) => d.id === p.document);
  return programmeView(
    p,
    doc && { title: doc.title, docNumber: doc.docNumber, clauseText: doc.clauses.find((c) => c.id === p.clause)?.text },
  );
}

export function searchProgrammes(
  compiled: CompiledPolicySet,
  query: { q?: string | undefined; category?: string | undefined },
): ProgrammeView[] {
  const words = (query.q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  return compiled.list
    .filter((p) => !query.category || p.category === query.category)
    .filter((p) => {
      if (!words.length) return true;
      const doc = compiled.set.documents.find((d) => d.id === p.document);
      const hay = [
        p.id,
        p.title.zh,
        p.title.en,
        p.excerpt,
        p.applicants.zh,
        CATEGORIES[p.category],
        doc?.title ?? "",
        p.note ?? "",
      ]
        .join(" ")
        .toLowerCase();
      return words.every((w) => hay.includes(w));
    })
    .map((p) => viewOf(compiled, p.id)!);
}
