/**
 * 金融超市: banks' loan products, enterprises' financing needs, the consent an
 * enterprise gives a bank to see its financial data (PIPL: per bank, revocable),
 * and loan applications with their timeline (append-only). Money is integer fen;
 * annual rates are basis points (345 = 3.45%); terms are months.
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { banks, enterprises } from "./organisations";

export const PRODUCT_TYPES = ["credit", "mortgage", "pledge", "ip_pledge", "guarantee", "insurance", "other"] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];
export const GUARANTEES = ["credit", "mortgage", "pledge", "guarantee"] as const;
export type Guarantee = (typeof GUARANTEES)[number];

export const loanProducts = sqliteTable(
  "loan_products",
  {
    id: text("id").primaryKey(),
    bankId: text("bank_id")
      .notNull()
      .references(() => banks.id),
    name: text("name").notNull(),
    type: text("type", { enum: PRODUCT_TYPES }).notNull(),
    minAmountFen: integer("min_amount_fen").notNull(),
    maxAmountFen: integer("max_amount_fen").notNull(),
    minRateBp: integer("min_rate_bp").notNull(),
    maxRateBp: integer("max_rate_bp").notNull(),
    minTermMonths: integer("min_term_months").notNull(),
    maxTermMonths: integer("max_term_months").notNull(),
    /** Guarantee forms the product accepts (JSON array of GUARANTEES). */
    guarantees: text("guarantees").notNull(),
    /** Zone industry codes it targets (JSON array; empty = any). */
    industries: text("industries").notNull().default("[]"),
    /** Qualification codes an applicant must hold (JSON array). */
    qualifications: text("qualifications").notNull().default("[]"),
    minYears: integer("min_years").notNull().default(0),
    minRevenueFen: integer("min_revenue_fen").notNull().default(0),
    region: text("region"),
    features: text("features").notNull().default(""),
    /** Materials an applicant prepares (JSON array of strings). */
    materials: text("materials").notNull().default("[]"),
    contactName: text("contact_name"),
    contactPhone: text("contact_phone"),
    status: text("status", { enum: ["draft", "published", "withdrawn"] }).notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    publishedAt: integer("published_at"),
    revision: integer("revision").notNull().default(0),
  },
  (t) => [
    index("loan_products_bank_idx").on(t.bankId, t.status),
    index("loan_products_status_idx").on(t.status, t.type),
    // The catalogue's order (lowest rate, then name, then id): a page walks the index and stops (paging.ts).
    index("loan_products_catalogue_idx").on(t.status, t.minRateBp, t.name, t.id),
  ],
);
export type LoanProductRow = typeof loanProducts.$inferSelect;

