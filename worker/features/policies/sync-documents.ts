/**
 * Loads a zone's configured policy documents into its database, idempotently:
 * unchanged documents (same content hash) are skipped, changed ones are
 * replaced with their clauses in one write batch, and documents no longer
 * configured are removed. Run by `npm run db:sync` and `npm start`.
 */
import { eq, notInArray } from "drizzle-orm";
import type { PolicyDocument, ZoneConfig } from "../../../tenants/schema";
import type { TenantDb } from "../../db/open";
import { policyClauses, policyDocuments } from "../../db/schema";

export interface SyncResult {
  inserted: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
}

export async function syncPolicyDocuments({
  db,
  zone,
}: {
  db: TenantDb;
  zone: Pick<ZoneConfig, "documents">;
}): Promise<SyncResult> {
  const existing = new Map(
    (await db.select({ id: policyDocuments.id, hash: policyDocuments.contentHash }).from(policyDocuments)).map((r) => [
      r.id,
      r.hash,
    ]),
  );
  const result: SyncResult = { inserted: [], updated: [], unchanged: [], removed: [] };

  for (const [position, doc] of zone.documents.entries()) {
    const hash = await contentHash(doc, position);
    const before = existing.get(doc.id);
    if (before === hash) {
      result.unchanged.push(doc.id);
      continue;
    }
    const row = {
      id: doc.id,
      title: doc.title,
      docNumber: doc.docNumber,
      issuer: doc.issuer,
      issuedOn: doc.issuedOn,
      level: doc.level,
      summary: doc.summary,
      sourceSeed: doc.source.seed,
      sourceUrl: doc.source.url,
      clauseCount: doc.clauses.length,
      contentHash: hash,
      position,
      syncedAt: new Date().toISOString(),
    };
    const clauses = doc.clauses.map((c, i) => ({
      documentId: doc.id,
      clauseId: c.id,
      position: i,
      label: c.label,
      section: c.section,
      text: c.text,
    }));
    // Clauses are inserted in chunks: SQLite caps bound parameters per statement.
    const chunks = [];
    for (let i = 0; i < clauses.length; i += 50) chunks.push(db.insert(policyClauses).values(clauses.slice(i, i + 50)));
    await db.batch([
      db.delete(policyClauses).where(eq(policyClauses.documentId, doc.id)),
      db.insert(policyDocuments).values(row).onConflictDoUpdate({ target: policyDocuments.id, set: row }),
      ...chunks,
    ]);
    (before === undefined ? result.inserted : result.updated).push(doc.id);
  }

  const keep = zone.documents.map((d) => d.id);
  const stale = [...existing.keys()].filter((id) => !keep.includes(id));
  if (stale.length > 0) {
    await db.batch([
      db.delete(policyClauses).where(notInArray(policyClauses.documentId, keep)),
      db.delete(policyDocuments).where(notInArray(policyDocuments.id, keep)),
    ]);
    result.removed.push(...stale);
  }
  return result;
}

async function contentHash(doc: PolicyDocument, position: number): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify({ doc, position }));
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
