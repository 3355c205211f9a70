/**
 * 风险补偿资金池: a zone's pool that pays part of a bank's loss on a defaulted loan under an
 * enrolled product. The pool's balance is the one figure the approvals race for, so the
 * database holds its floor (CHECK balance_fen >= 0) and every movement is a ledger row.
 * Money is integer fen; coverage is a whole percent; deadlines count the zone's working days.
 */
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { banks, enterprises } from "./organisations";
import { loanApplications, loanProducts } from "./finance";

export const riskPools = sqliteTable(
  "risk_pools",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** Everything put in: the opening amount plus every top-up. size − balance = paid − recovered. */
    sizeFen: integer("size_fen").notNull(),
    balanceFen: integer("balance_fen").notNull(),
    perLoanCapFen: integer("per_loan_cap_fen").notNull(),
    /** The most the pool pays one bank in all (claims paid, before recoveries). */
    perBankCapFen: integer("per_bank_cap_fen").notNull(),
    /** JSON `{ rules: [{ when, percent, label }], defaultPercent }` (features/risk-pool/coverage.ts). */
    coverage: text("coverage").notNull(),
    /** A bank files within this many working days of the default date; the zone decides within reviewDays. */
    fileWithinDays: integer("file_within_days").notNull(),
    reviewWithinDays: integer("review_within_days").notNull(),
    status: text("status", { enum: ["active", "closed"] }).notNull(),
    /** The document the pool rests on and where its figures come from ("演示" on demo rows). */
    basis: text("basis").notNull().default(""),
    createdBy: text("created_by").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    /** The terms' revision: 修改设置 and 关闭 move it, money does not (an approval never makes an edit stale). */
    revision: integer("revision").notNull().default(0),
  },
  (t) => [
    check("risk_pools_balance_not_negative", sql`${t.balanceFen} >= 0`),
    index("risk_pools_status_idx").on(t.status, t.createdAt),
  ],
);
export type RiskPoolRow = typeof riskPools.$inferSelect;

/** A bank's product enrolled in a pool; unenrolling keeps the row (the loans registered under it stay). */
export const riskPoolProducts = sqliteTable(
  "risk_pool_products",
  {
    id: text("id").primaryKey(),
    poolId: text("pool_id")
      .notNull()
      .references(() => riskPools.id),
    productId: text("product_id")
      .notNull()
      .references(() => loanProducts.id),
    bankId: text("bank_id")
      .notNull()
      .references(() => banks.id),
    enrolledBy: text("enrolled_by").notNull(),
    enrolledAt: integer("enrolled_at").notNull(),
    unenrolledAt: integer("unenrolled_at"),
  },
  (t) => [
    // A product is in at most one pool at a time: two enrolments cannot both land.
    uniqueIndex("risk_pool_products_active_unique").on(t.productId).where(sql`unenrolled_at is null`),
    index("risk_pool_products_pool_idx").on(t.poolId, t.unenrolledAt),
  ],
);
export type RiskPoolProductRow = typeof riskPoolProducts.$inferSelect;

