/** The zone's outbox, newest first: the dev viewer today, an admin page later. */
import { desc } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { outbox } from "../../db/schema";
import type { Channel } from "./enqueue-message";

export interface OutboxRecord {
  id: number;
  channel: Channel;
  recipient: string;
  subject: string;
  body: string;
  kind: string;
  status: "pending" | "sent" | "failed";
  attempts: number;
  /** ms since epoch (UTC). */
  createdAt: number;
  /** When it was delivered (status "sent"), else null. */
  sentAt: number | null;
  /** When a delivery run claimed it, while it is pending and being sent; see deliver-pending.ts. */
  claimedAt: number | null;
  lastError: string | null;
}

export async function listOutbox(
  { db }: { db: TenantDb },
  { limit = 50 }: { limit?: number } = {},
): Promise<OutboxRecord[]> {
  const n = Number.isFinite(limit) ? Math.min(200, Math.max(1, Math.trunc(limit))) : 50;
  const rows = await db.select().from(outbox).orderBy(desc(outbox.id)).limit(n);
  // sent_at doubles as the claim time of a pending row; callers get the two apart.
  return rows.map((r) => ({
    ...r,
    sentAt: r.status === "pending" ? null : r.sentAt,
    claimedAt: r.status === "pending" ? r.sentAt : null,
  }));
}
