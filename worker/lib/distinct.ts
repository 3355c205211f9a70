/**
 * A list input whose entries must differ: a repeated choice (the same guarantee
 * twice) means nothing, and accepting repeats is how 100,000 copies of one got
 * stored. Refused with a 422 naming the field, rather than silently collapsed,
 * so a client learns its input was wrong.
 */
import type { z } from "@hono/zod-openapi";

export function distinct<T extends z.ZodArray<z.ZodType>>(schema: T, label: string) {
  return schema.refine(
    (items) => new Set(items.map((item) => JSON.stringify(item))).size === items.length,
    `${label}不能重复`,
  );
}
