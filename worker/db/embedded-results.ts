/**
 * How ./embedded-connection passes values in and shapes what comes back. The conversions are
 * @libsql/client's (lib-esm/sqlite3.js, 0.18.0), kept rule for rule, because drizzle and every
 * caller were written against them: rows are array-likes whose indexes and `length` are hidden
 * and whose column names are enumerable; integers come back as numbers (a RangeError beyond
 * 2^53, never a silently rounded one) unless intMode says otherwise; blobs are ArrayBuffers;
 * booleans and Dates go in as integers; errors carry SQLite's codes.
 */
import { Buffer } from "node:buffer";
import { type InArgs, type InValue, type IntMode, LibsqlError, type ResultSet, type Row } from "@libsql/client";
import Database from "libsql";

/** Statement arguments as libsql takes them: positional, or named without their `:`/`@`/`$`. */
export function argsToSql(args: InArgs | undefined, intMode: IntMode) {
  if (args === undefined) return [];
  if (Array.isArray(args)) return args.map((value) => valueToSql(value, intMode));
  const named: Record<string, unknown> = {};
  for (const name in args) {
    const argName = name[0] === "@" || name[0] === "$" || name[0] === ":" ? name.substring(1) : name;
    named[argName] = valueToSql(args[name]!, intMode);
  }
  return named;
}

export function rowFromSql(sqlRow: unknown[], columns: string[], intMode: IntMode): Row {
  const row = {};
  // The length is not enumerable, so spreading a row gives its columns only.
  Object.defineProperty(row, "length", { value: sqlRow.length });
  for (let i = 0; i < sqlRow.length; ++i) {
    const value = valueFromSql(sqlRow[i], intMode);
    Object.defineProperty(row, i, { value });
    const column = columns[i]!;
    if (!Object.hasOwn(row, column))
      Object.defineProperty(row, column, { value, enumerable: true, configurable: true, writable: true });
  }
  return row as Row;
}

const minSafeBigint = -9007199254740991n;
const maxSafeBigint = 9007199254740991n;
const minInteger = -9223372036854775808n;
const maxInteger = 9223372036854775807n;

function valueFromSql(sqlValue: unknown, intMode: IntMode) {
  if (typeof sqlValue === "bigint") {
    if (intMode === "number") {
      if (sqlValue < minSafeBigint || sqlValue > maxSafeBigint)
        throw new RangeError("Received integer which cannot be safely represented as a JavaScript number");
      return Number(sqlValue);
    }
    if (intMode === "bigint") return sqlValue;
    if (intMode === "string") return `${sqlValue}`;
    throw new Error("Invalid value for IntMode");
  }
  // The Buffer's backing store, as @libsql/client hands a blob on.
  if (sqlValue instanceof Buffer) return (sqlValue as Buffer).buffer;
  return sqlValue;
}

function valueToSql(value: InValue, intMode: IntMode): unknown {
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new RangeError("Only finite numbers (not Infinity or NaN) can be passed as arguments");
    return value;
  }
  if (typeof value === "bigint") {
    if (value < minInteger || value > maxInteger)
      throw new RangeError("bigint is too large to be represented as a 64-bit integer and passed as argument");
    return value;
  }
  if (typeof value === "boolean") {
    if (intMode === "bigint") return value ? 1n : 0n;
    if (intMode === "string") return value ? "1" : "0";
    return value ? 1 : 0;
  }
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError("undefined cannot be passed as argument to the database");
  return value;
}

/** libsql's SqliteError as the LibsqlError @libsql/client throws (./time-limited-client reads its `code`). */
export function asLibsqlError(e: unknown): unknown {
  if (!(e instanceof Database.SqliteError)) return e;
  const { code: extendedCode, rawCode } = e as { code: string; rawCode?: number };
  return new LibsqlError(e.message, baseCodeOf(rawCode), extendedCode, rawCode, e);
}

// Extended result codes are base | (extended << 8).
function baseCodeOf(rawCode: number | undefined): string {
  if (rawCode === undefined) return "SQLITE_UNKNOWN";
  const base = rawCode & 0xff;
  return SQLITE_CODES[base - 1] ?? `SQLITE_UNKNOWN_${base}`;
}

const SQLITE_CODES = [
  "SQLITE_ERROR",
  "SQLITE_INTERNAL",
  "SQLITE_PERM",
  "SQLITE_ABORT",
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "SQLITE_NOMEM",
  "SQLITE_READONLY",
  "SQLITE_INTERRUPT",
  "SQLITE_IOERR",
  "SQLITE_CORRUPT",
  "SQLITE_NOTFOUND",
  "SQLITE_FULL",
  "SQLITE_CANTOPEN",
  "SQLITE_PROTOCOL",
  "SQLITE_EMPTY",
  "SQLITE_SCHEMA",
  "SQLITE_TOOBIG",
  "SQLITE_CONSTRAINT",
  "SQLITE_MISMATCH",
  "SQLITE_MISUSE",
  "SQLITE_NOLFS",
  "SQLITE_AUTH",
  "SQLITE_FORMAT",
  "SQLITE_RANGE",
  "SQLITE_NOTADB",
  "SQLITE_NOTICE",
  "SQLITE_WARNING",
];

/** @libsql/client's ResultSetImpl: the same fields and the same `toJSON`. */
export class EmbeddedResultSet implements ResultSet {
  constructor(
    readonly columns: string[],
    readonly columnTypes: string[],
    readonly rows: Row[],
    readonly rowsAffected: number,
    readonly lastInsertRowid: bigint | undefined,
  ) {}
  toJSON() {
    return {
      columns: this.columns,
      columnTypes: this.columnTypes,
      rows: this.rows.map((row) => Array.prototype.map.call(row, valueToJson)),
      rowsAffected: this.rowsAffected,
      lastInsertRowid: this.lastInsertRowid !== undefined ? `${this.lastInsertRowid}` : null,
    };
  }
}

function valueToJson(value: unknown) {
  if (typeof value === "bigint") return `${value}`;
  if (value instanceof ArrayBuffer) return Buffer.from(value).toString("base64");
  return value;
}
