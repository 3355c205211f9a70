/** The zone's policy documents (政策纵览), newest first within the configured order, each with its validity on `date`. */
import { asc } from "drizzle-orm";
import { preparedPerDb } from "../../db/prepared";
import { policyDocuments } from "../../db/schema";
import { loadCurrentPolicy } from "./current-policy";
import { documentStatuses, UNSPECIFIED_JSON, validityJson } from "./document-status";
import type { RequestCtx } from "../../middleware/request-ctx";

// Runs on every zone home page and /api/v1/policies, so it is prepared once per zone database.
const listQuery = preparedPerDb((db) =>
  db
    .select({
      id: policyDocuments.id,
      title: policyDocuments.title,
      docNumber: policyDocuments.docNumber,
      issuer: policyDocuments.issuer,
      issuedOn: policyDocuments.issuedOn,
      level: policyDocuments.level,
      summary: policyDocuments.summary,
      clauseCount: policyDocuments.clauseCount,
    })
    .from(policyDocuments)
    .orderBy(asc(policyDocuments.position))
    .prepare(),
);

/** The documents as synced, without validity (the table has no column for it). */
export async function listPolicyDocuments({ db }: Pick<RequestCtx, "db">) {
  return listQuery(db).all();
}

/**
 * The documents with their validity on `date` (YYYY-MM-DD, Asia/Shanghai), read
 * from the version in force — which may extend a document — or the zone's configuration.
 */
export async function listPolicyDocumentsOn({ db, zone }: Pick<RequestCtx, "db" | "zone">, date: string) {
  const [rows, policy] = await Promise.all([listQuery(db).all(), loadCurrentPolicy({ db, zone }, date)]);
  const statuses = documentStatuses(zone, policy, date);
  return rows.map((r) => {
    const s = statuses.get(r.id);
    return { ...r, validity: s ? validityJson(s) : UNSPECIFIED_JSON };
  });
}
