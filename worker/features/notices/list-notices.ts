/**
 * A signed-in user's 消息中心: their own notices, newest first, a page at a time (keyset on the
 * id), with the total and the unread count — one batch, so one round trip after the session's.
 * Only the user's own rows are ever read: another user's id is simply not in the list.
 */
import { and, count, desc, eq, isNull, lt } from "drizzle-orm";
import { notices, type NoticeRow } from "../../db/schema";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";

export const NOTICES_PAGE_SIZE = 20;

export interface NoticesPage {
  rows: NoticeRow[];
  total: number;
  unread: number;
  /** The `after` of the next (older) page, or null on the last. */
  nextCursor: string | null;
}

export async function listNotices({
  ctx,
  after,
  limit = NOTICES_PAGE_SIZE,
}: {
  ctx: Pick<RequestCtx<Actor>, "db" | "actor">;
  after?: number | undefined;
  limit?: number;
}): Promise<NoticesPage> {
  const { db, actor } = ctx;
  const mine = eq(notices.userId, actor.id);
  const [rows, [all], [unread]] = await db.batch([
    db
      .select()
      .from(notices)
      .where(after === undefined ? mine : and(mine, lt(notices.id, after)))
      .orderBy(desc(notices.id))
      .limit(limit + 1),
    db.select({ n: count() }).from(notices).where(mine),
    db
      .select({ n: count() })
      .from(notices)
      .where(and(mine, isNull(notices.readAt))),
  ]);
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  return {
    rows: shown,
    total: all?.n ?? 0,
    unread: unread?.n ?? 0,
    nextCursor: more ? String(shown.at(-1)!.id) : null,
  };
}
