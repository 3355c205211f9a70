/** What an admitted enterprise keeps: yearly figures, qualifications, and the history of every change. */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { enterprises } from "./organisations";

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
    /** 当年发明专利申请数 (the yearly report's figures, from here down; null = not reported). */
    inventionPatentsFiled: integer("invention_patents_filed"),
    /** 当年发明专利授权数 */
    inventionPatentsGranted: integer("invention_patents_granted"),
    /** 年末拥有有效发明专利数: what 万人发明专利拥有量 counts. */
    validInventionPatents: integer("valid_invention_patents"),
    /** 出口额 */
    exportsFen: integer("exports_fen"),
    updatedAt: integer("updated_at").notNull(),
    updatedBy: text("updated_by"),
  },
  (t) => [
    primaryKey({ columns: [t.enterpriseId, t.year] }),
    // A year's figures across the zone (the 数据看板's 企业年报 section), without reading every year's rows.
    index("enterprise_yearly_figures_year_idx").on(t.year, t.enterpriseId),
  ],
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
  (t) => [
    index("enterprise_qualifications_idx").on(t.enterpriseId, t.code),
    // Who holds a verified qualification (the directory's filter, without reading the enterprises).
    index("enterprise_qualifications_holders_idx").on(t.code, t.status, t.enterpriseId),
    // An enterprise's verified codes (the directory's column, probed per listed enterprise).
    index("enterprise_qualifications_verified_idx").on(t.enterpriseId, t.status, t.code),
    // The 资质审核 queue: claims awaiting review, oldest first.
    index("enterprise_qualifications_status_idx").on(t.status, t.createdAt, t.id),
  ],
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
