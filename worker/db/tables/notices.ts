/**
 * 消息中心: what happened that concerns a signed-in user, written in the same batch as the change
 * it reports (worker/features/notices/write-notices.ts), and how zone and bank staff want each kind
 * delivered besides (mail or SMS through the outbox).
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";

export const NOTICE_KINDS = [
  // To zone staff (reviewers and admins).
  "application_submitted",
  "application_resubmitted",
  "objection_lodged",
  // To zone admins: an overdue loan application escalated to the zone.
  "loan_escalated",
  // To a bank's staff.
  "loan_overdue",
  // To an enterprise's members, about their own application.
  "application_progress",
  "application_returned",
  "application_awarded",
  // To an enterprise's members, about their own loan application (the bank's step).
  "loan_progress",
  "loan_declined",
  // To an enterprise's members at 放款: the loan may be 贴息'd by a programme of the policy in force.
  "interest_subsidy_open",
  // To the lending bank's staff: a 贴息 application on its loan waits for the interest paid to be confirmed.
  "interest_confirm_requested",
  // To an enterprise's members: the zone's yearly report is due and not yet filed.
  "report_due",
  // 风险补偿资金池: a bank filed a claim (to zone admins); the zone decided it (to that bank's staff).
  "risk_claim_filed",
  "risk_claim_decided",
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_CHANNELS = ["in_app", "email", "sms"] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

export const notices = sqliteTable(
  "notices",
  {
    /** Grows with time: the list pages newest first on it (keyset). */
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: NOTICE_KINDS }).notNull(),
    title: text("title").notNull(),
    /** One short sentence. */
    body: text("body").notNull(),
    /** A path on the zone's site ("/admin/subsidies/applications/…"), never an origin. */
    link: text("link").notNull(),
    /**
     * The change this notice reports, shared by every notice of that change: the same batch selects
     * the staff's mail and SMS from exactly these rows, so they exist only if the change happened.
     */
    eventKey: text("event_key").notNull(),
    createdAt: integer("created_at").notNull(),
    readAt: integer("read_at"),
  },
  (t) => [
    // The header's unread count (read with every signed-in page's session) and the list, newest first.
    index("notices_user_unread_idx").on(t.userId, t.readAt),
    index("notices_user_idx").on(t.userId, t.id),
    index("notices_event_idx").on(t.eventKey),
    // Pruning (scheduled/prune-notices.ts): read ones by when they were read, unread ones (NULL first) by age.
    index("notices_expiry_idx").on(t.readAt, t.createdAt),
  ],
);
export type NoticeRow = typeof notices.$inferSelect;

/** A staff member's choice per kind; no row: in-app and mail. */
export const noticePreferences = sqliteTable(
  "notice_preferences",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: NOTICE_KINDS }).notNull(),
    /** in_app: the 消息中心 only; email / sms: also by mail / text message (mail when no mobile is known). */
    channel: text("channel", { enum: NOTICE_CHANNELS }).notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
