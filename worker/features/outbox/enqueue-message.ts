/**
 * Every message (password reset link, password-changed notice, …) is written to
 * the zone's outbox first and delivered later by `deliverPending`. Writing it in
 * the same batch as the change that caused it means a committed change always
 * has its message, and a failed email API never rolls the change back.
 */
import type { SQL } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { outbox } from "../../db/schema";

export type Channel = "email" | "sms";

export interface OutboundMessage {
  channel: Channel;
  /** An email address or a mainland mobile number, per channel. */
  recipient: string;
  subject: string;
  /** Plain text; links are written out in full. */
  body: string;
  /** What the message is, e.g. "password_reset_link", "password_changed". */
  kind: string;
}

/**
 * The insert query, not yet run, for `db.batch([...])` with the change it announces. The body may be
 * SQL when it names something the same batch creates (a new application's number).
 */
export function outboxInsert(
  db: TenantDb,
  msg: OutboundMessage | (Omit<OutboundMessage, "body"> & { body: SQL<string> }),
  now: Date,
) {
  return db.insert(outbox).values({
    channel: msg.channel,
    recipient: msg.recipient,
    subject: msg.subject,
    body: msg.body,
    kind: msg.kind,
    createdAt: now.getTime(),
  });
}

/** Queues one message on its own; returns its outbox id. */
export async function enqueueMessage(db: TenantDb, msg: OutboundMessage, now: Date): Promise<number> {
  const [row] = await outboxInsert(db, msg, now).returning({ id: outbox.id });
  return row!.id;
}