/** A disbursed loan registered to a pool (the pool's exposure), written with the 放款 itself. */
export const riskPoolLoans = sqliteTable(
  "risk_pool_loans",
  {
    loanId: text("loan_id")
      .primaryKey()
      .references(() => loanApplications.id),
    poolId: text("pool_id")
      .notNull()
      .references(() => riskPools.id),
    bankId: text("bank_id")
      .notNull()
      .references(() => banks.id),
    productId: text("product_id")
      .notNull()
      .references(() => loanProducts.id),
    enterpriseId: text("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    principalFen: integer("principal_fen").notNull(),
    /** 首贷: the enterprise had no other disbursed loan on the platform when this one was disbursed. */
    firstLoan: integer("first_loan", { mode: "boolean" }).notNull(),
    /** 信用贷: the product's type is credit. */
    credit: integer("credit", { mode: "boolean" }).notNull(),
    productType: text("product_type").notNull(),
    disbursedOn: text("disbursed_on").notNull(),
    registeredAt: integer("registered_at").notNull(),
  },
  (t) => [
    // Exposure by bank and by product, and a bank's own list, newest first.
    index("risk_pool_loans_bank_idx").on(t.poolId, t.bankId, t.principalFen),
    index("risk_pool_loans_product_idx").on(t.poolId, t.productId, t.principalFen),
    index("risk_pool_loans_bank_time_idx").on(t.bankId, t.registeredAt, t.loanId),
  ],
);
export type RiskPoolLoanRow = typeof riskPoolLoans.$inferSelect;

export const RISK_CLAIM_STATUSES = ["submitted", "approved", "rejected", "withdrawn"] as const;
export type RiskClaimStatus = (typeof RISK_CLAIM_STATUSES)[number];

/** A bank's compensation claim for one registered loan that defaulted. */
export const riskClaims = sqliteTable(
  "risk_claims",
  {
    id: text("id").primaryKey(),
    poolId: text("pool_id")
      .notNull()
      .references(() => riskPools.id),
    loanId: text("loan_id")
      .notNull()
      .references(() => riskPoolLoans.loanId),
    bankId: text("bank_id")
      .notNull()
      .references(() => banks.id),
    enterpriseId: text("enterprise_id").notNull(),
    productId: text("product_id").notNull(),
    outstandingFen: integer("outstanding_fen").notNull(),
    /** YYYY-MM-DD: the day the loan defaulted (逾期/代偿认定日). */
    defaultedOn: text("defaulted_on").notNull(),
    recoveryEfforts: text("recovery_efforts").notNull(),
    /** Coverage the pool's rules gave this loan when the claim was filed, and the rule's label. */
    coveragePercent: integer("coverage_percent").notNull(),
    coverageLabel: text("coverage_label").notNull(),
    status: text("status", { enum: RISK_CLAIM_STATUSES }).notNull(),
    /** What the pool paid (approved claims only). */
    amountFen: integer("amount_fen"),
    /** Credited back to the pool from recoveries so far; never more than amountFen. */
    recoveredFen: integer("recovered_fen").notNull().default(0),
    fileDueOn: text("file_due_on").notNull(),
    reviewDueOn: text("review_due_on").notNull(),
    filedBy: text("filed_by").notNull(),
    filedAt: integer("filed_at").notNull(),
    decidedBy: text("decided_by"),
    decidedAt: integer("decided_at"),
    decisionNote: text("decision_note"),
    revision: integer("revision").notNull().default(0),
  },
  (t) => [
    // One live claim per loan: a second one cannot be filed while one is pending or paid.
    uniqueIndex("risk_claims_open_unique").on(t.loanId).where(sql`status in ('submitted', 'approved')`),
    // The zone's list by status, a bank's own list, and the per-bank paid sum the approval checks.
    index("risk_claims_pool_status_idx").on(t.poolId, t.status, t.filedAt, t.id),
    // The 工作台's card: every pool's waiting claims, oldest filed first (workbench/risk-claims-card.ts).
    index("risk_claims_status_time_idx").on(t.status, t.filedAt, t.id),
    index("risk_claims_bank_time_idx").on(t.bankId, t.filedAt, t.id),
    index("risk_claims_pool_bank_idx").on(t.poolId, t.bankId, t.status, t.amountFen),
  ],
);
export type RiskClaimRow = typeof riskClaims.$inferSelect;

export const RISK_LEDGER_KINDS = ["fund", "claim_paid", "recovery"] as const;

/** Every movement of a pool's balance, append-only: + fund, − claim paid, + recovery credited. */
export const riskPoolLedger = sqliteTable(
  "risk_pool_ledger",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    poolId: text("pool_id")
      .notNull()
      .references(() => riskPools.id),
    kind: text("kind", { enum: RISK_LEDGER_KINDS }).notNull(),
    /** Signed: positive into the pool, negative out of it. */
    deltaFen: integer("delta_fen").notNull(),
    claimId: text("claim_id"),
    note: text("note").notNull().default(""),
    actorId: text("actor_id"),
    at: integer("at").notNull(),
  },
  (t) => [
    index("risk_pool_ledger_pool_idx").on(t.poolId, t.id),
    index("risk_pool_ledger_claim_idx").on(t.claimId, t.id),
  ],
);
export type RiskPoolLedgerRow = typeof riskPoolLedger.$inferSelect;
