/**
 * The client the entries hand to `openTenantDb` (./open): `connectTenant` puts a
 * time limit on every call and turns an outage (no answer, no connection, a locked
 * or failing server) into `DatabaseUnavailableError`, which the error mapping
 * answers with 503.
 */
import type {
  Client,
  Config,
  InArgs,
  InStatement,
  Replicated,
  ResultSet,
  Transaction,
  TransactionMode,
} from "@libsql/client";

/** Why a database could not serve a call: said in the log line, never to the user. */
export type UnavailableReason = "timeout" | "unreachable" | "busy" | "server";

/**
 * The database did not answer in time, could not be reached, stayed locked, or its
 * server failed: the request is fine and may succeed in a moment (503, not a bug).
 * Constraint violations and SQL errors are never this; they stay 500s.
 */
export class DatabaseUnavailableError extends Error {
  readonly reason: UnavailableReason;
  constructor(reason: UnavailableReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseUnavailableError";
    this.reason = reason;
  }
}

/** The outage behind an error, if any: drizzle wraps the client's error as `cause`. */
export function findDatabaseUnavailable(err: unknown): DatabaseUnavailableError | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 6; e = e.cause, depth++) {
    if (e instanceof DatabaseUnavailableError) return e;
  }
  return undefined;
}

/**
 * The client for one zone's database, as both entries build it: remote HTTP requests
 * abort after `timeoutMs` (freeing the connection and the client's concurrency slot),
 * and every call is limited as `limitDatabaseCalls` says.
 */
export function connectTenant(options: {
  createClient(config: Config): Client;
  url: string;
  authToken?: string | undefined;
  timeoutMs: number;
}): Client {
  const { url, authToken, timeoutMs } = options;
  let client: Client;
  try {
    client = options.createClient({
      url,
      ...(authToken ? { authToken } : {}),
      ...(/^(https?|libsql):/.test(url) ? { fetch: timeLimitedFetch(timeoutMs) } : {}),
    });
  } catch (e) {
    // An embedded file is opened here, at once: a missing disk is an outage too (a bad URL stays a bug).
    throw asUnavailable(e) ?? e;
  }
  return limitDatabaseCalls(client, { timeoutMs });
}

