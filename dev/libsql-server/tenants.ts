/**
 * Where each tenant's database lives and how streams share it.
 *
 * Every tenant has a write gate: a stream takes it before a request that may
 * write and keeps it for as long as its connection stays inside a
 * transaction, so one stream's open transaction never runs into another's.
 * Waiting happens here, asynchronously, up to the busy timeout. SQLite's own
 * busy handler cannot do this job: it sleeps on the only thread, so the
 * request that would commit the blocking transaction could never be served;
 * and a statement that fails with SQLITE_BUSY stays active inside the native
 * module (which has no reset), silently keeping that connection's later
 * writes uncommitted.
 *
 * Files: every stream has a connection of its own for its lifetime, taken
 * from a small per-tenant pool (the native module frees a closed connection
 * only when the garbage collector gets to its statements, so opening one per
 * stream piles up file handles under load). The database is in WAL mode:
 * reads skip the gate and see the last committed state while another
 * stream's transaction is open. The native busy timeout only covers other
 * processes (a migration script, say); a connection whose statement still
 * times out is discarded rather than pooled.
 *
 * Memory: each in-memory connection is a separate database, so a tenant has
 * one connection for the server's lifetime and every request takes the gate:
 * other streams wait while a transaction is open. (Shared-cache memory
 * databases report table locks as SQLITE_LOCKED at once and would need
 * unlock-notify to wait, which the native module does not offer.)
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "libsql";
import { RequestError } from "./errors";

export type NativeDb = Database.Database;

export interface StreamDb {
  /** Runs `fn` on this stream's connection; when it `mayWrite`, first waits for other streams' transactions. */
  use<T>(mayWrite: boolean, fn: (db: NativeDb) => T): Promise<T>;
  /** Ends the stream's hold on the database; an open transaction is rolled back. */
  release(): void;
}

export interface TenantStore {
  openStream(slug: string): StreamDb;
  close(): void;
}

const stuckConnections = new WeakSet<NativeDb>();

/** Records that a statement on `db` failed with SQLITE_BUSY and therefore still holds its locks. */
export function markStuck(db: NativeDb): void {
  stuckConnections.add(db);
}

function openNative(path: string, busyTimeoutMs: number): NativeDb {
  const db = new Database(path, { timeout: busyTimeoutMs });
  db.defaultSafeIntegers(true);
  return db;
}

function inTransaction(db: NativeDb | undefined): boolean {
  return db?.open === true && db.inTransaction;
}

function rollbackAndClose(db: NativeDb, close: boolean): void {
  try {
    if (inTransaction(db)) db.exec("ROLLBACK");
  } catch {
    // Closing rolls back as well.
  }
  if (close && db.open) db.close();
}

function serverClosed(): RequestError {
  return new RequestError("SERVER_CLOSED", "The server is shutting down");
}

class WriteGate {
  #held = false;
  #waiters: Array<{ grant: () => void; fail: (error: RequestError) => void }> = [];

