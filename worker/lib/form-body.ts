/**
 * A form POST's fields, or none: a body that is not a form (wrong content type,
 * cut off, too large for the parser) reads as an empty form, so the page's own
 * validation answers with its usual 4xx and message instead of a 500.
 */
import type { Context } from "hono";

export type FormBody = Record<string, string | File | (string | File)[]>;

/** Text fields and files; `all: true` keeps every value of a repeated field (checkboxes) as an array. */
export async function readFormBody(c: Context, opts: { all?: boolean } = {}): Promise<FormBody> {
  return (await c.req.parseBody({ all: opts.all ?? false }).catch(() => ({}))) as FormBody;
}
