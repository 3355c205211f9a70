/**
 * The pieces every OpenAPI route declaration repeats, written once: a JSON
 * response, a required JSON request body, and an error response (the one
 * ErrorEnvelope every 4xx/5xx carries).
 */
import type { z } from "@hono/zod-openapi";
import { ErrorEnvelope } from "./api-errors";

/** A JSON response of `schema`. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** A required JSON request body of `schema`. */
export const body = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { "application/json": { schema } } },
});

/** An error response: the ErrorEnvelope, described for this route. */
export const err = (description: string) => json(ErrorEnvelope, description);
