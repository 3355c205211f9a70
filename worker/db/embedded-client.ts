/**
 * The `Client` the Node target uses for embedded `file:` databases: @libsql/client's own
 * file client prepares every statement again on each call (parsing and planning the SQL
 * costs as much as running a small query), so this one keeps each connection's prepared
 * statements, keyed by SQL text, in a small LRU. Everything else is @libsql/client's
 * behaviour, copied from its lib-esm/sqlite3.js (0.18.0) so drizzle-orm/libsql and
 * ./time-limited-client cannot tell the two apart: the same rows (index and column
 * properties), integer and blob conversions, batch as one transaction, SQLite error codes.
 * Connections and their statements live in ./embedded-connection, conversions in ./embedded-results.
 *
 * Only plain file paths take this path (`embeddedPathOf`); `:memory:`, URL parameters,
 * encryption and replicas stay on @libsql/client.
 */
import {
  type Client,
  type Config,
  type InArgs,
  type InStatement,
  type IntMode,
  LibsqlBatchError,
  LibsqlError,
  type Replicated,
  type ResultSet,
  type Transaction,
  type TransactionMode,
} from "@libsql/client";
import { type Connection, ConnectionPool, closedError, executeOn } from "./embedded-connection";
import { asLibsqlError } from "./embedded-results";

/**
 * The file path a `file:` URL names when it is a plain path (`file:rel/x.db`, `file:/abs/x.db`,
 * `file:///abs/x.db`) and the config asks for nothing only @libsql/client does; otherwise undefined.
 */
