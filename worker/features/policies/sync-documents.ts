/**
 * Loads a zone's configured policy documents into its database, idempotently:
 * unchanged documents (same content hash) are skipped, changed ones are
 * replaced with their clauses, and documents no longer configured are removed,
 * all in one write batch. Run by `npm run db:sync` and `npm start`.
 */
import { eq, notInArray } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
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
  const { writes, result } = await documentWrites(db, zone, await storedDocumentsQuery(db));
  if (writes.length > 0) await db.batch(writes as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return result;
}

/** The stored documents' content hashes, as a query for the caller's batch. */
export const storedDocumentsQuery = (db: TenantDb) =>
  db.select({ id: policyDocuments.id, hash: policyDocuments.contentHash }).from(policyDocuments);

/**
 * The writes that bring the stored documents (`stored`: storedDocumentsQuery's answer) in line with
 * `zone.documents`, for the caller's write batch (publishing a version writes them with the version).
 */
export async function documentWrites(
  db: TenantDb,
  zone: Pick<ZoneConfig, "documents">,
  stored: readonly { id: string; hash: string }[],
): Promise<{ writes: BatchItem<"sqlite">[]; result: SyncResult }> {
  const existing = new Map(stored.map((r) => [r.id, r.hash]));
  const result: SyncResult = { inserted: [], updated: [], unchanged: [], removed: [] };
  const writes: BatchItem<"sqlite">[] = [];

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
    writes.push(
      db.delete(policyClauses).where(eq(policyClauses.documentId, doc.id)),
      db.insert(policyDocuments).values(row).onConflictDoUpdate({ target: policyDocuments.id, set: row }),
    );
    // Clauses are inserted in chunks: SQLite caps bound parameters per statement.
    for (let i = 0; i < clauses.length; i += 50) writes.push(db.insert(policyClauses).values(clauses.slice(i, i + 50)));
    (before === undefined ? result.inserted : result.updated).push(doc.id);
  }

  const keep = zone.documents.map((d) => d.id);
  const stale = [...existing.keys()].filter((id) => !keep.includes(id));
  if (stale.length > 0) {
    writes.push(
      db.delete(policyClauses).where(notInArray(policyClauses.documentId, keep)),
      db.delete(policyDocuments).where(notInArray(policyDocuments.id, keep)),
    );
    result.removed.push(...stale);
  }
  return { writes, result };
}

async function contentHash(doc: PolicyDocument, position: number): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify({ doc, position }));
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
