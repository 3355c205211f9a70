/**
 * Keyset paging for the 企业名录 (and the 资质审核 queue): a page is the enterprises after (or before) a cursor, the
 * sort key (name, id) of the row it continues from, opaque to clients. Names are Chinese, so
 * the key travels as UTF-8 in base64url (btoa alone takes Latin-1 only). The older `?page=`
 * (an offset) keeps working for links already out there; the pager itself uses cursors.
 * (onboarding/queue-paging.ts and finance/paging.ts do the same for their lists; a shared
 * lib/keyset.ts would merge them.)
 */
import { decodeCursorKey, encodeCursorKey } from "../../lib/cursor";
import { z } from "@hono/zod-openapi";
import { AppError } from "../../lib/errors";

export type DirectoryKey = [name: string, id: string];

/** A cursor as a query parameter: bounded, base64url only, refused before any read otherwise. */
export const DirectoryCursor = z
  .string()
  .max(700, "翻页参数太长")
  .regex(/^[A-Za-z0-9_-]+$/, "翻页参数格式不对");

const STALE = "翻页链接已失效,请回到第一页。";

/** A sort key as an opaque cursor: JSON, UTF-8, base64url. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return encodeCursorKey(key);
}

/** The key a cursor carries if `fits` accepts it; anything else is a 422 that says what to do. */
function decodeCursor<K>(cursor: string, param: string, fits: (key: unknown[]) => boolean): K {
  const key = decodeCursorKey(cursor);
  if (Array.isArray(key) && fits(key)) return key as K;
  throw new AppError("validation_failed", STALE, { [param]: STALE });
}

const isId = (v: unknown) => typeof v === "string" && /^[a-z0-9]{1,40}$/.test(v);

export const encodeDirectoryCursor = (key: DirectoryKey) => encodeCursor(key);

export const decodeDirectoryCursor = (cursor: string, param: "after" | "before") =>
  decodeCursor<DirectoryKey>(
    cursor,
    param,
    (k) => k.length === 2 && typeof k[0] === "string" && k[0].length <= 200 && isId(k[1]),
  );

/** The 资质审核 queue's key: (created_at, id), oldest first. */
export type ClaimKey = [createdAt: number, id: string];

export const decodeClaimCursor = (cursor: string) =>
  decodeCursor<ClaimKey>(cursor, "after", (k) => k.length === 2 && Number.isSafeInteger(k[0]) && isId(k[1]));
