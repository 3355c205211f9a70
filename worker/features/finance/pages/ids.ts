/**
 * Ids and small numbers in the 金融超市 pages' URLs and forms: a mistyped id is
 * the page that does not exist (404), never a query for it.
 */
import type { Context } from "hono";
import type { AppEnv } from "../../../env";
import { normaliseNumberText } from "../../../lib/amount-input";
import { AppError } from "../../../lib/errors";

/** Ids in paths: ours are base32 (newId); the demo's are readable slugs. Anything else is a mistyped link. */
export const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The path parameter `name` as an id, or the 404 `message`. */
export function pathId(c: Context<AppEnv>, name: string, message: string): string {
  const id = c.req.param(name) ?? "";
  if (!ID.test(id)) throw new AppError("not_found", message);
  return id;
}

/** newId(): 26 characters of lower-case base32 (the bank's pages take no demo slugs); anything else is a 404. */
export function newIdParam(c: Context<AppEnv>, message: string): string {
  const id = c.req.param("id") ?? "";
  if (!/^[a-z2-7]{26}$/.test(id)) throw new AppError("not_found", message);
  return id;
}

/** Whole months, 1–360; null otherwise. */
export function months(text: string | undefined): number | null {
  const m = /^\d{1,3}$/.exec(normaliseNumberText(text ?? ""));
  const n = m ? Number(m[0]) : 0;
  return n >= 1 && n <= 360 ? n : null;
}
