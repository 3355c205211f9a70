/**
 * A document's validity as the zone publishes it: the policy version in force
 * carries each document (and any extension the zone published with it); a zone
 * with no version yet falls back to its configured documents.
 */
import type { PolicyDocument, ZoneConfig } from "../../../tenants/schema";
import { UNSPECIFIED_LABEL, validityOn, type ValidityStatus } from "../../lib/document-validity";
import type { LoadedPolicy } from "./current-policy";

export function documentStatuses(
  zone: Pick<ZoneConfig, "documents">,
  policy: LoadedPolicy | null,
  date: string,
): Map<string, ValidityStatus & { document: PolicyDocument }> {
  const out = new Map<string, ValidityStatus & { document: PolicyDocument }>();
  for (const d of zone.documents) out.set(d.id, { ...validityOn(d, date), document: d });
  for (const d of policy?.compiled.set.documents ?? []) out.set(d.id, { ...validityOn(d, date), document: d });
  return out;
}

/** Public JSON of a status: what the API and the pages show. */
export const validityJson = (v: ValidityStatus) => ({
  status: v.status,
  from: v.from,
  until: v.until,
  source: v.source,
  extension: v.extension,
  label: v.label,
});

/** A synced document the zone no longer configures or publishes: nothing says otherwise. */
export const UNSPECIFIED_JSON = validityJson({
  status: "unspecified",
  from: null,
  until: null,
  source: null,
  extension: null,
  label: UNSPECIFIED_LABEL,
});
