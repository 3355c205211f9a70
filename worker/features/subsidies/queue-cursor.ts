/**
 * Keyset paging for the application lists: a page ends with an opaque cursor (the
 * sort key of its last row, base64url JSON) and the next page starts strictly after
 * it. Unlike an offset, a keyset page costs the same at row 19,000 as at row 1 (the
 * index seeks to the key), and an application moving between pages while someone
 * reads them is neither shown twice nor skipped.
 */
import { decodeCursorKey, encodeCursorKey } from "../../lib/cursor";
import { z } from "@hono/zod-openapi";
import { AppError } from "../../lib/errors";

/** The most rows an API caller may ask for in one page. */
export const MAX_PAGE = 200;

/** The sort key of a row: strings and integers only (the lists' keys are made non-null in SQL). */
const Key = z
  .array(z.union([z.string().max(64), z.number().int()]))
  .min(1)
  .max(4);
export type Key = z.infer<typeof Key>;

/** What `?after=` accepts: a cursor this app wrote (the bound keeps a hostile one cheap to refuse). */
export const CursorParam = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, "翻页参数有误,请回到第一页")
  .openapi({ description: "The previous page's nextCursor: the page after it" });

export function encodeCursor(key: Key): string {
  return encodeCursorKey(key);
}

/** The key in a cursor of `arity` parts; anything else is a 422 that says to start again. */
export function decodeCursor(cursor: string, arity: number): Key {
  const key = Key.safeParse(decodeCursorKey(cursor));
  if (key.success && key.data.length === arity) return key.data;
  throw new AppError("validation_failed", "翻页参数有误,请回到第一页。", { after: "翻页参数有误" });
}

/**
 * Reads one row more than the page shows, to know whether there is a next page
 * without a second query; the cursor is the key of the page's last row.
 */
export function pageOf<R>(rows: R[], size: number, keyOf: (row: R) => Key): { rows: R[]; nextCursor: string | null } {
  if (rows.length <= size) return { rows, nextCursor: null };
  const shown = rows.slice(0, size);
  return { rows: shown, nextCursor: encodeCursor(keyOf(shown[shown.length - 1]!)) };
}
