/**
 * Hrana-over-HTTP streams and their batons. A pipeline without a baton opens
 * a stream; each response hands out a fresh baton (stream id + sequence
 * number) that the next request on that stream must present exactly once.
 * Idle streams expire, and their open transaction is rolled back with them;
 * an expired stream is remembered for a while so that its baton gets a
 * "stream expired" error instead of "invalid baton".
 */
import { randomBytes, randomInt } from "node:crypto";
import { ProtocolError } from "./errors";
import type { StreamDb, TenantStore } from "./tenants";

export interface Stream {
  readonly id: string;
  readonly slug: string;
  readonly db: StreamDb;
  /** SQL texts stored with `store_sql`, by sql_id. */
  readonly sqls: Map<number, string>;
  /** Set by a `close` request; the stream is dropped when its request ends. */
  closed: boolean;
}

interface Entry {
  stream: Stream;
  seq: number;
  inUse: boolean;
  timer: NodeJS.Timeout | undefined;
}

export interface StreamRegistryOptions {
  tenants: TenantStore;
  idleMs: number;
  log?: (line: string) => void;
}

const BATON = /^([A-Za-z0-9_-]{24})\.([0-9]{1,10})$/;
const EXPIRED_MEMORY_MS = 5 * 60_000;
const EXPIRED_MEMORY_MAX = 10_000;

export class StreamRegistry {
  #entries = new Map<string, Entry>();
  #expired = new Map<string, number>();
  #options: StreamRegistryOptions;

  constructor(options: StreamRegistryOptions) {
    this.#options = options;
  }

  /** The stream a request works on: a new one without a baton, else the baton's stream. */
  acquire(slug: string, baton: string | null | undefined): Stream {
    if (baton === null || baton === undefined) return this.#open(slug);
    const match = BATON.exec(baton);
    const entry = match ? this.#entries.get(match[1]!) : undefined;
    if (!match || !entry) {
      if (match && this.#expired.has(match[1]!))
        throw new ProtocolError("STREAM_EXPIRED", "The stream has expired due to inactivity");
      throw new ProtocolError("BATON_INVALID", "Received an invalid baton");
    }
    if (entry.stream.slug !== slug) throw new ProtocolError("BATON_INVALID", "Received an invalid baton");
    if (entry.inUse || entry.seq !== Number(match[2]))
      throw new ProtocolError("BATON_REUSED", "Received a baton that has already been used");
    clearTimeout(entry.timer);
    entry.inUse = true;
    entry.seq = (entry.seq + 1) % 2 ** 32;
    return entry.stream;
  }

  /** Ends a request on `stream`; returns the baton for the next one, or null once the stream is closed. */
  release(stream: Stream): string | null {
    const entry = this.#entries.get(stream.id);
    if (!entry) return null;
    if (stream.closed) {
      this.destroy(stream);
      return null;
    }
    entry.inUse = false;
    entry.timer = setTimeout(() => this.#expire(entry), this.#options.idleMs);
    entry.timer.unref();
    return `${stream.id}.${entry.seq}`;
  }

  /** Drops a stream at once, rolling back its transaction. */
  destroy(stream: Stream): void {
    const entry = this.#entries.get(stream.id);
    if (entry) clearTimeout(entry.timer);
    this.#entries.delete(stream.id);
    stream.db.release();
  }

  /** Drops every stream (server shutdown). */
  closeAll(): void {
    for (const { stream } of [...this.#entries.values()]) this.destroy(stream);
    this.#expired.clear();
  }

  #open(slug: string): Stream {
    const stream: Stream = {
      id: randomBytes(18).toString("base64url"),
      slug,
      db: this.#options.tenants.openStream(slug),
      sqls: new Map(),
      closed: false,
    };
    this.#entries.set(stream.id, { stream, seq: randomInt(2 ** 31), inUse: true, timer: undefined });
    return stream;
  }

  #expire(entry: Entry): void {
    if (entry.inUse || this.#entries.get(entry.stream.id) !== entry) return;
    this.destroy(entry.stream);
    const now = Date.now();
    for (const [id, at] of this.#expired) {
      if (now - at < EXPIRED_MEMORY_MS && this.#expired.size < EXPIRED_MEMORY_MAX) break;
      this.#expired.delete(id);
    }
    this.#expired.set(entry.stream.id, now);
    const idle = `${this.#options.idleMs} ms idle`;
    this.#options.log?.(
      `stream for ${entry.stream.slug} expired after ${idle}; its transaction, if any, was rolled back`,
    );
  }
}
