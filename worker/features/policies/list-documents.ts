/** The zone's policy documents (政策纵览), newest first within the configured order. */
import { asc } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { preparedPerDb } from "../../db/prepared";
import { policyDocuments } from "../../db/schema";

export type DocumentSummary = Awaited<ReturnType<typeof listPolicyDocuments>>[number];

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

export async function listPolicyDocuments({ db }: { db: TenantDb }) {
  return listQuery(db).all();
}
