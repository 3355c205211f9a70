/**
 * What a new policy version changes against the current one, shown to the zone
 * admin before publishing and stored with the version: programmes and documents
 * added, removed and changed (with each changed path, before and after).
 */
import diff from "microdiff";
import type { PolicySet } from "./format/policy-set";

export interface FieldChange {
  path: string;
  before?: unknown;
  after?: unknown;
}
export interface ItemChange {
  id: string;
  title: string;
  fields: FieldChange[];
}
export interface PolicyDiff {
  programmes: {
    added: { id: string; title: string }[];
    removed: { id: string; title: string }[];
    changed: ItemChange[];
  };
  documents: {
    added: { id: string; title: string }[];
    removed: { id: string; title: string }[];
    changed: ItemChange[];
  };
  cases: { before: number; after: number };
  /** Label, effective date, note. */
  meta: FieldChange[];
}

type Item = { id: string };

function compareItems<T extends Item>(before: readonly T[], after: readonly T[], title: (t: T) => string) {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  return {
    added: after.filter((x) => !old.has(x.id)).map((x) => ({ id: x.id, title: title(x) })),
    removed: before.filter((x) => !now.has(x.id)).map((x) => ({ id: x.id, title: title(x) })),
    changed: after
      .filter((x) => old.has(x.id))
      .map((x) => ({ id: x.id, title: title(x), fields: fieldChanges(old.get(x.id)!, x) }))
      .filter((c) => c.fields.length > 0),
  };
}

function fieldChanges(before: object, after: object): FieldChange[] {
  return diff(before as Record<string, unknown>, after as Record<string, unknown>).map((d) => ({
    path: d.path.join("."),
    ...("oldValue" in d ? { before: d.oldValue } : {}),
    ...("value" in d ? { after: d.value } : {}),
  }));
}

export function diffPolicySets(before: PolicySet | null, after: PolicySet): PolicyDiff {
  const b = before ?? {
    ...after,
    label: "",
    effectiveFrom: "",
    note: undefined,
    documents: [],
    programmes: [],
    cases: [],
  };
  return {
    programmes: compareItems(b.programmes, after.programmes, (p) => p.title.zh),
    documents: compareItems(b.documents, after.documents, (d) => d.title),
    cases: { before: b.cases.length, after: after.cases.length },
    meta: fieldChanges(
      { label: b.label, effectiveFrom: b.effectiveFrom, note: b.note ?? null },
      { label: after.label, effectiveFrom: after.effectiveFrom, note: after.note ?? null },
    ),
  };
}

export function isEmptyDiff(d: PolicyDiff): boolean {
  const none = (x: PolicyDiff["programmes"]) => !x.added.length && !x.removed.length && !x.changed.length;
  return none(d.programmes) && none(d.documents) && d.cases.before === d.cases.after && !d.meta.length;
}
