/**
 * Keyset paging for the 金融超市 lists: a page is the rows after a cursor (the
 * last shown row's sort key, opaque to clients), read with its total in the
 * same batch. A zone holds thousands of needs and loans; an offset would make
 * the database walk every skipped row, and rows added meanwhile would shift a
 * page under the reader. Only pageSize + 1 rows are read: the extra one says
 * whether there is a next page.
 */
import { decodeCursorKey, encodeCursorKey } from "../../lib/cursor";
import { z } from "zod";
import { AppError } from "../../lib/errors";

export type CursorKey = (string | number)[];

/** What a list page answers: its rows, how many there are in all, and the cursor of the next page (null: the last). */
export interface Page<T> {
  rows: T[];
  total: number;
  nextCursor: string | null;
}

/** A cursor as a query parameter: bounded, base64url only (others are refused before any read). */
export const CursorParam = z
  .string()
  .max(300, "翻页参数太长")
  .regex(/^[A-Za-z0-9_-]+$/, "翻页参数格式不对");

/** Page sizes a client may ask for. */
export const LimitParam = (fallback: number) => z.coerce.number().int().min(1).max(100).default(fallback);

/** The key as an opaque cursor (lib/cursor.ts). */
export function encodeCursor(key: CursorKey): string {
  return encodeCursorKey(key);
}

const STALE = "翻页链接已失效,请回到第一页。";

/**
 * The sort key a cursor carries, checked against the list's key shape ("n" a number, "s" a string);
 * anything else is a 422 the reader can act on, never a query with a malformed key.
 */
export function decodeCursor(cursor: string | undefined, shape: readonly ("n" | "s")[]): CursorKey | null {
  if (!cursor) return null;
  const key = decodeCursorKey(cursor);
  const fits =
    Array.isArray(key) &&
    key.length === shape.length &&
    key.every((v, i) =>
      shape[i] === "n" ? typeof v === "number" && Number.isSafeInteger(v) : typeof v === "string" && v.length <= 60,
    );
  if (!fits) throw new AppError("validation_failed", STALE, { after: STALE });
  return key as CursorKey;
}

/** The page of `size` rows from `read` (size + 1 asked for), with the total and the next cursor. */
export function pageOf<T>(read: T[], size: number, total: number, keyOf: (row: T) => CursorKey): Page<T> {
  const rows = read.slice(0, size);
  const last = rows[rows.length - 1];
  return { rows, total, nextCursor: read.length > size && last ? encodeCursor(keyOf(last)) : null };
}
