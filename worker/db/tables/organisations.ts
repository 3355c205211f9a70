/** The organisations of a zone: admitted enterprises and bank branches. Money is integer fen. */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

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
    status: text("status", { enum: ["active", "suspended"] })
      .notNull()
      .default("active"),
    updatedAt: integer("updated_at"),
  },
  (t) => [
    uniqueIndex("enterprises_uscc_unique").on(t.uscc),
    // The staff directory pages in name order (keyset on name, id). uscc rides along so the
    // substring search is judged on this index, reading a table row only for a match.
    index("enterprises_name_idx").on(t.name, t.id, t.uscc),
    index("enterprises_industry_name_idx").on(t.industry, t.name, t.id),
    index("enterprises_status_name_idx").on(t.status, t.name, t.id),
    // 数据看板: enterprises admitted before a day, per industry (statistics-queries.ts), from the index alone.
    index("enterprises_industry_created_idx").on(t.industry, t.createdAt),
  ],
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
    status: text("status", { enum: ["active", "suspended"] })
      .notNull()
      .default("active"),
  },
  (t) => [uniqueIndex("banks_uscc_unique").on(t.uscc)],
);
