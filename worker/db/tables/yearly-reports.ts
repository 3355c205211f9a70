/**
 * The yearly enterprise report (年报, 火炬统计 style): the zone opens a window for a year with a due
 * date; members file that year's figures (enterprise_yearly_figures) in their profile; staff chase the
 * ones who have not, and a scheduled job reminds them before the due date.
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { enterprises } from "./organisations";

/** One per year: opening a closed year again reopens the same row (one open window per year, by its key). */
export const reportWindows = sqliteTable(
  "report_windows",
  {
    year: integer("year").primaryKey(),
    /** YYYY-MM-DD, the last day to file, in Asia/Shanghai. */
    dueOn: text("due_on").notNull(),
    status: text("status", { enum: ["open", "closed"] }).notNull(),
    openedAt: integer("opened_at").notNull(),
    openedBy: text("opened_by"),
    closedAt: integer("closed_at"),
    closedBy: text("closed_by"),
    /** The last Shanghai day the scheduled reminder ran for this window: the job's every-minute runs skip it. */
    remindedOn: text("reminded_on"),
  },
  (t) => [index("report_windows_status_idx").on(t.status, t.year)],
);
export type ReportWindowRow = typeof reportWindows.$inferSelect;

/**
 * Each time an enterprise was chased (by staff) or reminded (by the job) for a year's report. The key
 * makes it at most once per Shanghai day: a second chase the same day inserts nothing and tells no one.
 */
export const reportChases = sqliteTable(
  "report_chases",
  {
    year: integer("year").notNull(),
    enterpriseId: text("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    /** YYYY-MM-DD in Asia/Shanghai. */
    day: text("day").notNull(),
    source: text("source", { enum: ["staff", "reminder"] }).notNull(),
    /** Shared by the rows one action wrote: its notices are selected by it in the same batch. */
    eventKey: text("event_key").notNull(),
    at: integer("at").notNull(),
    by: text("by"),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.enterpriseId, t.day] }),
    index("report_chases_event_idx").on(t.eventKey),
    index("report_chases_enterprise_idx").on(t.enterpriseId, t.year, t.day),
  ],
);
