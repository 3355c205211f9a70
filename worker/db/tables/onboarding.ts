/** 申请入驻 applications with their timeline, uploaded materials, and invitations to organisations. */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { banks, enterprises } from "./organisations";

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
    // Counts per status, and a status with a submission-date range.
    index("onboarding_status_idx").on(t.status, t.createdAt),
    // The review queue's pages (newest activity first, keyset on updated_at, id): unfiltered, by status, by industry.
    index("onboarding_updated_idx").on(t.updatedAt, t.id),
    index("onboarding_status_updated_idx").on(t.status, t.updatedAt, t.id),
    index("onboarding_industry_updated_idx").on(t.industry, t.updatedAt, t.id),
    // An applicant's own application (申请进度).
    index("onboarding_applicant_idx").on(t.applicantUserId, t.createdAt),
    // 数据看板: applications received in a period, by status, with their decision times (covering).
    index("onboarding_created_idx").on(t.createdAt, t.status, t.decidedAt),
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
    // A TypeScript enum only (no CHECK in the table): a new owner kind needs no migration.
    ownerKind: text("owner_kind", {
      enum: ["application", "enterprise", "subsidy_application", "risk_claim"],
    }).notNull(),
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

/**
 * One-time invitations to join an enterprise or a bank, or the zone's staff (reviewer, zone_admin:
 * no organisation); only the token's SHA-256 is stored.
 */
export const invitations = sqliteTable(
  "invitations",
  {
    tokenHash: text("token_hash").primaryKey(),
    email: text("email").notNull(),
    role: text("role", { enum: ["enterprise", "bank", "reviewer", "zone_admin"] }).notNull(),
    /** The name the inviter gave (zone staff): greets the invitee and fills the accept form; theirs to correct. */
    name: text("name"),
    enterpriseId: text("enterprise_id").references(() => enterprises.id),
    bankId: text("bank_id").references(() => banks.id),
    invitedBy: text("invited_by").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    acceptedAt: integer("accepted_at"),
    acceptedUserId: text("accepted_user_id"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [
    index("invitations_email_idx").on(t.email),
    // An organisation's open invitations (企业资料, the bank's staff page).
    index("invitations_enterprise_idx").on(t.enterpriseId, t.createdAt),
    index("invitations_bank_idx").on(t.bankId, t.createdAt),
    // 用户管理's open staff invitations (role reviewer or zone_admin), newest first.
    index("invitations_role_idx").on(t.role, t.createdAt),
  ],
);
