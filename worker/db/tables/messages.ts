/** What the platform says and records: the outbox and the append-only audit log. */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

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
    status: text("status", { enum: ["pending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    sentAt: integer("sent_at"),
    lastError: text("last_error"),
  },
  (t) => [
    index("outbox_status_idx").on(t.status, t.id),
    // 数据看板's 政策触达: 免申即享 mails by kind, and those to one address before a moment.
    index("outbox_kind_idx").on(t.kind, t.recipient, t.createdAt),
  ],
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
