/**
 * 指标与目标: the indicators a zone measures itself by (Dongying's plan sets 18, seed 002) and
 * the actuals its staff enter per year. Definitions are settings data, not code: a zone adds
 * and edits them; where a figure can be counted from the platform's own records
 * (`computed:<metric>`) it is, and never stored here, so it cannot drift from the lists.
 */
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const indicators = sqliteTable(
  "indicators",
  {
    id: text("id").primaryKey(),
    /** Stable within the zone, e.g. "high-tech-enterprises"; links and imports name it. */
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    /** As printed, e.g. "%", "家", "件/万人". */
    unit: text("unit").notNull(),
    direction: text("direction", { enum: ["higher", "lower"] }).notNull(),
    baselineYear: integer("baseline_year").notNull(),
    baselineValue: real("baseline_value"),
    /** JSON `{ "2020": 220 }`, validated by the feature's zod schema on the way in and out. */
    targets: text("targets").notNull().default("{}"),
    /** "entered" or "computed:<metric>" (worker/features/indicators/metrics.ts). */
    source: text("source").notNull(),
    /** Where the definition comes from: the document and table, and the figures as printed. */
    sourceNote: text("source_note").notNull().default(""),
    sortOrder: integer("sort_order").notNull().default(0),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    updatedAt: integer("updated_at").notNull(),
    updatedBy: text("updated_by"),
  },
  (t) => [index("indicators_order_idx").on(t.sortOrder, t.code)],
);

/** One entered actual per indicator and year; corrections overwrite it, the audit log keeps the history. */
export const indicatorValues = sqliteTable(
  "indicator_values",
  {
    indicatorId: text("indicator_id")
      .notNull()
      .references(() => indicators.id),
    year: integer("year").notNull(),
    value: real("value").notNull(),
    /** Where the figure comes from (统计公报, 部门报送, …); "演示数据" on demo rows. */
    note: text("note").notNull(),
    enteredBy: text("entered_by"),
    enteredAt: integer("entered_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.year] })],
);

export type IndicatorRow = typeof indicators.$inferSelect;
export type IndicatorValueRow = typeof indicatorValues.$inferSelect;