function timeLimitedFetch(timeoutMs: number) {
  return async (request: Request): Promise<Response> => {
    try {
      return await fetch(request, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      // Every failure of the fetch itself is the network's (refused, reset, DNS, aborted), never the SQL's.
      throw new DatabaseUnavailableError(
        isTimeout(e) ? "timeout" : "unreachable",
        `database server not reachable: ${message(e)}`,
        { cause: e },
      );
    }
  };
}

/**
 * Wraps a client so that no call waits longer than `timeoutMs`: a call that has had no
 * answer by then rejects with `DatabaseUnavailableError("timeout")` (the request answers
 * 503 instead of hanging), and outage errors are re-thrown as that type. SQLITE_BUSY is
 * retried with short pauses inside the same limit, because another writer (a CLI, a
 * transaction) usually lets go within milliseconds; the retried calls are atomic.
 */
export function limitDatabaseCalls(client: Client, options: { timeoutMs: number }): Client {
  return new TimeLimitedClient(client, options.timeoutMs);
}

class TimeLimitedClient implements Client {
  readonly #inner: Client;
  readonly #ms: number;
  constructor(inner: Client, ms: number) {
    this.#inner = inner;
    this.#ms = ms;
  }
  get closed() {
    return this.#inner.closed;
  }
  get protocol() {
    return this.#inner.protocol;
  }
  execute(stmt: InStatement): Promise<ResultSet>;
  execute(sql: string, args?: InArgs): Promise<ResultSet>;
  execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
    return withinLimit(
      this.#ms,
      "execute",
      () => (typeof stmtOrSql === "string" ? this.#inner.execute(stmtOrSql, args) : this.#inner.execute(stmtOrSql)),
      { retryBusy: true },
    );
  }
  batch(stmts: Array<InStatement | [string, InArgs?]>, mode?: TransactionMode): Promise<ResultSet[]> {
    return withinLimit(this.#ms, "batch", () => this.#inner.batch(stmts, mode), { retryBusy: true });
  }
  migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    return withinLimit(this.#ms, "migrate", () => this.#inner.migrate(stmts), { retryBusy: true });
  }
  async transaction(mode?: TransactionMode): Promise<Transaction> {
    // A transaction that opens after we gave up is closed at once, so it holds no lock.
    const tx = await withinLimit(this.#ms, "transaction", () => this.#inner.transaction(mode), {
      retryBusy: true,
      late: (late) => late.close(),
    });
    return new TimeLimitedTransaction(tx, this.#ms);
  }
  // Statements may have run before a failure (not atomic): never retried.
  executeMultiple(sql: string): Promise<void> {
    return withinLimit(this.#ms, "executeMultiple", () => this.#inner.executeMultiple(sql), { retryBusy: false });
  }
  sync(): Promise<Replicated> {
    return withinLimit(this.#ms, "sync", () => this.#inner.sync(), { retryBusy: false });
  }
  close(): void {
    this.#inner.close();
  }
  reconnect(): void {
    this.#inner.reconnect();
  }
}

/** A transaction step that times out closes the transaction: its locks must not outlive the request. */
class TimeLimitedTransaction implements Transaction {
  readonly #inner: Transaction;
  readonly #ms: number;
  constructor(inner: Transaction, ms: number) {
    this.#inner = inner;
    this.#ms = ms;
  }
  get closed() {
    return this.#inner.closed;
  }
  #step<T>(what: string, run: () => Promise<T>): Promise<T> {
    return withinLimit(this.#ms, what, run, { retryBusy: false, timedOut: () => this.#inner.close() });
  }
  execute(stmt: InStatement): Promise<ResultSet> {
    return this.#step("transaction execute", () => this.#inner.execute(stmt));
  }
  batch(stmts: InStatement[]): Promise<ResultSet[]> {
    return this.#step("transaction batch", () => this.#inner.batch(stmts));
  }
  executeMultiple(sql: string): Promise<void> {
    return this.#step("transaction executeMultiple", () => this.#inner.executeMultiple(sql));
  }
  commit(): Promise<void> {
    return this.#step("commit", () => this.#inner.commit());
  }
  rollback(): Promise<void> {
    return this.#step("rollback", () => this.#inner.rollback());
  }
  close(): void {
    this.#inner.close();
  }
}

interface LimitOptions<T> {
  retryBusy: boolean;
  /** Called when the limit passes (e.g. to close a transaction). */
  timedOut?: () => void;
  /** Receives a value that arrived after the limit had passed. */
  late?: (value: T) => void;
}

function withinLimit<T>(ms: number, what: string, attempt: () => Promise<T>, options: LimitOptions<T>): Promise<T> {
  let gaveUp = false;
  const deadline = Date.now() + ms;
  const work = (async () => {
    for (let pause = 25; ; pause *= 2) {
      try {
        return await attempt();
      } catch (e) {
        const outage = asUnavailable(e);
        if (!outage) throw e;
        if (!options.retryBusy || outage.reason !== "busy" || gaveUp || Date.now() + pause >= deadline) throw outage;
        await new Promise((resume) => setTimeout(resume, pause));
      }
    }
  })();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      gaveUp = true;
      try {
        options.timedOut?.();
      } catch {
        // Closing is best effort; the answer is the timeout either way.
      }
      reject(new DatabaseUnavailableError("timeout", `database ${what} had no answer within ${ms} ms`));
    }, ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        if (gaveUp) options.late?.(value);
        else resolve(value);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** SQLite result codes that say the storage, not the statement, failed. */
const BUSY_CODES = /^SQLITE_(BUSY|LOCKED)/;
const STORAGE_CODES = /^SQLITE_(IOERR|CANTOPEN|FULL)/;
/** Socket failures as Node and undici name them (a `ws:` client reports these). */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "HRANA_WEBSOCKET_ERROR",
]);

/** The error as an outage, or undefined when it is the statement's fault (constraint, syntax, missing table…). */
function asUnavailable(err: unknown): DatabaseUnavailableError | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 6; e = e.cause, depth++) {
    if (e instanceof DatabaseUnavailableError) return e;
    const reason = reasonOf(e);
    if (reason) return new DatabaseUnavailableError(reason, `database ${reason}: ${message(err)}`, { cause: err });
  }
  return undefined;
}

function reasonOf(e: Error): UnavailableReason | undefined {
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string") {
    if (BUSY_CODES.test(code)) return "busy";
    if (STORAGE_CODES.test(code) || NETWORK_CODES.has(code)) return "unreachable";
  }
  if (/database is locked/i.test(e.message)) return "busy";
  // hrana's HttpServerError: the libSQL server itself failed (5xx) or sheds load (429). Its 4xx
  // answers carry SQL errors and misconfiguration (wrong token, unknown database): bugs.
  const status = (e as { status?: unknown }).status;
  if (e.name === "HttpServerError" && typeof status === "number" && (status >= 500 || status === 429)) return "server";
  if (isTimeout(e)) return "timeout";
  return undefined;
}

function isTimeout(e: unknown): boolean {
  return e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError");
}

function message(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
