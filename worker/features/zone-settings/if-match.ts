/**
 * If-Match for the settings API: the version a client read (GET's ETag, `"12"`), so a
 * change made on an older version is refused (412) instead of silently undoing someone
 * else's. Absent or `*`: no condition (last writer wins). One tag only: a client holds
 * one version of the settings.
 */
import { z } from "@hono/zod-openapi";
import { AppError } from "../../lib/errors";

export const IfMatchHeader = z.object({
  "if-match": z.string().max(40).optional().openapi({
    description:
      'The ETag GET answered (e.g. "12"): refused with 412 if the settings changed since. Absent: last writer wins.',
    example: '"12"',
  }),
});

/** The version an If-Match names, or null for none / `*`; a value that is not one of our ETags is a 400. */
export function expectedVersionOf(header: string | undefined): number | null {
  const raw = header?.trim();
  if (!raw || raw === "*") return null;
  const m = /^(?:W\/)?"(\d{1,9})"$/.exec(raw);
  if (!m) throw new AppError("bad_request", 'If-Match 应为读取设置时得到的 ETag,例如 "12"(含引号)。');
  return Number(m[1]);
}
