/**
 * Runs the requests of one pipeline (or one cursor batch) on a stream, in
 * order. Ordinary failures become per-request error results; a protocol
 * violation (unknown sql_id, bad batch condition, use of a closed stream)
 * aborts the whole HTTP request, as in sqld.
 */
import { checkCondition, executeBatch, type BatchResult, type CheckedStep } from "./batch";
import { ProtocolError, RequestError, requestErrorFromNative, toProtoError, type ProtoError } from "./errors";
import type { Batch, HranaVersion, StreamRequest } from "./protocol";
import {
  checkStmt,
  describeStmt,
  executeSequence,
  executeStmt,
  isReadOnly,
  type DescribeResult,
  type StmtResult,
} from "./statement";
import type { Stream } from "./streams";
import type { NativeDb } from "./tenants";

export type StreamResponse =
  | { type: "close" }
  | { type: "execute"; result: StmtResult }
  | { type: "batch"; result: BatchResult }
  | { type: "sequence" }
  | { type: "describe"; result: DescribeResult }
  | { type: "store_sql" }
  | { type: "close_sql" }
  | { type: "get_autocommit"; is_autocommit: boolean };

export type StreamResult = { type: "ok"; response: StreamResponse } | { type: "error"; error: ProtoError };

// sqld's limits for stored SQL texts; @libsql/client stays below them.
const MAX_STORED_SQLS = 50;
const MAX_STORED_SQL_BYTES = 5000;

function resolveSql(stream: Stream, sql: string | null | undefined, sqlId: number | null | undefined): string {
  const hasSql = sql !== null && sql !== undefined;
  const hasId = sqlId !== null && sqlId !== undefined;
  if (hasSql && hasId)
    throw new ProtocolError("SQL_ID_AND_SQL_GIVEN", "Either `sql` or `sql_id` are required, but not both");
  if (hasSql) return sql;
  if (!hasId) throw new ProtocolError("SQL_ID_OR_SQL_NOT_GIVEN", "Either `sql` or `sql_id` are required");
  const stored = stream.sqls.get(sqlId);
  if (stored === undefined) throw new ProtocolError("SQL_NOT_FOUND", `SQL text ${sqlId} not found`);
  return stored;
}

function useDb<T>(stream: Stream, mayWrite: boolean, fn: (db: NativeDb) => T): Promise<T> {
  if (stream.closed) throw new ProtocolError("BATON_STREAM_CLOSED", "Stream for this baton was closed");
  return stream.db.use(mayWrite, fn);
}

/** Resolves and checks every step before any of them runs. */
export function checkBatch(stream: Stream, batch: Batch, version: HranaVersion): CheckedStep[] {
  return batch.steps.map((step, index) => {
    if (step.condition) checkCondition(step.condition, index, version);
    return {
      condition: step.condition,
      stmt: checkStmt(resolveSql(stream, step.stmt.sql, step.stmt.sql_id), step.stmt),
    };
  });
}

/** Runs checked steps on the stream's connection, behind the write gate unless every step only reads. */
export function runBatch(stream: Stream, steps: CheckedStep[]): Promise<BatchResult> {
  const mayWrite = steps.some((step) => !isReadOnly(step.stmt.scan));
  return useDb(stream, mayWrite, (db) => executeBatch(db, steps));
}

async function handle(stream: Stream, request: StreamRequest, version: HranaVersion): Promise<StreamResponse> {
  switch (request.type) {
    case "close":
      stream.closed = true;
      return { type: "close" };
    case "execute": {
      const stmt = checkStmt(resolveSql(stream, request.stmt.sql, request.stmt.sql_id), request.stmt);
      return { type: "execute", result: await useDb(stream, !isReadOnly(stmt.scan), (db) => executeStmt(db, stmt)) };
    }
    case "batch": {
      const steps = checkBatch(stream, request.batch, version);
      return { type: "batch", result: await runBatch(stream, steps) };
    }
    case "sequence": {
      const sql = resolveSql(stream, request.sql, request.sql_id);
      await useDb(stream, true, (db) => executeSequence(db, sql));
      return { type: "sequence" };
    }
    case "describe": {
      const sql = resolveSql(stream, request.sql, request.sql_id);
      return { type: "describe", result: await useDb(stream, false, (db) => describeStmt(db, sql)) };
    }
    case "store_sql":
      if (stream.sqls.has(request.sql_id))
        throw new ProtocolError("SQL_EXISTS", `SQL text ${request.sql_id} already exists`);
      if (stream.sqls.size >= MAX_STORED_SQLS) {
        throw new RequestError(
          "SQL_STORE_TOO_MANY",
          `The server already stores ${stream.sqls.size} SQL texts, it cannot store more`,
        );
      }
      if (Buffer.byteLength(request.sql) > MAX_STORED_SQL_BYTES) {
        throw new RequestError(
          "SQL_STORE_TOO_LARGE",
          `The statement is too large to be stored: ${Buffer.byteLength(request.sql)}/${MAX_STORED_SQL_BYTES} bytes`,
        );
      }
      stream.sqls.set(request.sql_id, request.sql);
      return { type: "store_sql" };
    case "close_sql":
      stream.sqls.delete(request.sql_id);
      return { type: "close_sql" };
    case "get_autocommit":
      if (version < 3)
        throw new ProtocolError(
          "NOT_SUPPORTED",
          "The `get_autocommit` request is only supported in protocol version 3 and higher",
        );
      return { type: "get_autocommit", is_autocommit: await useDb(stream, false, (db) => !db.inTransaction) };
  }
}

/** One result per request, in order; throws only on a protocol violation. */
export async function runPipeline(
  stream: Stream,
  requests: StreamRequest[],
  version: HranaVersion,
): Promise<StreamResult[]> {
  const results: StreamResult[] = [];
  for (const request of requests) {
    try {
      results.push({ type: "ok", response: await handle(stream, request, version) });
    } catch (error) {
      if (error instanceof ProtocolError) throw error;
      results.push({ type: "error", error: toProtoError(requestErrorFromNative(error)) });
    }
  }
  return results;
}