export function embeddedPathOf(config: Config): string | undefined {
  if (config.syncUrl || config.encryptionKey || config.remoteEncryptionKey || config.offline) return undefined;
  // An authority other than localhost, a query or a fragment: @libsql/client's to accept or refuse.
  const match = /^file:(?:\/\/(?:localhost)?(?=\/)|(?!\/\/))([^?#]+)$/i.exec(config.url);
  if (!match) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
  return path.startsWith(":memory:") ? undefined : path;
}

/** A statement-caching client for `config.url`, which must be a plain `file:` path (see `embeddedPathOf`). */
export function createEmbeddedClient(config: Config): Client {
  const path = embeddedPathOf(config);
  if (path === undefined) throw new LibsqlError(`not a plain file: URL: ${config.url}`, "URL_INVALID");
  const intMode = config.intMode ?? "number";
  const pool = new ConnectionPool(path, config.timeout, Math.max(1, config.concurrency || 20));
  // Fail fast, as @libsql/client does, when the file cannot be opened at all.
  const probe = pool.acquire(false);
  try {
    executeOn(probe, "SELECT 1 AS checkThatTheDatabaseCanBeOpened", intMode);
  } catch (e) {
    pool.close();
    throw e;
  } finally {
    pool.release(probe);
  }
  return new EmbeddedClient(pool, intMode);
}

const beginFor: Record<TransactionMode, string> = {
  write: "BEGIN IMMEDIATE",
  read: "BEGIN TRANSACTION READONLY",
  deferred: "BEGIN DEFERRED",
};
function begin(mode: TransactionMode): string {
  const sql = beginFor[mode];
  if (!sql) throw new RangeError('Unknown transaction mode, supported values are "write", "read" and "deferred"');
  return sql;
}

const normalize = (stmt: InStatement | [string, InArgs?]): InStatement =>
  Array.isArray(stmt) ? { sql: stmt[0], args: stmt[1] || [] } : stmt;

/** Runs `stmts` in order on `conn`, each failure reported with its index, as @libsql/client's batches do. */
function runAll(conn: Connection, stmts: Array<InStatement | [string, InArgs?]>, intMode: IntMode, inTx: boolean) {
  const results: ResultSet[] = [];
  for (let i = 0; i < stmts.length; i++) {
    try {
      if (inTx && !conn.db.inTransaction)
        throw new LibsqlBatchError("The transaction has been rolled back", i, "TRANSACTION_CLOSED");
      results.push(executeOn(conn, normalize(stmts[i]!), intMode));
    } catch (e) {
      if (e instanceof LibsqlBatchError || !(e instanceof LibsqlError)) throw e;
      throw new LibsqlBatchError(e.message, i, e.code, e.extendedCode, e.rawCode, e.cause as Error | undefined);
    }
  }
  return results;
}

class EmbeddedClient implements Client {
  closed = false;
  readonly protocol = "file";
  readonly #pool: ConnectionPool;
  readonly #intMode: IntMode;
  constructor(pool: ConnectionPool, intMode: IntMode) {
    this.#pool = pool;
    this.#intMode = intMode;
  }
  /** Runs `work` on a borrowed connection and gives it back (rolling back what `work` left open). */
  async #with<T>(work: (conn: Connection) => T): Promise<T> {
    if (this.closed) throw closedError();
    const conn = this.#pool.acquire(false);
    try {
      return work(conn);
    } finally {
      this.#pool.release(conn);
    }
  }
  execute(stmt: InStatement): Promise<ResultSet>;
  execute(sql: string, args?: InArgs): Promise<ResultSet>;
  execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
    const stmt = typeof stmtOrSql === "string" ? { sql: stmtOrSql, args: args || [] } : stmtOrSql;
    return this.#with((conn) => executeOn(conn, stmt, this.#intMode));
  }
  batch(stmts: Array<InStatement | [string, InArgs?]>, mode: TransactionMode = "deferred"): Promise<ResultSet[]> {
    return this.#with((conn) => {
      executeOn(conn, begin(mode), this.#intMode);
      const results = runAll(conn, stmts, this.#intMode, true);
      executeOn(conn, "COMMIT", this.#intMode);
      return results;
    });
  }
  migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    return this.#with((conn) => {
      executeOn(conn, "PRAGMA foreign_keys=off", this.#intMode);
      try {
        executeOn(conn, begin("deferred"), this.#intMode);
        const results = runAll(conn, stmts, this.#intMode, true);
        executeOn(conn, "COMMIT", this.#intMode);
        return results;
      } finally {
        if (conn.db.inTransaction) executeOn(conn, "ROLLBACK", this.#intMode);
        executeOn(conn, "PRAGMA foreign_keys=on", this.#intMode);
        // A cached `SELECT *` would keep the old columns' names.
        this.#pool.forgetStatements();
      }
    });
  }
  async transaction(mode: TransactionMode = "write"): Promise<Transaction> {
    if (this.closed) throw closedError();
    const conn = this.#pool.acquire(true);
    try {
      executeOn(conn, begin(mode), this.#intMode);
    } catch (e) {
      this.#pool.release(conn);
      throw e;
    }
    return new EmbeddedTransaction(conn, this.#intMode, (used) => this.#pool.release(used));
  }
  executeMultiple(sql: string): Promise<void> {
    return this.#with((conn) => {
      try {
        conn.db.exec(sql);
      } catch (e) {
        throw asLibsqlError(e);
      } finally {
        this.#pool.forgetStatements();
      }
    });
  }
  sync(): Promise<Replicated> {
    return this.#with((conn) => {
      const rep = conn.db.sync() as { frames_synced: number; frame_no: number };
      return { frames_synced: rep.frames_synced, frame_no: rep.frame_no };
    });
  }
  reconnect(): void {
    this.#pool.reopen();
    this.closed = false;
  }
  close(): void {
    this.closed = true;
    this.#pool.close();
  }
}

/** An interactive transaction: it holds one connection (and its statements) until it settles. */
class EmbeddedTransaction implements Transaction {
  #conn: Connection | null;
  readonly #intMode: IntMode;
  readonly #release: (conn: Connection) => void;
  constructor(conn: Connection, intMode: IntMode, release: (conn: Connection) => void) {
    this.#conn = conn;
    this.#intMode = intMode;
    this.#release = release;
  }
  #settle() {
    const conn = this.#conn;
    this.#conn = null;
    if (conn) this.#release(conn);
  }
  #open(): Connection {
    if (this.closed) throw new LibsqlError("The transaction is closed", "TRANSACTION_CLOSED");
    return this.#conn!;
  }
  get closed() {
    const conn = this.#conn;
    return conn === null || !conn.db.open || !conn.db.inTransaction;
  }
  async execute(stmt: InStatement): Promise<ResultSet> {
    return executeOn(this.#open(), stmt, this.#intMode);
  }
  async batch(stmts: InStatement[]): Promise<ResultSet[]> {
    return runAll(this.#open(), stmts, this.#intMode, false);
  }
  async executeMultiple(sql: string): Promise<void> {
    try {
      this.#open().db.exec(sql);
    } catch (e) {
      throw asLibsqlError(e);
    }
  }
  async rollback(): Promise<void> {
    const conn = this.#conn;
    if (conn === null || !conn.db.open) return this.#settle();
    try {
      this.#open();
      executeOn(conn, "ROLLBACK", this.#intMode);
    } finally {
      this.#settle();
    }
  }
  async commit(): Promise<void> {
    try {
      executeOn(this.#open(), "COMMIT", this.#intMode);
    } finally {
      this.#settle();
    }
  }
  close(): void {
    const conn = this.#conn;
    if (conn === null) return;
    try {
      // Reading `inTransaction` on a closed database aborts the process.
      if (conn.db.open && conn.db.inTransaction) executeOn(conn, "ROLLBACK", this.#intMode);
    } finally {
      this.#settle();
    }
  }
}
