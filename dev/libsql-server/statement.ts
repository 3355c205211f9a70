/**
 * Executing single statements, sequences and describes on a native
 * connection. Arguments are always bound by index from an array built here:
 * the native module's named binding aborts the process on a name it cannot
 * find, so names are resolved against the scanned parameters first, with
 * sqld's rules (`a` and `:a` both match `:a`; every parameter needs a value;
 * positional and named arguments do not mix).
 */
import { nativeExtendedCode, RequestError, requestErrorFromNative } from "./errors";
import type { Stmt } from "./protocol";
import { scanStatement, splitStatements, type ScannedStatement } from "./sql-scan";
import { markStuck, type NativeDb } from "./tenants";
import { toProtoValue, type NativeValue, type ProtoValue } from "./values";

export interface StmtResult {
  cols: Array<{ name: string | null; decltype: string | null }>;
  rows: ProtoValue[][];
  affected_row_count: number;
  last_insert_rowid: string | null;
}

export interface DescribeResult {
  params: Array<{ name: string | null }>;
  cols: Array<{ name: string; decltype: string | null }>;
  is_explain: boolean;
  is_readonly: boolean;
}

/** A statement checked against the protocol rules, ready to run. */
export interface CheckedStmt {
  sql: string;
  scan: ScannedStatement;
  args: NativeValue[];
  namedArgs: Map<string, NativeValue> | undefined;
  wantRows: boolean;
}

function argsInvalid(detail: string): RequestError {
  return new RequestError("ARGS_INVALID", `Arguments do not match SQL parameters: ${detail}`);
}

// The native module passes SQL and text as C strings, so everything after a NUL
// would silently vanish ("DELETE FROM t\0 WHERE ..." would empty the table).
function splitChecked(sql: string): string[] {
  if (sql.includes("\0"))
    throw new RequestError("SQL_PARSE_ERROR", "SQL string could not be parsed: it contains a NUL character");
  return splitStatements(sql);
}

function singleStatement(sql: string): string {
  const statements = splitChecked(sql);
  if (statements.length === 0) throw new RequestError("SQL_NO_STATEMENT", "SQL string does not contain any statement");
  if (statements.length > 1)
    throw new RequestError("SQL_MANY_STATEMENTS", "SQL string contains more than one statement");
  return statements[0]!;
}

/** Checks a statement's shape (one statement, one kind of arguments) without touching the database. */
export function checkStmt(sql: string, stmt: Stmt): CheckedStmt {
  const text = singleStatement(sql);
  const args = stmt.args ?? [];
  const named = stmt.named_args ?? [];
  if (args.length > 0 && named.length > 0) {
    throw new RequestError(
      "ARGS_BOTH_POSITIONAL_AND_NAMED",
      "Specifying both positional and named arguments is not supported",
    );
  }
  return {
    sql,
    scan: scanStatement(text),
    args,
    namedArgs: named.length > 0 ? new Map(named.map((arg) => [arg.name, arg.value])) : undefined,
    wantRows: stmt.want_rows ?? true,
  };
}

function bindValues(stmt: CheckedStmt): NativeValue[] {
  const { params, isExplain } = stmt.scan;
  const supplied = stmt.namedArgs?.size ?? stmt.args.length;
  if (supplied > params.length) throw argsInvalid(`too many parameters, expected ${params.length} found ${supplied}`);
  const used = new Set<string>();
  const values = params.map((name, index): NativeValue => {
    const isNamed = name !== null && !name.startsWith("?");
    let found: { value: NativeValue } | undefined;
    if (stmt.namedArgs && isNamed) {
      const key = stmt.namedArgs.has(name) ? name : stmt.namedArgs.has(name.slice(1)) ? name.slice(1) : undefined;
      if (key !== undefined) {
        used.add(key);
        found = { value: stmt.namedArgs.get(key)! };
      }
    } else if (!stmt.namedArgs && !isNamed && index < stmt.args.length) {
      found = { value: stmt.args[index]! };
    }
    if (typeof found?.value === "string" && found.value.includes("\0")) {
      const which = name ?? index + 1;
      throw argsInvalid(
        `the text for parameter ${which} contains a NUL character, which the embedded driver would truncate`,
      );
    }
    if (found) return found.value;
    // EXPLAIN compiles without running, so sqld lets its parameters go unbound.
    if (isExplain) return null;
    throw argsInvalid(`value for parameter ${name ?? index + 1} not found`);
  });
  for (const key of stmt.namedArgs?.keys() ?? []) {
    if (!used.has(key)) throw argsInvalid(`named argument ${key} does not match any parameter`);
  }
  return values;
}

const changesStatements = new WeakMap<NativeDb, ReturnType<NativeDb["prepare"]>>();

function changesAndRowid(db: NativeDb): [bigint, bigint] {
  let statement = changesStatements.get(db);
  if (!statement) {
    statement = db.prepare("SELECT changes(), last_insert_rowid()").raw(true);
    changesStatements.set(db, statement);
  }
  return statement.get([]) as [bigint, bigint];
}

function runOnce(db: NativeDb, stmt: CheckedStmt): StmtResult {
  const native = db.prepare(stmt.sql);
  const values = bindValues(stmt);
  let cols: StmtResult["cols"] = [];
  let rows: ProtoValue[][] = [];
  if (native.reader) {
    cols = native.columns().map((col) => ({ name: col.name, decltype: col.type }));
    const rawRows = native.raw(true).all(values) as unknown[][];
    if (stmt.wantRows) rows = rawRows.map((row) => row.map(toProtoValue));
  } else {
    native.run(values);
  }
  const { kind } = stmt.scan;
  if (kind !== "insert" && kind !== "update" && kind !== "delete") {
    return { cols, rows, affected_row_count: 0, last_insert_rowid: null };
  }
  const [changes, rowid] = changesAndRowid(db);
  return {
    cols,
    rows,
    affected_row_count: Number(changes),
    last_insert_rowid: kind === "insert" ? rowid.toString() : null,
  };
}

/** Whether a statement can run without the tenant's write gate (it only reads). */
export function isReadOnly(scan: ScannedStatement): boolean {
  return scan.isExplain || scan.kind === "select";
}

function nativeCall<T>(db: NativeDb, op: () => T): T {
  try {
    return op();
  } catch (error) {
    if (nativeExtendedCode(error)?.startsWith("SQLITE_BUSY")) markStuck(db);
    throw requestErrorFromNative(error);
  }
}

/** Runs one checked statement; every failure comes out as a RequestError. */
export function executeStmt(db: NativeDb, stmt: CheckedStmt): StmtResult {
  return nativeCall(db, () => runOnce(db, stmt));
}

/** Runs every statement of `sql` in order, stopping at the first error. */
export function executeSequence(db: NativeDb, sql: string): void {
  for (const text of splitChecked(sql)) {
    executeStmt(db, { sql: text, scan: scanStatement(text), args: [], namedArgs: undefined, wantRows: false });
  }
}

/** Parameters and result columns of a statement, without running it. */
export function describeStmt(db: NativeDb, sql: string): DescribeResult {
  const scan = scanStatement(singleStatement(sql));
  return nativeCall(db, () => {
    const native = db.prepare(sql);
    return {
      params: scan.params.map((name) => ({ name })),
      cols: native.reader ? native.columns().map((col) => ({ name: col.name, decltype: col.type })) : [],
      is_explain: scan.isExplain,
      // Approximation: the native module does not expose sqlite3_stmt_readonly.
      is_readonly: isReadOnly(scan),
    };
  });
}
