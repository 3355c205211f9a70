/**
 * The two kinds of failure in Hrana over HTTP. A `ProtocolError` means the
 * client broke the protocol (bad JSON, bad baton, unknown sql_id): the whole
 * HTTP request fails with a 4xx `{ message, code }` body and the stream is
 * dropped, as sqld does. A `RequestError` is an ordinary outcome of one
 * request (a constraint violation, a syntax error, bad arguments) and becomes
 * `{ type: "error", error: { message, code } }` in the pipeline results.
 */

export class ProtocolError extends Error {
  readonly code: string;
  readonly status: 400 | 404 | 413 | 500;

  constructor(code: string, message: string, status: 400 | 404 | 413 | 500 = 400) {
    super(message);
    this.name = "ProtocolError";
    this.code = code;
    this.status = status;
  }
}

export class RequestError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = "RequestError";
    this.code = code;
  }
}

export interface ProtoError {
  message: string;
  code: string;
}

/** The `{ message, code }` shape Hrana uses for errors. */
export function toProtoError(error: RequestError): ProtoError {
  return { message: error.message, code: error.code };
}

// Base result codes, so that `code` matches what sqld and @libsql/client's
// local driver report (the extended code, e.g. SQLITE_CONSTRAINT_UNIQUE, stays
// in the native error and is not part of the Hrana error shape).
const BASE_CODES: Record<number, string> = {
  1: "SQLITE_ERROR",
  2: "SQLITE_INTERNAL",
  3: "SQLITE_PERM",
  4: "SQLITE_ABORT",
  5: "SQLITE_BUSY",
  6: "SQLITE_LOCKED",
  7: "SQLITE_NOMEM",
  8: "SQLITE_READONLY",
  9: "SQLITE_INTERRUPT",
  10: "SQLITE_IOERR",
  11: "SQLITE_CORRUPT",
  12: "SQLITE_NOTFOUND",
  13: "SQLITE_FULL",
  14: "SQLITE_CANTOPEN",
  15: "SQLITE_PROTOCOL",
  16: "SQLITE_EMPTY",
  17: "SQLITE_SCHEMA",
  18: "SQLITE_TOOBIG",
  19: "SQLITE_CONSTRAINT",
  20: "SQLITE_MISMATCH",
  21: "SQLITE_MISUSE",
  22: "SQLITE_NOLFS",
  23: "SQLITE_AUTH",
  24: "SQLITE_FORMAT",
  25: "SQLITE_RANGE",
  26: "SQLITE_NOTADB",
};

interface NativeErrorShape {
  message: string;
  code?: unknown;
  rawCode?: unknown;
}

function isNativeError(error: unknown): error is NativeErrorShape {
  return (
    error instanceof Error &&
    (typeof (error as NativeErrorShape).rawCode === "number" || typeof (error as NativeErrorShape).code === "string")
  );
}

/** The extended code of a native SQLite error (e.g. SQLITE_BUSY_SNAPSHOT), if it has one. */
export function nativeExtendedCode(error: unknown): string | undefined {
  return isNativeError(error) && typeof error.code === "string" ? error.code : undefined;
}

/** Turns anything the native module throws into a per-request error. */
export function requestErrorFromNative(error: unknown): RequestError {
  if (error instanceof RequestError) return error;
  if (isNativeError(error)) {
    const raw = typeof error.rawCode === "number" ? error.rawCode : undefined;
    const extended = typeof error.code === "string" ? error.code : undefined;
    const base = raw !== undefined ? BASE_CODES[raw & 0xff] : undefined;
    const code =
      base ?? (extended?.startsWith("SQLITE_") ? extended.split("_").slice(0, 2).join("_") : "SQLITE_UNKNOWN");
    return new RequestError(code, `SQLite error: ${error.message}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new RequestError("SQLITE_UNKNOWN", `SQLite error: ${message}`);
}
