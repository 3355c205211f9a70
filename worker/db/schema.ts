/**
 * Drizzle schema of a tenant database. Every zone has its own database with this
 * same schema, so no table carries a tenant column: isolation is the connection.
 * drizzle-kit generates migrations/ from this file (`npm run db:generate`).
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

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

// ── Accounts, sessions and their audit (issue 3) ─────────────────────────────
// Times are integer milliseconds since the epoch (UTC), except sessions.expires_at,
// which lucia's drizzle adapter stores in seconds.

export const ROLES = ["zone_admin", "reviewer", "enterprise", "bank"] as const;
export type Role = (typeof ROLES)[number];

/** A company in the zone; onboarding (issue 4) fills in the rest of its profile. */
export const enterprises = sqliteTable("enterprises", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: integer("created_at").notNull(),
});

/** A bank branch active in the zone's 金融超市. */
export const banks = sqliteTable("banks", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: integer("created_at").notNull(),
});

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    /** Lower-cased and trimmed; the sign-in name. */
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    enterpriseId: text("enterprise_id").references(() => enterprises.id),
    bankId: text("bank_id").references(() => banks.id),
    /** Self-describing PBKDF2 hash (worker/features/auth/password). */
    passwordHash: text("password_hash").notNull(),
    passwordChangedAt: integer("password_changed_at").notNull(),
    status: text("status", { enum: ["active", "disabled"] }).notNull().default("active"),
    /** Mainland mobile for SMS notices; optional. */
    mobile: text("mobile"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("users_role_idx").on(t.role)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    /** `<zone slug>.<s|r>.<random>`: the zone and the remember-me flag are part of the id. */
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Seconds (lucia): the sliding idle expiry. */
    expiresAt: integer("expires_at").notNull(),
    /** Milliseconds: the absolute lifetime counts from here (lucia only slides). */
    createdAt: integer("created_at").notNull(),
    remember: integer("remember", { mode: "boolean" }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Sign-in attempts, for per-account lockout and per-IP limits (isolates share no memory). */
export const authAttempts = sqliteTable(
  "auth_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: ["login", "reset_request"] }).notNull(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    ok: integer("ok", { mode: "boolean" }).notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("auth_attempts_email_idx").on(t.kind, t.email, t.at), index("auth_attempts_ip_idx").on(t.kind, t.ip, t.at)],
);

/** One-time password reset links; only the SHA-256 of the token is stored. */
export const passwordResetTokens = sqliteTable(
  "password_reset_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["self", "admin"] }).notNull(),
    /** The zone admin who issued it (kind "admin"). */
    issuedBy: text("issued_by"),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    /** Set when a newer link for the same user replaced this one. */
    voidedAt: integer("voided_at"),
  },
  (t) => [index("password_reset_tokens_user_idx").on(t.userId)],
);

/** Every message is written here first, then delivered by an adapter (email, SMS). */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    channel: text("channel", { enum: ["email", "sms"] }).notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /** What the message is, e.g. "password_reset_link", "password_changed". */
    kind: text("kind").notNull(),
    status: text("status", { enum: ["pending", "sent", "failed"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    sentAt: integer("sent_at"),
    lastError: text("last_error"),
  },
  (t) => [index("outbox_status_idx").on(t.status, t.id)],
);

/** Append-only (triggers in migration 0002 refuse UPDATE and DELETE). Never holds a password or token. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** ISO 8601 UTC. */
    at: text("at").notNull(),
    actorId: text("actor_id"),
    /** Who, readable: an email, "anonymous" or "system". */
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    target: text("target"),
    result: text("result", { enum: ["ok", "denied", "failed"] }).notNull(),
    ip: text("ip"),
    /** JSON with non-secret details. */
    detail: text("detail"),
  },
  (t) => [index("audit_log_at_idx").on(t.at)],
);

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
