/**
 * Keyset paging for the 入驻审核 queue: a page is the rows after (or before) a cursor, the
 * sort key (updated_at, id) of the row it continues from, opaque to clients. A zone may
 * hold tens of thousands of applications; an OFFSET makes the database walk every skipped
 * row and shifts under a reviewer when an application moves, a key does neither. One row
 * beyond the page is read to know whether another page follows.
 * (finance/paging.ts does the same for the 金融超市 lists; a shared lib/keyset.ts would merge them.)
 */
import { decodeCursorKey, encodeCursorKey } from "../../lib/cursor";
import { z } from "@hono/zod-openapi";
import { AppError } from "../../lib/errors";

export type QueueKey = [updatedAt: number, id: string];

/** A cursor as a query parameter: bounded, base64url only, refused before any read otherwise. */
export const QueueCursor = z
  .string()
  .max(120, "翻页参数太长")
  .regex(/^[A-Za-z0-9_-]+$/, "翻页参数格式不对");

const STALE = "翻页链接已失效,请回到第一页。";

export function encodeQueueCursor([updatedAt, id]: QueueKey): string {
  return encodeCursorKey([updatedAt, id]);
}

/** The key a cursor carries; anything but [integer, id] is a 422 that says what to do. */
export function decodeQueueCursor(cursor: string, param: "after" | "before"): QueueKey {
  const key = decodeCursorKey(cursor);
  if (
    Array.isArray(key) &&
    key.length === 2 &&
    Number.isSafeInteger(key[0]) &&
    typeof key[1] === "string" &&
    /^[a-z0-9]{1,40}$/.test(key[1])
  )
    return key as QueueKey;
  throw new AppError("validation_failed", STALE, { [param]: STALE });
}

/**
 * The page out of `read` (at most size + 1 rows in reading order): `forward` reads newest
 * first after the cursor, backward reads oldest first before it and is turned round.
 */
export function queuePageOf<T>(
  read: T[],
  size: number,
  { forward, cursor }: { forward: boolean; cursor: boolean },
  keyOf: (row: T) => QueueKey,
) {
  const more = read.length > size;
  const rows = forward ? read.slice(0, size) : read.slice(0, size).reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const hasNext = forward ? more : cursor;
  const hasPrev = forward ? cursor : more;
  return {
    rows,
    nextCursor: hasNext && last ? encodeQueueCursor(keyOf(last)) : null,
    prevCursor: hasPrev && first ? encodeQueueCursor(keyOf(first)) : null,
  };
}
