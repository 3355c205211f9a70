/**
 * Delivers pending outbox messages through the configured senders, oldest first.
 *
 * Claiming, so two concurrent runs (a cron and a post-request `waitUntil`, or
 * two isolates) never send the same message twice: before sending, a run bumps
 * `attempts` and stamps the claim time with
 *   UPDATE outbox SET attempts = attempts + 1, sent_at = <now>
 *   WHERE id = ? AND status = 'pending' AND attempts = <attempts it read>
 * and sends only if exactly one row changed. The `attempts` compare-and-swap
 * settles two runs that read the same row at the same time (SQLite serialises
 * the writes, the loser matches nothing). A bare `status = 'pending'` check would
 * not: the row stays pending while it is being sent, so a run that reads it
 * after the claim would claim it again. The claim time closes that gap as a
 * lease: a pending row with `sent_at` newer than CLAIM_LEASE_MS is in flight and
 * not selected. `sent_at` carries the claim only while the row is pending
 * (there is no claim column, and the schema is not this feature's to change);
 * it is cleared on failure, set to the delivery time on success, and
 * `listOutbox` reports it as `claimedAt`. If a run dies mid-send, the lease
 * expires and the message is retried: delivery is at least once after a crash,
 * exactly once otherwise. Counting the attempt at claim time means a message
 * that crashes its sender still reaches `maxAttempts`.
 */
import { and, count, eq, inArray, isNull, lte, notInArray, or, sql } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { outbox } from "../../db/schema";
import type { Channel } from "./enqueue-message";
import type { MessageSender } from "./senders";

/** Far longer than a sender's request timeout (10 s), so a live claim never expires. */
export const CLAIM_LEASE_MS = 10 * 60_000;

export interface DeliverOptions {
  db: TenantDb;
  /** At most one per channel; a channel without a sender is left pending (local dev reads them at /dev/outbox). */
  senders: readonly MessageSender[];
  now: Date;
  limit?: number;
  maxAttempts?: number;
}

export interface DeliverResult {
  sent: number;
  /** Failed for the last time (maxAttempts reached): status "failed". */
  failed: number;
  /** Failed, still pending for a later run. */
  retried: number;
  /** Left pending: no sender for the channel, or another run claimed it first. */
  skipped: number;
}

export async function deliverPending({
  db,
  senders,
  now,
  limit = 20,
  maxAttempts = 5,
}: DeliverOptions): Promise<DeliverResult> {
  const byChannel = new Map<Channel, MessageSender>();
  for (const s of senders) {
    if (byChannel.has(s.channel)) throw new Error(`two senders for channel "${s.channel}"`);
    byChannel.set(s.channel, s);
  }
  const channels = [...byChannel.keys()];
  const t = now.getTime();
  const result: DeliverResult = { sent: 0, failed: 0, retried: 0, skipped: await countUnsendable(db, channels) };
  if (channels.length === 0) return result;

  // Channels without a sender are filtered here, not skipped in the loop: a
  // backlog of unsendable SMS would otherwise fill every batch and starve email.
  const due = await db
    .select()
    .from(outbox)
    .where(
      and(
        eq(outbox.status, "pending"),
        inArray(outbox.channel, channels),
        or(isNull(outbox.sentAt), lte(outbox.sentAt, t - CLAIM_LEASE_MS)),
      ),
    )
    .orderBy(outbox.id)
    .limit(limit);

  for (const m of due) {
    const attempt = m.attempts + 1;
    const claim = await db
      .update(outbox)
      .set({ attempts: sql`${outbox.attempts} + 1`, sentAt: t })
      .where(and(eq(outbox.id, m.id), eq(outbox.status, "pending"), eq(outbox.attempts, m.attempts)))
      .run();
    if (claim.rowsAffected !== 1) {
      result.skipped++;
      continue;
    }
    // Written only while the claim is still ours: if this run outlived its lease
    // and another run re-claimed the row, attempts has moved on and this matches nothing.
    const mine = and(eq(outbox.id, m.id), eq(outbox.attempts, attempt));
    try {
      await byChannel.get(m.channel)!.send({ recipient: m.recipient, subject: m.subject, body: m.body, kind: m.kind });
    } catch (err) {
      const last = attempt >= maxAttempts;
      await db
        .update(outbox)
        .set({ status: last ? "failed" : "pending", sentAt: null, lastError: describe(err) })
        .where(mine);
      result[last ? "failed" : "retried"]++;
      continue;
    }
    await db.update(outbox).set({ status: "sent", sentAt: t, lastError: null }).where(mine);
    result.sent++;
  }
  return result;
}

async function countUnsendable(db: TenantDb, channels: Channel[]): Promise<number> {
  if (channels.length === 2) return 0; // both channels have senders
  const [row] = await db
    .select({ n: count() })
    .from(outbox)
    .where(
      channels.length
        ? and(eq(outbox.status, "pending"), notInArray(outbox.channel, channels))
        : eq(outbox.status, "pending"),
    );
  return row?.n ?? 0;
}

function describe(err: unknown): string {
  return (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 500);
}
