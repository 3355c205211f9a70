/** The JSON error envelope as an OpenAPI schema, and zod → AppError for every API router. */
import { z, type Hook } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { AppError } from "./errors";
import { BAD_CHARACTERS } from "./text";

export const ErrorEnvelope = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "not_found" }),
      message: z.string().openapi({ description: "A sentence a person can act on (Chinese)." }),
      requestId: z.string().optional(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .openapi("Error");

export const errorResponses = {
  404: { description: "Not found", content: { "application/json": { schema: ErrorEnvelope } } },
  422: { description: "Invalid input", content: { "application/json": { schema: ErrorEnvelope } } },
} as const;

/**
 * Every API router uses this hook, so invalid input always becomes one 422 with
 * per-field messages — or a 400 when a text field holds control characters
 * (worker/lib/text.ts): that is a malformed request, not a value to correct.
 */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (result.success) return;
  const fields: Record<string, string> = {};
  let malformed = false;
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
    if (issue.code === "custom" && (issue.params as { reason?: string } | undefined)?.reason === BAD_CHARACTERS)
      malformed = true;
  }
  throw new AppError(
    malformed ? "bad_request" : "validation_failed",
    `输入有误:${Object.entries(fields)
      .map(([k, v]) => `${k}:${v}`)
      .join(";")}`,
    fields,
  );
};
