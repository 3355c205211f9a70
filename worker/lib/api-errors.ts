/** The JSON error envelope as an OpenAPI schema, and zod → AppError for every API router. */
import { z, type Hook } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { AppError } from "./errors";

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

/** Every API router uses this hook, so invalid input always becomes one 422 with per-field messages. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (result.success) return;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  throw new AppError("validation_failed", `输入有误:${Object.entries(fields).map(([k, v]) => `${k}:${v}`).join(";")}`, fields);
};
