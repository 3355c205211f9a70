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

/**
 * A published policy set (documents, programmes, cases) — immutable once
 * written (triggers refuse UPDATE and DELETE). The version in force on a day is
 * the highest id whose effective_from is on or before it; evaluations record it.
 */
export const policyVersions = sqliteTable("policy_versions", {
  /** The version number: 1, 2, … in publishing order. */
  id: integer("id").primaryKey(),
  label: text("label").notNull(),
  /** YYYY-MM-DD, Asia/Shanghai. */
  effectiveFrom: text("effective_from").notNull(),
  /** SHA-256 of `data`: publishing what is already current is refused, and isolates cache parsed sets by it. */
  contentHash: text("content_hash").notNull(),
  /** The policy set as JSON, validated before it was written. */
  data: text("data").notNull(),
  programmeCount: integer("programme_count").notNull(),
  caseCount: integer("case_count").notNull(),
  /** What changed against the version before, as shown before publishing (JSON). */
  changes: text("changes").notNull(),
  publishedAt: integer("published_at").notNull(),
  /** The zone admin who published it; null when published from tenants/ by the operator's CLI. */
  publishedBy: text("published_by"),
  publishedVia: text("published_via", { enum: ["admin", "cli"] }).notNull(),
  note: text("note"),
});

export type PolicyVersionRow = typeof policyVersions.$inferSelect;
