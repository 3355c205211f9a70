/**
 * Batches: steps run in order, each guarded by an optional condition over the
 * outcomes of earlier steps (and, from version 3, the connection's autocommit
 * state). This is how @libsql/client wraps a batch in BEGIN ... COMMIT with a
 * ROLLBACK step that runs only when the COMMIT did not succeed.
 */
import { ProtocolError, RequestError, toProtoError, type ProtoError } from "./errors";
import type { BatchCond, HranaVersion } from "./protocol";
import { executeStmt, type CheckedStmt, type StmtResult } from "./statement";
import type { NativeDb } from "./tenants";

export interface CheckedStep {
  condition: BatchCond | null | undefined;
  stmt: CheckedStmt;
}

export interface BatchResult {
  step_results: Array<StmtResult | null>;
  step_errors: Array<ProtoError | null>;
}

type Outcome = "ok" | "error" | "skipped";

// Far beyond anything a client builds; keeps evaluation off the edge of the stack.
const MAX_COND_DEPTH = 64;

/** Rejects conditions that refer to the current or a later step, as sqld does, before anything runs. */
export function checkCondition(cond: BatchCond, stepIndex: number, version: HranaVersion, depth = 0): void {
  if (depth > MAX_COND_DEPTH)
    throw new ProtocolError("BATCH_COND_TOO_DEEP", `Batch conditions nest deeper than ${MAX_COND_DEPTH} levels`);
  switch (cond.type) {
    case "ok":
    case "error":
      if (cond.step >= stepIndex)
        throw new ProtocolError("BATCH_COND_BAD_STEP", "Invalid reference to step in a batch condition");
      return;
    case "not":
      checkCondition(cond.cond, stepIndex, version, depth + 1);
      return;
    case "and":
    case "or":
      for (const inner of cond.conds) checkCondition(inner, stepIndex, version, depth + 1);
      return;
    case "is_autocommit":
      if (version < 3)
        throw new ProtocolError(
          "NOT_SUPPORTED",
          "BatchCond of type `is_autocommit` is only supported in protocol version 3 and higher",
        );
      return;
  }
}

function holds(cond: BatchCond, outcomes: Outcome[], db: NativeDb): boolean {
  switch (cond.type) {
    case "ok":
      return outcomes[cond.step] === "ok";
    case "error":
      return outcomes[cond.step] === "error";
    case "not":
      return !holds(cond.cond, outcomes, db);
    case "and":
      return cond.conds.every((inner) => holds(inner, outcomes, db));
    case "or":
      return cond.conds.some((inner) => holds(inner, outcomes, db));
    case "is_autocommit":
      return !db.inTransaction;
  }
}

/** Runs the steps whose conditions hold; a failing step is recorded in `step_errors`, not thrown. */
export function executeBatch(db: NativeDb, steps: CheckedStep[]): BatchResult {
  const outcomes: Outcome[] = [];
  const result: BatchResult = { step_results: [], step_errors: [] };
  for (const step of steps) {
    if (step.condition && !holds(step.condition, outcomes, db)) {
      outcomes.push("skipped");
      result.step_results.push(null);
      result.step_errors.push(null);
      continue;
    }
    try {
      result.step_results.push(executeStmt(db, step.stmt));
      result.step_errors.push(null);
      outcomes.push("ok");
    } catch (error) {
      if (!(error instanceof RequestError)) throw error;
      result.step_results.push(null);
      result.step_errors.push(toProtoError(error));
      outcomes.push("error");
    }
  }
  return result;
}

/** The newline-delimited entries of a v3 cursor response for a finished batch. */
export function cursorEntries(result: BatchResult): object[] {
  const entries: object[] = [];
  result.step_results.forEach((stepResult, step) => {
    const stepError = result.step_errors[step];
    if (stepResult) {
      entries.push({ type: "step_begin", step, cols: stepResult.cols });
      for (const row of stepResult.rows) entries.push({ type: "row", row });
      entries.push({
        type: "step_end",
        affected_row_count: stepResult.affected_row_count,
        last_insert_rowid: stepResult.last_insert_rowid,
      });
    } else if (stepError) {
      entries.push({ type: "step_error", step, error: stepError });
    }
  });
  return entries;
}
