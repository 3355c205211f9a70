/**
 * Zod schemas for Hrana-over-HTTP request bodies (JSON encoding, versions 2
 * and 3). Every body is parsed here before anything reaches the native
 * module; unknown fields are ignored like sqld's serde structs do, unknown
 * request or value types are rejected.
 */
import { z } from "zod";
import { ProtocolError } from "./errors";
import { protoValueSchema } from "./values";

const sqlId = z
  .number()
  .int()
  .min(-(2 ** 31))
  .max(2 ** 31 - 1);
const stepIndex = z
  .number()
  .int()
  .min(0)
  .max(2 ** 32 - 1);
// Accepted and ignored: this server has no replicas.
const replicationIndex = z.union([z.string(), z.number()]).nullish();

/** A statement: SQL text or a stored sql_id, with positional or named arguments. */
export const stmtSchema = z.object({
  sql: z.string().nullish(),
  sql_id: sqlId.nullish(),
  args: z.array(protoValueSchema).nullish(),
  named_args: z.array(z.object({ name: z.string(), value: protoValueSchema })).nullish(),
  want_rows: z.boolean().nullish(),
  replication_index: replicationIndex,
});

export type BatchCond =
  | { type: "ok"; step: number }
  | { type: "error"; step: number }
  | { type: "not"; cond: BatchCond }
  | { type: "and"; conds: BatchCond[] }
  | { type: "or"; conds: BatchCond[] }
  | { type: "is_autocommit" };

const batchCondSchema: z.ZodType<BatchCond> = z.lazy(() =>
  z.discriminatedUnion("type", [
    z.object({ type: z.literal("ok"), step: stepIndex }),
    z.object({ type: z.literal("error"), step: stepIndex }),
    z.object({ type: z.literal("not"), cond: batchCondSchema }),
    z.object({ type: z.literal("and"), conds: z.array(batchCondSchema) }),
    z.object({ type: z.literal("or"), conds: z.array(batchCondSchema) }),
    z.object({ type: z.literal("is_autocommit") }),
  ]),
);

/** Steps with optional conditions on earlier steps. */
export const batchSchema = z.object({
  steps: z.array(z.object({ condition: batchCondSchema.nullish(), stmt: stmtSchema })),
  replication_index: replicationIndex,
});

const sqlRef = { sql: z.string().nullish(), sql_id: sqlId.nullish(), replication_index: replicationIndex };

const streamRequestSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("close") }),
  z.object({ type: z.literal("execute"), stmt: stmtSchema }),
  z.object({ type: z.literal("batch"), batch: batchSchema }),
  z.object({ type: z.literal("sequence"), ...sqlRef }),
  z.object({ type: z.literal("describe"), ...sqlRef }),
  z.object({ type: z.literal("store_sql"), sql_id: sqlId, sql: z.string() }),
  z.object({ type: z.literal("close_sql"), sql_id: sqlId }),
  z.object({ type: z.literal("get_autocommit") }),
]);

/** Body of POST v2/pipeline and v3/pipeline. */
export const pipelineBodySchema = z.object({
  baton: z.string().nullish(),
  requests: z.array(streamRequestSchema),
});

/** Body of POST v3/cursor. */
export const cursorBodySchema = z.object({
  baton: z.string().nullish(),
  batch: batchSchema,
});

export type Stmt = z.output<typeof stmtSchema>;
export type Batch = z.output<typeof batchSchema>;
export type StreamRequest = z.output<typeof streamRequestSchema>;
export type PipelineBody = z.output<typeof pipelineBodySchema>;
export type CursorBody = z.output<typeof cursorBodySchema>;
export type HranaVersion = 2 | 3;

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join(".");
  return path === "" ? issue.message : `${path}: ${issue.message}`;
}

/** Parses raw body text with `schema`; any failure is a 400 protocol error. */
export function parseBody<T extends z.ZodType>(text: string, schema: T): z.output<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ProtocolError(
      "JSON_DESERIALIZE",
      `Cannot deserialize client message from JSON: ${(error as Error).message}`,
    );
  }
  let result: ReturnType<T["safeParse"]>;
  try {
    result = schema.safeParse(json) as ReturnType<T["safeParse"]>;
  } catch (error) {
    // Deeply nested batch conditions can exhaust the stack inside zod.
    throw new ProtocolError("JSON_DESERIALIZE", `Cannot validate client message: ${(error as Error).message}`);
  }
  if (!result.success) {
    const details = result.error.issues.slice(0, 3).map(describeIssue).join("; ");
    throw new ProtocolError("JSON_DESERIALIZE", `Invalid client message: ${details}`);
  }
  return result.data as z.output<T>;
}
