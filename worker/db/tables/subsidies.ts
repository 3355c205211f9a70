/**
 * Subsidy applications (政策兑现): the application with its facts and the
 * engine's result, its timeline (append-only), objections lodged during 公示,
 * and the payment ledger (append-only). Money is integer fen.
 */
import { sql } from "drizzle-orm";
import { index, integer, type SQLiteColumn, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { enterprises } from "./organisations";

export const SUBSIDY_STATUSES = ["draft", "in_review", "returned", "rejected", "awarded", "paid", "withdrawn"] as const;
export type SubsidyStatus = (typeof SUBSIDY_STATUSES)[number];

// CASE rather than ifnull(): drizzle-kit splits an index's expressions at commas.
type Dated = { dueOn: SQLiteColumn; submittedAt: SQLiteColumn };
function dueKey(t: Dated) {
  return sql<string>`(case when ${t.dueOn} is null then '' else ${t.dueOn} end)`;
}
function submittedKey(t: Dated) {
  return sql<number>`(case when ${t.submittedAt} is null then 0 else ${t.submittedAt} end)`;
}

export const subsidyApplications = sqliteTable(
  "subsidy_applications",
  {
    id: text("id").primaryKey(),
    /**
     * The application number people read (ZB-2026-000123): the year of creation (Asia/Shanghai) and its sequence in the
     * zone; null only for rows written outside the app.
     */
    numberYear: integer("number_year"),
    numberSeq: integer("number_seq"),
    programmeId: text("programme_id").notNull(),
    enterpriseId: text("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    createdBy: text("created_by").notNull(),
    /**
     * draft → in_review (through the zone's stages) → awarded → paid;
     * or returned (back to the enterprise), rejected, withdrawn.
     */
    status: text("status", { enum: SUBSIDY_STATUSES }).notNull(),
    /** The zone's stage key while in review or returned; null for a draft. */
    stage: text("stage"),
    /** Facts as the engine takes them (money in fen), JSON; a draft may hold some. */
    facts: text("facts").notNull().default("{}"),
    /** A draft's form as typed (元 and all), JSON, so autosave keeps what is not yet valid. */
    formValues: text("form_values").notNull().default("{}"),
    projectCode: text("project_code"),
    /** The policy version the submitted result was computed with. */
    policyVersion: integer("policy_version"),
    /** The engine's result at submission (JSON), with its explanation. */
    evaluation: text("evaluation"),
    /** What the engine computed at submission (null when set at review). */
    requestedFen: integer("requested_fen"),
    /** The amount as it stands after reviewers' adjustments; what is awarded. */
    amountFen: integer("amount_fen"),
    /** The review range the policy allows, when the amount is set at review. */
    rangeMinFen: integer("range_min_fen"),
    rangeMaxFen: integer("range_max_fen"),
    /** The year (Asia/Shanghai) an award counts against annual caps and budgets: the year of first submission. */
    awardYear: integer("award_year"),
    /** Who passed the most recent stage: the same person may not pass the next one. */
    lastPassedBy: text("last_passed_by"),
    /** Client-chosen key of the request that created it: a retried create returns the same application. */
    idempotencyKey: text("idempotency_key"),
    /** Bumped by every change; a change names the revision it read (autosave, review actions). */
    revision: integer("revision").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    submittedAt: integer("submitted_at"),
    stageEnteredAt: integer("stage_entered_at"),
    /** YYYY-MM-DD: when the current stage is due (staff), or the correction is asked for (returned). */
    dueOn: text("due_on"),
    /** 公示 period, YYYY-MM-DD inclusive. */
    publicityFrom: text("publicity_from"),
    publicityTo: text("publicity_to"),
    decidedAt: integer("decided_at"),
    /**
     * 贴息: the 金融超市 loan (loan_applications.id) the application was started from, whose record fed its
     * facts; null for any other application. No foreign key: the subsidy service checks the loan is the
     * enterprise's own and disbursed, and SQLite could not add one to this table without rebuilding it.
     */
    loanId: text("loan_id"),
    /** The interest paid as the lending bank confirmed it (fen); null until the bank confirms. */
    interestConfirmedFen: integer("interest_confirmed_fen"),
    /** Who at the bank confirmed it (email), when (ms) and what they added. */
    interestConfirmedBy: text("interest_confirmed_by"),
    interestConfirmedAt: integer("interest_confirmed_at"),
    interestConfirmNote: text("interest_confirm_note"),
  },
  (t) => [
    index("subsidy_applications_enterprise_idx").on(t.enterpriseId, t.status),
    // A loan's 贴息 applications (the loan's page), and a bank's loan-linked ones waiting for confirmation.
    index("subsidy_applications_loan_idx").on(t.loanId, t.status),
    index("subsidy_applications_stage_idx").on(t.status, t.stage),
    index("subsidy_applications_programme_idx").on(t.programmeId, t.awardYear, t.status),
    uniqueIndex("subsidy_applications_idempotency_unique").on(t.enterpriseId, t.idempotencyKey),
    uniqueIndex("subsidy_applications_number_unique").on(t.numberYear, t.numberSeq),
    // The staff queue's order (oldest due first, then submitted, then id: a keyset), with each of its
    // filters in front; null due dates and submissions sort first, as an index can seek (queue-plans.test.ts).
    index("subsidy_applications_queue_idx").on(dueKey(t), submittedKey(t), t.id),
    index("subsidy_applications_queue_status_idx").on(t.status, dueKey(t), submittedKey(t), t.id),
    index("subsidy_applications_queue_stage_idx").on(t.status, t.stage, dueKey(t), submittedKey(t), t.id),
    index("subsidy_applications_queue_programme_idx").on(t.programmeId, dueKey(t), submittedKey(t), t.id),
    // A member's own list, most recently changed first; 公示, ending soonest first.
    index("subsidy_applications_member_idx").on(t.enterpriseId, t.updatedAt, t.id),
    index("subsidy_applications_publicity_idx").on(t.status, t.stage, t.publicityTo, t.id),
    // The dashboard's sums (dashboard.ts): covering, so counting 20,000 applications reads the index, not the rows.
    index("subsidy_applications_dashboard_idx").on(t.status, t.programmeId, t.stage, t.amountFen),
    index("subsidy_applications_award_year_idx").on(t.awardYear, t.status, t.programmeId, t.amountFen),
    // 数据看板: applications first submitted, and awards decided, in a period (statistics-queries.ts).
    index("subsidy_applications_submitted_idx").on(t.submittedAt, t.status, t.programmeId, t.stage),
    index("subsidy_applications_decided_idx").on(t.status, t.decidedAt, t.programmeId, t.amountFen),
  ],
);
export type SubsidyApplicationRow = typeof subsidyApplications.$inferSelect;

/** The queue's sort keys as the indexes above hold them; a query must order by these very expressions. */
export const queueDueKey = dueKey(subsidyApplications);
export const queueSubmittedKey = submittedKey(subsidyApplications);

/** The timeline: every transition, adjustment and comment, in order (append-only). */
export const subsidyEvents = sqliteTable(
  "subsidy_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    applicationId: text("application_id")
      .notNull()
      .references(() => subsidyApplications.id),
    at: integer("at").notNull(),
    actorId: text("actor_id"),
    /** An email, "system" (the clock) or "public" (an objection). */
    actor: text("actor").notNull(),
    /**
     * created, submitted, passed, returned, resubmitted, rejected, publicity_started, objection, objection_dismissed,
     * objection_upheld, advanced, awarded, paid, withdrawn, comment, interest_confirmed (the bank, 贴息)
     */
    action: text("action").notNull(),
    stage: text("stage"),
    toStage: text("to_stage"),
    amountFen: integer("amount_fen"),
    note: text("note"),
  },
  (t) => [index("subsidy_events_application_idx").on(t.applicationId, t.id)],
);
export type SubsidyEventRow = typeof subsidyEvents.$inferSelect;

/**
 * Time spent in each stage, summed as the timeline grows: a trigger on subsidy_events (migration
 * 0015) adds a stay when the event that ends it is written, in the same transaction. The dashboard
 * reads a row per stage instead of pairing every event of the zone's history on each view.
 */
export const subsidyStageTimes = sqliteTable("subsidy_stage_times", {
  stage: text("stage").primaryKey(),
  totalMs: integer("total_ms").notNull().default(0),
  completed: integer("completed").notNull().default(0),
});

/** An objection (异议) lodged by anyone during 公示; it holds the application until a zone admin resolves it. */
export const subsidyObjections = sqliteTable(
  "subsidy_objections",
  {
    id: text("id").primaryKey(),
    applicationId: text("application_id")
      .notNull()
      .references(() => subsidyApplications.id),
    lodgedAt: integer("lodged_at").notNull(),
    name: text("name").notNull(),
    contact: text("contact").notNull(),
    content: text("content").notNull(),
    status: text("status", { enum: ["open", "dismissed", "upheld"] }).notNull(),
    resolvedBy: text("resolved_by"),
    resolvedAt: integer("resolved_at"),
    resolution: text("resolution"),
  },
  (t) => [
    index("subsidy_objections_application_idx").on(t.applicationId, t.status),
    // The 工作台's open objections, longest waiting first (workbench-queries.ts): read in order, no sort.
    index("subsidy_objections_status_idx").on(t.status, t.lodgedAt, t.id),
  ],
);
export type SubsidyObjectionRow = typeof subsidyObjections.$inferSelect;

/** The payment ledger (拨付), append-only: amount, date, voucher number, who recorded it. */
export const subsidyPayments = sqliteTable(
  "subsidy_payments",
  {
    id: text("id").primaryKey(),
    applicationId: text("application_id")
      .notNull()
      .references(() => subsidyApplications.id),
    enterpriseId: text("enterprise_id").notNull(),
    programmeId: text("programme_id").notNull(),
    amountFen: integer("amount_fen").notNull(),
    /** YYYY-MM-DD, Asia/Shanghai. */
    paidOn: text("paid_on").notNull(),
    voucherNo: text("voucher_no").notNull(),
    recordedBy: text("recorded_by").notNull(),
    recordedAt: integer("recorded_at").notNull(),
  },
  (t) => [
    uniqueIndex("subsidy_payments_voucher_unique").on(t.voucherNo),
    index("subsidy_payments_application_idx").on(t.applicationId),
    index("subsidy_payments_programme_idx").on(t.programmeId, t.amountFen),
    index("subsidy_payments_paid_on_idx").on(t.paidOn, t.programmeId, t.amountFen),
  ],
);
export type SubsidyPaymentRow = typeof subsidyPayments.$inferSelect;