  async acquire(timeoutMs: number): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
        fail: (error: RequestError) => {
          clearTimeout(timer);
          this.#waiters = this.#waiters.filter((other) => other !== waiter);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        waiter.fail(
          new RequestError("SQLITE_BUSY", "SQLite error: database is locked (another stream's transaction is open)"),
        );
      }, timeoutMs);
      this.#waiters.push(waiter);
    });
  }

  release(): void {
    const next = this.#waiters.shift();
    if (next) next.grant();
    else this.#held = false;
  }

  failWaiters(error: RequestError): void {
    for (const waiter of [...this.#waiters]) waiter.fail(error);
  }
}

interface GatedStreamOptions {
  gate: WriteGate;
  busyTimeoutMs: number;
  /** Memory mode: one shared connection, so reads need the gate too. */
  gateReads: boolean;
  connection(): NativeDb;
  /**
   * Called with a connection the stream no longer uses; `owner` when the stream holds the gate
   * (and so owns any open transaction).
   */
  discard(db: NativeDb, owner: boolean): void;
}

function gatedStream(options: GatedStreamOptions): StreamDb {
  let holding = false;
  let db: NativeDb | undefined;
  let aborted = false;
  const letGo = () => {
    if (!holding) return;
    holding = false;
    options.gate.release();
  };
  return {
    async use(mayWrite, fn) {
      if (aborted)
        throw new RequestError(
          "SQLITE_BUSY",
          "SQLite error: database is locked by another process; this stream's transaction was rolled back",
        );
      if (!holding && (mayWrite || options.gateReads)) {
        await options.gate.acquire(options.busyTimeoutMs);
        holding = true;
      }
      try {
        db ??= options.connection();
        return fn(db);
      } finally {
        if (db && stuckConnections.has(db)) {
          aborted = inTransaction(db);
          options.discard(db, holding);
          db = undefined;
        }
        if (!inTransaction(db)) letGo();
      }
    },
    release() {
      if (db) options.discard(db, holding);
      db = undefined;
      letGo();
    },
  };
}

/** Tenants as `<dataDir>/<slug>.db` files, created on first use. */
const IDLE_CONNECTIONS_PER_TENANT = 8;

export function createFileStore(dataDir: string, busyTimeoutMs: number): TenantStore {
  mkdirSync(dataDir, { recursive: true });
  const gates = new Map<string, WriteGate>();
  const idle = new Map<string, NativeDb[]>();
  const walTenants = new Set<string>();
  const openDbs = new Set<NativeDb>();
  let closed = false;

  function connect(slug: string): NativeDb {
    if (closed) throw serverClosed();
    const db = openNative(join(dataDir, `${slug}.db`), busyTimeoutMs);
    if (!walTenants.has(slug)) {
      try {
        db.exec("PRAGMA journal_mode=WAL");
      } catch (error) {
        db.close();
        throw error;
      }
      walTenants.add(slug);
    }
    openDbs.add(db);
    return db;
  }

  return {
    openStream(slug) {
      let gate = gates.get(slug);
      if (!gate) {
        gate = new WriteGate();
        gates.set(slug, gate);
      }
      return gatedStream({
        gate,
        busyTimeoutMs,
        gateReads: false,
        connection: () => idle.get(slug)?.pop() ?? connect(slug),
        discard(db) {
          rollbackAndClose(db, false);
          const pool = idle.get(slug) ?? [];
          idle.set(slug, pool);
          if (
            !closed &&
            db.open &&
            !stuckConnections.has(db) &&
            !db.inTransaction &&
            pool.length < IDLE_CONNECTIONS_PER_TENANT
          ) {
            pool.push(db);
            return;
          }
          rollbackAndClose(db, true);
          openDbs.delete(db);
        },
      });
    },
    close() {
      closed = true;
      for (const gate of gates.values()) gate.failWaiters(serverClosed());
      for (const pool of idle.values()) {
        // Fold the WAL into the main file, so that <slug>.db alone holds the data once the server stops.
        try {
          pool[0]?.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch {
          // A stream of another process may still be reading; the WAL stays valid either way.
        }
      }
      for (const db of openDbs) rollbackAndClose(db, true);
      openDbs.clear();
      idle.clear();
    },
  };
}

/** Tenants as in-memory databases that live as long as the store. */
export function createMemoryStore(busyTimeoutMs: number): TenantStore {
  const tenants = new Map<string, { db: NativeDb; gate: WriteGate }>();
  let closed = false;

  function tenant(slug: string) {
    if (closed) throw serverClosed();
    let entry = tenants.get(slug);
    if (!entry) {
      entry = { db: openNative(":memory:", busyTimeoutMs), gate: new WriteGate() };
      tenants.set(slug, entry);
    }
    return entry;
  }

  return {
    openStream(slug) {
      return gatedStream({
        gate: tenant(slug).gate,
        busyTimeoutMs,
        gateReads: true,
        connection: () => tenant(slug).db,
        // The connection is the tenant's database: never close it, and only roll back a transaction this stream owns.
        discard: (db, owner) => {
          if (owner) rollbackAndClose(db, false);
        },
      });
    },
    close() {
      closed = true;
      for (const { db, gate } of tenants.values()) {
        gate.failWaiters(serverClosed());
        rollbackAndClose(db, true);
      }
      tenants.clear();
    },
  };
}
