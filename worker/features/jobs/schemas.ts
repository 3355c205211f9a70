/** The jobs API's shapes: what a zone admin reads of a job (never its lease). */
import { z } from "@hono/zod-openapi";
import { JOB_KINDS, JOB_STATUSES, type JobRow } from "../../db/schema";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const Job = z
  .object({
    id: z.number().int(),
    kind: z.enum(JOB_KINDS),
    status: z.enum(JOB_STATUSES),
    /** Items done of `total` (null when unknown). */
    done: z.number().int(),
    total: z.number().int().nullable(),
    /** Messages queued in the outbox so far. */
    messages: z.number().int(),
    /** Claims since the last chunk committed; the job fails after a few. */
    attempts: z.number().int(),
    /** The last failure, kept after a successful retry. */
    error: z.string().nullable(),
    params: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    updatedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi("Job");

export const jobJson = (j: JobRow): z.infer<typeof Job> => ({
  id: j.id,
  kind: j.kind,
  status: j.status,
  done: j.done,
  total: j.total,
  messages: j.messages,
  attempts: j.attempts,
  error: j.error,
  params: JSON.parse(j.params) as Record<string, unknown>,
  createdAt: iso(j.createdAt)!,
  startedAt: iso(j.startedAt),
  updatedAt: iso(j.updatedAt)!,
  finishedAt: iso(j.finishedAt),
});

export const JobIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31)
    .openapi({ param: { name: "id", in: "path" }, example: 1 }),
});

export const JobsQuery = z.object({
  after: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31)
    .optional()
    .openapi({ param: { name: "after", in: "query" }, description: "The previous page's nextCursor" }),
});
