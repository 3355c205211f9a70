/** One policy document with its clauses in order and its validity on `date`, or a 404 that says which. */
import { asc, eq } from "drizzle-orm";
import { policyClauses, policyDocuments } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { loadCurrentPolicy } from "./current-policy";
import { documentStatuses, UNSPECIFIED_JSON, validityJson } from "./document-status";
import type { RequestCtx } from "../../middleware/request-ctx";

export async function getPolicyDocument({ db, zone }: Pick<RequestCtx, "db" | "zone">, id: string, date: string) {
  const [[doc, clauses], policy] = await Promise.all([
    db.batch([
      db.select().from(policyDocuments).where(eq(policyDocuments.id, id)).limit(1),
      db
        .select({
          id: policyClauses.clauseId,
          label: policyClauses.label,
          section: policyClauses.section,
          text: policyClauses.text,
        })
        .from(policyClauses)
        .where(eq(policyClauses.documentId, id))
        .orderBy(asc(policyClauses.position)),
    ]),
    loadCurrentPolicy({ db, zone }, date),
  ]);
  const row = doc[0];
  if (!row) throw new AppError("not_found", `没有编号为「${id}」的政策文件。`);
  const { contentHash: _hash, position: _pos, syncedAt, ...document } = row;
  const s = documentStatuses(zone, policy, date).get(id);
  const validity = s ? validityJson(s) : UNSPECIFIED_JSON;
  return { ...document, validity, syncedAt, clauses };
}
