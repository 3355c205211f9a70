/**
 * Marking notices read: one UPDATE each, on the user's own rows only (another user's id matches
 * nothing and answers 404, as a missing one does). Marking a notice read twice keeps the first time.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { notices, type NoticeRow } from "../../db/schema";
import { AppError } from "../../lib/errors";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";

export async function markNoticeRead({
  ctx,
  id,
}: {
  ctx: Pick<RequestCtx<Actor>, "db" | "actor" | "now">;
  id: number;
}): Promise<NoticeRow> {
  const [row] = await ctx.db
    .update(notices)
    .set({ readAt: sql`coalesce(${notices.readAt}, ${ctx.now.getTime()})` })
    .where(and(eq(notices.id, id), eq(notices.userId, ctx.actor.id)))
    .returning();
  if (!row) throw new AppError("not_found", "没有这条消息。");
  return row;
}

/** Every unread notice of the user's, read now; returns how many were unread. */
export async function markAllNoticesRead({
  ctx,
}: {
  ctx: Pick<RequestCtx<Actor>, "db" | "actor" | "now">;
}): Promise<number> {
  const rows = await ctx.db
    .update(notices)
    .set({ readAt: ctx.now.getTime() })
    .where(and(eq(notices.userId, ctx.actor.id), isNull(notices.readAt)))
    .returning({ id: notices.id });
  return rows.length;
}
