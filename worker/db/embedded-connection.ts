/**
 * One embedded database connection with its prepared statements, and the pool of them a client
 * owns (./embedded-client). A statement is prepared once per connection and SQL text and kept
 * in a bounded LRU; what it answers (its columns) is read once too.
 */
import { type InStatement, type IntMode, LibsqlError, type ResultSet } from "@libsql/client";
import Database from "libsql";
import { argsToSql, asLibsqlError, EmbeddedResultSet, rowFromSql } from "./embedded-results";

/** How many prepared statements one connection keeps; the app's distinct SQL texts number in the low hundreds. */
export const STATEMENTS_PER_CONNECTION = 200;

type Statement = ReturnType<Database.Database["prepare"]>;

/** One prepared statement and what it answers, read once when it was prepared. */
interface Prepared {
  stmt: Statement;
  returnsData: boolean;
  columns: string[];
  columnTypes: string[];
}

/** A database connection with its prepared statements, most recently used last. */
export interface Connection {
  db: Database.Database;
  statements: Map<string, Prepared>;
  capacity: number;
}

function openConnection(db: Database.Database, capacity: number): Connection {
  return { db, statements: new Map(), capacity };
}

/** The statement for `sql` from the connection's cache, preparing (and caching) it on a miss. */
function preparedFor(conn: Connection, sql: string): Prepared {
  const cached = conn.statements.get(sql);
  if (cached) {
    // Move to the end: the Map's order is the eviction order.
    conn.statements.delete(sql);
    conn.statements.set(sql, cached);
    return cached;
  }
  const stmt = conn.db.prepare(sql);
  stmt.safeIntegers(true);
  let returnsData = true;
  try {
    stmt.raw(true);
  } catch {
    // raw() refuses a statement that returns no data.
    returnsData = false;
  }
  const prepared: Prepared = { stmt, returnsData, columns: [], columnTypes: [] };
  if (returnsData) describeColumns(prepared);
  if (conn.statements.size >= conn.capacity) conn.statements.delete(conn.statements.keys().next().value!);
  conn.statements.set(sql, prepared);
  return prepared;
}

function describeColumns(prepared: Prepared) {
  const columns = prepared.stmt.columns();
  prepared.columns = columns.map((col) => col.name);
  prepared.columnTypes = columns.map((col) => col.type ?? "");
}

/** Runs one statement on `conn`, as @libsql/client's executeStmt does but with the statement cached. */
export function executeOn(conn: Connection, stmt: InStatement | string, intMode: IntMode): ResultSet {
  const sql = typeof stmt === "string" ? stmt : stmt.sql;
  const args = typeof stmt === "string" ? [] : argsToSql(stmt.args, intMode);
  try {
    const prepared = preparedFor(conn, sql);
    if (!prepared.returnsData) {
      const info = prepared.stmt.run(args);
      return new EmbeddedResultSet([], [], [], info.changes, BigInt(info.lastInsertRowid));
    }
    const raw = prepared.stmt.all(args) as unknown[][];
    // SQLite re-prepares a statement after a schema change (another process's migration); a
    // `SELECT *` then answers other columns than were described, which shows in the row's width.
    if (raw.length > 0 && raw[0]!.length !== prepared.columns.length) describeColumns(prepared);
    const { columns, columnTypes } = prepared;
    const rows = raw.map((sqlRow) => rowFromSql(sqlRow, columns, intMode));
    // Copies: a caller may keep or change a result's arrays; the statement's must stay as read.
    return new EmbeddedResultSet(columns.slice(), columnTypes.slice(), rows, 0, undefined);
  } catch (e) {
    // libsql does not reset a statement that failed, and one that failed on a lock (SQLITE_BUSY) can
    // keep its shared lock while it lives, so it is dropped, as @libsql/client drops every statement.
    conn.statements.delete(sql);
    throw asLibsqlError(e);
  }
}

export const closedError = () => new LibsqlError("The client is closed", "CLIENT_CLOSED");

/**
 * The client's connections. Every call but a transaction borrows one and gives it back in the
 * same synchronous step, so only open transactions ever hold one; when they hold them all,
 * a call is refused (as @libsql/client refuses it) rather than left waiting.
 */
export class ConnectionPool {
  readonly #all = new Set<Connection>();
  readonly #idle: Connection[] = [];
  readonly #borrowed = new Set<Connection>();
  #closed = false;
  constructor(
    readonly path: string,
    readonly timeout: number | undefined,
    readonly max: number,
  ) {}
  acquire(forTransaction: boolean): Connection {
    if (this.#closed) throw closedError();
    let conn = this.#idle.pop();
    if (!conn) {
      if (this.#borrowed.size >= this.max)
        throw new LibsqlError(
          `All ${this.max} of this client's connections are held by open transactions. ` +
            "Commit or roll back one before using the client again, or raise `concurrency`.",
          "TRANSACTION_ACTIVE",
        );
      conn = openConnection(
        new Database(this.path, this.timeout === undefined ? {} : { timeout: this.timeout }),
        STATEMENTS_PER_CONNECTION,
      );
      this.#all.add(conn);
    }
    if (forTransaction) this.#borrowed.add(conn);
    return conn;
  }
  /** Takes a connection back; one left inside a transaction is rolled back first, or dropped. */
  release(conn: Connection): void {
    this.#borrowed.delete(conn);
    const { db } = conn;
    if (db.open && db.inTransaction) {
      try {
        db.prepare("ROLLBACK").run();
      } catch {
        this.#drop(conn);
        return;
      }
    }
    if (this.#closed || !db.open) this.#drop(conn);
    else this.#idle.push(conn);
  }
  /** Forgets every connection's prepared statements (after schema changes made through this client). */
  forgetStatements(): void {
    for (const conn of this.#all) conn.statements.clear();
  }
  close(): void {
    this.#closed = true;
    for (const conn of this.#all) this.#drop(conn);
    this.#idle.length = 0;
    this.#borrowed.clear();
  }
  reopen(): void {
    this.close();
    this.#closed = false;
  }

  /**
   * Closes a connection. Its statements are let go first: libsql keeps a connection alive while
   * a statement of it lives, so the file is really closed once they are collected.
   */
  #drop(conn: Connection) {
    this.#all.delete(conn);
    conn.statements.clear();
    try {
      if (conn.db.open) conn.db.close();
    } catch {
      // Nothing useful to do while tearing down.
    }
  }
}
