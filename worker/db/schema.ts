/**
 * Drizzle schema of a tenant database. Every zone has its own database with this
 * same schema, so no table carries a tenant column: isolation is the connection.
 * drizzle-kit generates migrations/ from this file (`npm run db:generate`).
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

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

/**
 * A company admitted to the zone (created when its 入驻 application is approved).
 * Money is integer fen. Zone-verified facts (qualifications) live in their own table.
 */
export const enterprises = sqliteTable(
  "enterprises",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    createdAt: integer("created_at").notNull(),
    /** 统一社会信用代码, 18 characters, check character verified (GB 32100-2015). */
    uscc: text("uscc"),
    legalRep: text("legal_rep"),
    /** YYYY-MM-DD */
    registeredOn: text("registered_on"),
    registeredCapitalFen: integer("registered_capital_fen"),
    address: text("address"),
    /** The zone's priority industry (tenants/<slug> priorityIndustries code). */
    industry: text("industry"),
    /** 国民经济行业分类 code, e.g. "C2651". */
    industryClass: text("industry_class"),
    employees: integer("employees"),
    contactName: text("contact_name"),
    contactMobile: text("contact_mobile"),
    contactEmail: text("contact_email"),
    status: text("status", { enum: ["active", "suspended"] }).notNull().default("active"),
    updatedAt: integer("updated_at"),
  },
  (t) => [uniqueIndex("enterprises_uscc_unique").on(t.uscc)],
);

/** A bank branch active in the zone's 金融超市. */
export const banks = sqliteTable(
  "banks",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    createdAt: integer("created_at").notNull(),
    branch: text("branch"),
    uscc: text("uscc"),
    contactName: text("contact_name"),
    contactPhone: text("contact_phone"),
    contactEmail: text("contact_email"),
    status: text("status", { enum: ["active", "suspended"] }).notNull().default("active"),
  },
  (t) => [uniqueIndex("banks_uscc_unique").on(t.uscc)],
);

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

// ── Onboarding, enterprise profiles and materials (issue 4) ──────────────────

export const APPLICATION_STATUSES = ["submitted", "returned", "approved", "rejected"] as const;

/** A company's 申请入驻. The applicant's account exists from submission (role enterprise, no enterprise yet). */
export const onboardingApplications = sqliteTable(
  "onboarding_applications",
  {
    id: text("id").primaryKey(),
    status: text("status", { enum: APPLICATION_STATUSES }).notNull(),
    applicantUserId: text("applicant_user_id")
      .notNull()
      .references(() => users.id),
    companyName: text("company_name").notNull(),
    uscc: text("uscc").notNull(),
    legalRep: text("legal_rep").notNull(),
    registeredOn: text("registered_on").notNull(),
    registeredCapitalFen: integer("registered_capital_fen").notNull(),
    address: text("address").notNull(),
    industry: text("industry").notNull(),
    industryClass: text("industry_class").notNull(),
    employees: integer("employees").notNull(),
    contactName: text("contact_name").notNull(),
    contactMobile: text("contact_mobile").notNull(),
    contactEmail: text("contact_email").notNull(),
    /** JSON: [{ code, certificateNo?, issuedOn?, validUntil? }] as claimed. */
    qualifications: text("qualifications").notNull(),
    /** What the reviewer asked to fix (status returned), or why it was rejected. */
    reviewNote: text("review_note"),
    enterpriseId: text("enterprise_id").references(() => enterprises.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    decidedAt: integer("decided_at"),
  },
  (t) => [
    index("onboarding_status_idx").on(t.status, t.createdAt),
    // One live application per USCC per zone; a rejected one may be followed by a new one.
    uniqueIndex("onboarding_uscc_live_unique").on(t.uscc).where(sql`status <> 'rejected'`),
  ],
);

/** The application's timeline: every submission and review action, with who, when and why. */
export const applicationEvents = sqliteTable(
  "application_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    applicationId: text("application_id")
      .notNull()
      .references(() => onboardingApplications.id),
    at: integer("at").notNull(),
    actorId: text("actor_id"),
    actor: text("actor").notNull(),
    action: text("action", { enum: ["submitted", "resubmitted", "returned", "approved", "rejected"] }).notNull(),
    comment: text("comment"),
  },
  (t) => [index("application_events_app_idx").on(t.applicationId, t.id)],
);

/** An uploaded file (licence, certificate); the bytes live in the blob store under `blobKey`. */
export const materials = sqliteTable(
  "materials",
  {
    id: text("id").primaryKey(),
    ownerKind: text("owner_kind", { enum: ["application", "enterprise"] }).notNull(),
    ownerId: text("owner_id").notNull(),
    kind: text("kind").notNull(),
    filename: text("filename").notNull(),
    contentType: text("content_type", { enum: ["application/pdf", "image/jpeg", "image/png"] }).notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    blobKey: text("blob_key").notNull(),
    uploadedBy: text("uploaded_by"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("materials_owner_idx").on(t.ownerKind, t.ownerId)],
);

/** Figures per year, in fen and headcounts: what the policy engine reads. */
export const enterpriseYearlyFigures = sqliteTable(
  "enterprise_yearly_figures",
  {
    enterpriseId: text("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    year: integer("year").notNull(),
    revenueFen: integer("revenue_fen"),
    rdExpenseFen: integer("rd_expense_fen"),
    /** 研发费用加计扣除额 */
    rdSuperDeductionFen: integer("rd_super_deduction_fen"),
    taxPaidFen: integer("tax_paid_fen"),
    employees: integer("employees"),
    rdStaff: integer("rd_staff"),
    updatedAt: integer("updated_at").notNull(),
    updatedBy: text("updated_by"),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.year] })],
);

/** A qualification with its validity; claimed by the enterprise, verified by zone staff. */
export const enterpriseQualifications = sqliteTable(
  "enterprise_qualifications",
  {
    id: text("id").primaryKey(),
    enterpriseId: text("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    code: text("code").notNull(),
    certificateNo: text("certificate_no"),
    issuedOn: text("issued_on"),
    validUntil: text("valid_until"),
    status: text("status", { enum: ["pending_review", "verified", "rejected", "withdrawn"] }).notNull(),
    reviewedBy: text("reviewed_by"),
    reviewedAt: integer("reviewed_at"),
    reviewNote: text("review_note"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("enterprise_qualifications_idx").on(t.enterpriseId, t.code)],
);

/** Every change to an enterprise's profile, figures or qualifications: before and after, who and when. */
export const enterpriseHistory = sqliteTable(
  "enterprise_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    enterpriseId: text("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    at: integer("at").notNull(),
    actorId: text("actor_id"),
    actor: text("actor").notNull(),
    /** "profile", "figures:2025", "qualification:<id>" */
    subject: text("subject").notNull(),
    before: text("before"),
    after: text("after"),
  },
  (t) => [index("enterprise_history_idx").on(t.enterpriseId, t.id)],
);

/** One-time invitations to join an enterprise or a bank; only the token's SHA-256 is stored. */
export const invitations = sqliteTable(
  "invitations",
  {
    tokenHash: text("token_hash").primaryKey(),
    email: text("email").notNull(),
    role: text("role", { enum: ["enterprise", "bank"] }).notNull(),
    enterpriseId: text("enterprise_id").references(() => enterprises.id),
    bankId: text("bank_id").references(() => banks.id),
    invitedBy: text("invited_by").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    acceptedAt: integer("accepted_at"),
    acceptedUserId: text("accepted_user_id"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("invitations_email_idx").on(t.email)],
);
