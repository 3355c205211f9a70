/**
 * The one encoding of a keyset cursor (the last shown row's sort key, opaque to clients): the key's
 * JSON in UTF-8 — a name in a key is Chinese — as unpadded base64url, safe in a query string. Each
 * list checks the decoded key's shape itself and answers a malformed one with its own 422.
 */
import { z } from "@hono/zod-openapi";
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";

export function encodeCursorKey(key: unknown): string {
  return encodeBase64urlNoPadding(new TextEncoder().encode(JSON.stringify(key)));
}

/** The decoded key, or undefined when the cursor is not base64url JSON in UTF-8 (never throws). */
export function decodeCursorKey(cursor: string): unknown {
  try {
    const bytes = decodeBase64urlIgnorePadding(cursor);
    return JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    return undefined;
  }
}

/** The `limit` query parameter of a paged list: 1 to `max` rows, `fallback` when absent. */
export function pageLimitParam(max: number, fallback: number) {
  return z.coerce
    .number()
    .int("每页条数须为整数")
    .min(1, "每页至少 1 条")
    .max(max, `每页最多 ${max} 条`)
    .optional()
    .openapi({ description: `rows per page (default ${fallback})` });
}
