/** One policy document with its clauses in order, or a 404 that says which. */
import { asc, eq } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { policyClauses, policyDocuments } from "../../db/schema";
import { AppError } from "../../lib/errors";

export type DocumentWithClauses = Awaited<ReturnType<typeof getPolicyDocument>>;

export async function getPolicyDocument({ db }: { db: TenantDb }, id: string) {
  const [doc, clauses] = await db.batch([
    db.select().from(policyDocuments).where(eq(policyDocuments.id, id)).limit(1),
    db
      .select({ id: policyClauses.clauseId, label: policyClauses.label, section: policyClauses.section, text: policyClauses.text })
      .from(policyClauses)
      .where(eq(policyClauses.documentId, id))
      .orderBy(asc(policyClauses.position)),
  ]);
  const row = doc[0];
  if (!row) throw new AppError("not_found", `没有编号为「${id}」的政策文件。`);
  const { contentHash: _hash, position: _pos, syncedAt, ...document } = row;
  return { ...document, syncedAt, clauses };
}
