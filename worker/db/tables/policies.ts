/** Policy documents and their clauses, loaded from the zone configuration. */
import { sql } from "drizzle-orm";
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** A policy document (政策文件) loaded from tenants/<slug>/ by `npm run db:sync`. */
export const policyDocuments = sqliteTable("policy_documents", {
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  docNumber: text("doc_number"),
  issuer: text("issuer").notNull(),
  issuedOn: text("issued_on").notNull(),
  level: text("level", { enum: ["national", "provincial", "municipal", "zone"] }).notNull(),
  summary: text("summary").notNull(),
  sourceSeed: text("source_seed").notNull(),
  sourceUrl: text("source_url"),
  clauseCount: integer("clause_count").notNull(),
  /** SHA-256 of the document as configured: a sync skips documents whose hash is unchanged. */
  contentHash: text("content_hash").notNull(),
  /** Display order on the zone's home page (position in the zone configuration). */
  position: integer("position").notNull(),
  syncedAt: text("synced_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/** One clause of a policy document, verbatim, citable by (document, clause id). */
export const policyClauses = sqliteTable(
  "policy_clauses",
  {
    documentId: text("document_id")
      .notNull()
      .references(() => policyDocuments.id, { onDelete: "cascade" }),
    clauseId: text("clause_id").notNull(),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    section: text("section"),
    text: text("text").notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.clauseId] })],
);

export type PolicyDocumentRow = typeof policyDocuments.$inferSelect;
export type PolicyClauseRow = typeof policyClauses.$inferSelect;
