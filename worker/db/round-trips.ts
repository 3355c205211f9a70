/**
 * Counts a request's database round trips, deterministically (no clock): every call
 * that reaches the server (an execute, a batch, a transaction step) is a *request*;
 * a *wave* starts whenever a call begins while none is in flight. Calls started
 * together (Promise.all, or a batch) overlap and count as one wave; a call that waits
 * for another's answer starts a new one. At the edge each wave costs one network
 * round trip to the database (tens of ms from a Worker to Turso), so waves are what
 * a page's latency is made of (docs/decisions/0019).
 *
 * Only local development (DEV_TOOLS=1) meters requests and reports the figures as
 * response headers (`X-Db-Waves`, `X-Db-Requests`): the round-trip tests and
 * `npm run bench:edge` read them. Production clients are never wrapped.
 */
import type { Client, InArgs, InStatement, Replicated, ResultSet, Transaction, TransactionMode } from "@libsql/client";

export class RoundTripMeter {
  waves = 0;
  requests = 0;
  #inFlight = 0;

  /** Runs one call to the server, counting it. */
  async count<T>(call: () => Promise<T>): Promise<T> {
    if (this.#inFlight === 0) this.waves++;
    this.requests++;
    this.#inFlight++;
    try {
      return await call();
    } finally {
      this.#inFlight--;
    }
  }
}

export const WAVES_HEADER = "X-Db-Waves";
export const REQUESTS_HEADER = "X-Db-Requests";

/** The same client, every call counted by `meter`. */
export function meteredClient(inner: Client, meter: RoundTripMeter): Client {
  return new MeteredClient(inner, meter);
}

class MeteredClient implements Client {
  readonly #inner: Client;
  readonly #meter: RoundTripMeter;
  constructor(inner: Client, meter: RoundTripMeter) {
    this.#inner = inner;
    this.#meter = meter;
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
    return this.#meter.count(() =>
      typeof stmtOrSql === "string" ? this.#inner.execute(stmtOrSql, args) : this.#inner.execute(stmtOrSql),
    );
  }
  batch(stmts: Array<InStatement | [string, InArgs?]>, mode?: TransactionMode): Promise<ResultSet[]> {
    return this.#meter.count(() => this.#inner.batch(stmts, mode));
  }
  migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    return this.#meter.count(() => this.#inner.migrate(stmts));
  }
  async transaction(mode?: TransactionMode): Promise<Transaction> {
    const tx = await this.#meter.count(() => this.#inner.transaction(mode));
    return new MeteredTransaction(tx, this.#meter);
  }
  executeMultiple(sql: string): Promise<void> {
    return this.#meter.count(() => this.#inner.executeMultiple(sql));
  }
  sync(): Promise<Replicated> {
    return this.#meter.count(() => this.#inner.sync());
  }
  close(): void {
    this.#inner.close();
  }
  reconnect(): void {
    this.#inner.reconnect();
  }
}

class MeteredTransaction implements Transaction {
  readonly #inner: Transaction;
  readonly #meter: RoundTripMeter;
  constructor(inner: Transaction, meter: RoundTripMeter) {
    this.#inner = inner;
    this.#meter = meter;
  }
  get closed() {
    return this.#inner.closed;
  }
  execute(stmt: InStatement): Promise<ResultSet> {
    return this.#meter.count(() => this.#inner.execute(stmt));
  }
  batch(stmts: InStatement[]): Promise<ResultSet[]> {
    return this.#meter.count(() => this.#inner.batch(stmts));
  }
  executeMultiple(sql: string): Promise<void> {
    return this.#meter.count(() => this.#inner.executeMultiple(sql));
  }
  commit(): Promise<void> {
    return this.#meter.count(() => this.#inner.commit());
  }
  rollback(): Promise<void> {
    return this.#meter.count(() => this.#inner.rollback());
  }
  close(): void {
    this.#inner.close();
  }
}