export const financingNeeds = sqliteTable(
  "financing_needs",
  {
    id: text("id").primaryKey(),
    enterpriseId: text("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    createdBy: text("created_by").notNull(),
    amountFen: integer("amount_fen").notNull(),
    termMonths: integer("term_months").notNull(),
    purpose: text("purpose").notNull(),
    /** Guarantee forms the enterprise can offer (JSON array of GUARANTEES). */
    guarantees: text("guarantees").notNull(),
    /** YYYY-MM-DD: when the money is needed. */
    neededBy: text("needed_by").notNull(),
    /** YYYY-MM-DD: after this day the need is no longer shown. */
    validUntil: text("valid_until").notNull(),
    status: text("status", { enum: ["open", "met", "closed"] }).notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("financing_needs_enterprise_idx").on(t.enterpriseId, t.status),
    index("financing_needs_status_idx").on(t.status, t.validUntil),
    // 数据看板: needs posted in a period, by status (covering).
    index("financing_needs_created_idx").on(t.createdAt, t.status),
  ],
);
export type FinancingNeedRow = typeof financingNeeds.$inferSelect;

/** A consent given (and perhaps revoked) by an enterprise for one bank to see its financial data. */
export const dataConsents = sqliteTable(
  "data_consents",
  {
    id: text("id").primaryKey(),
    enterpriseId: text("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    bankId: text("bank_id")
      .notNull()
      .references(() => banks.id),
    grantedBy: text("granted_by").notNull(),
    grantedAt: integer("granted_at").notNull(),
    revokedBy: text("revoked_by"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [
    index("data_consents_pair_idx").on(t.enterpriseId, t.bankId, t.revokedAt),
    // One active consent per (enterprise, bank): concurrent grants cannot both insert one (migration 0008).
    uniqueIndex("data_consents_active_unique").on(t.enterpriseId, t.bankId).where(sql`revoked_at is null`),
  ],
);
export type DataConsentRow = typeof dataConsents.$inferSelect;

export const LOAN_STATUSES = ["submitted", "accepted", "approved", "disbursed", "declined", "withdrawn"] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];
/** Not yet 放款, 拒绝 or withdrawn: at most one such application per enterprise and product (the unique index below). */
export const OPEN_LOAN_STATUSES = ["submitted", "accepted", "approved"] as const satisfies readonly LoanStatus[];
const OPEN_LOAN_SQL = sql.raw(OPEN_LOAN_STATUSES.map((s) => `'${s}'`).join(", "));

export const loanApplications = sqliteTable(
  "loan_applications",
  {
    id: text("id").primaryKey(),
    /**
     * The application number people read (ZB-DK-2026-000045): the year of submission (Asia/Shanghai) and its sequence
     * in the zone; null only for rows written outside the app.
     */
    numberYear: integer("number_year"),
    numberSeq: integer("number_seq"),
    productId: text("product_id")
      .notNull()
      .references(() => loanProducts.id),
    bankId: text("bank_id")
      .notNull()
      .references(() => banks.id),
    enterpriseId: text("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    needId: text("need_id"),
    createdBy: text("created_by").notNull(),
    amountFen: integer("amount_fen").notNull(),
    termMonths: integer("term_months").notNull(),
    note: text("note"),
    /** submitted → accepted (受理) → approved (授信) → disbursed (放款); or declined (拒绝), withdrawn. */
    status: text("status", { enum: LOAN_STATUSES }).notNull(),
    approvedAmountFen: integer("approved_amount_fen"),
    approvedRateBp: integer("approved_rate_bp"),
    approvedTermMonths: integer("approved_term_months"),
    disbursedAmountFen: integer("disbursed_amount_fen"),
    disbursedOn: text("disbursed_on"),
    declineReason: text("decline_reason"),
    referralProductId: text("referral_product_id"),
    idempotencyKey: text("idempotency_key"),
    submittedAt: integer("submitted_at").notNull(),
    acceptedAt: integer("accepted_at"),
    decidedAt: integer("decided_at"),
    disbursedAt: integer("disbursed_at"),
    /** YYYY-MM-DD: accept or decline by; then decide by (the zone's working days). */
    acceptDueOn: text("accept_due_on").notNull(),
    decideDueOn: text("decide_due_on"),
    /** When the overdue application was flagged to the bank; cleared when the bank acts (a later due day flags). */
    escalatedAt: integer("escalated_at"),
    /**
     * When the zone admins were told of it: finance.escalation working days after the due day. It belongs to the
     * flag in escalated_at: done while at or after it, due again once escalated_at is newer (response-times.ts).
     * Migration 0010 set it to escalated_at on older rows, which told the admins at the same moment.
     */
    adminEscalatedAt: integer("admin_escalated_at"),
    revision: integer("revision").notNull().default(0),
  },
  (t) => [
    index("loan_applications_bank_idx").on(t.bankId, t.status),
    index("loan_applications_enterprise_idx").on(t.enterpriseId, t.status),
    // Every reader's list, newest first, a page at a time (list-loans.ts): the bank's, the member's, the zone's.
    index("loan_applications_bank_time_idx").on(t.bankId, t.submittedAt, t.id),
    index("loan_applications_enterprise_time_idx").on(t.enterpriseId, t.submittedAt, t.id),
    index("loan_applications_time_idx").on(t.submittedAt, t.id),
    // SQLite treats NULL keys as distinct: applications without an Idempotency-Key never collide here.
    uniqueIndex("loan_applications_idempotency_unique").on(t.enterpriseId, t.idempotencyKey),
    // The "已申请过" check made a constraint, so parallel applications cannot both pass it (migration 0008).
    uniqueIndex("loan_applications_open_unique")
      .on(t.enterpriseId, t.productId)
      .where(sql`status in (${OPEN_LOAN_SQL})`),
    uniqueIndex("loan_applications_number_unique").on(t.numberYear, t.numberSeq),
    // The scheduled overdue run (response-times.ts): each half of its query walks one of these, due day then id,
    // reading only the applications past that day in that status, in the order it takes them.
    index("loan_applications_accept_due_idx").on(t.status, t.acceptDueOn, t.id),
    index("loan_applications_decide_due_idx").on(t.status, t.decideDueOn, t.id),
  ],
);
export type LoanApplicationRow = typeof loanApplications.$inferSelect;

export const loanEvents = sqliteTable(
  "loan_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    applicationId: text("application_id")
      .notNull()
      .references(() => loanApplications.id),
    at: integer("at").notNull(),
    actorId: text("actor_id"),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    note: text("note"),
  },
  (t) => [index("loan_events_application_idx").on(t.applicationId, t.id)],
);
export type LoanEventRow = typeof loanEvents.$inferSelect;
