/**
 * Inserting many rows fast, over a file or the network alike: multi-row INSERTs, as many
 * as fit under SQLite's bound-parameter limit and a size cap, and several of them per
 * write batch (one transaction, one round trip). A batch that fails rolls back whole, so
 * a refused row (a foreign key, a unique index) stops the seeding with nothing half-written
 * in that chunk.
 */
import type { BatchItem } from "drizzle-orm/batch";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { getTableConfig } from "drizzle-orm/sqlite-core";
import type { TenantDb } from "../../../worker/db/open";

/** Well under SQLite's 32,766 bound parameters per statement. */
const MAX_PARAMS = 16_000;
/**
 * Per statement and per batch, in bytes as sent: the local server takes bodies up to 10 MiB,
 * and Hrana wraps every value in JSON (`{"type":"text","value":"…"}`, with JSON text escaped again).
 */
const MAX_STATEMENT_BYTES = 500_000;
const MAX_BATCH_BYTES = 2_000_000;
const BYTES_PER_VALUE = 40;
const MAX_BATCH_STATEMENTS = 20;

export interface TableRows {
  table: SQLiteTable;
  rows: readonly object[];
}

/** Inserts every table's rows in order (parents first); returns the rows written per table name. */
export async function insertInChunks(db: TenantDb, plan: readonly TableRows[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let batch: BatchItem<"sqlite">[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await db.batch(batch as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
    batch = [];
    batchBytes = 0;
  };
  for (const { table, rows } of plan) {
    const name = getTableConfig(table).name;
    counts[name] = (counts[name] ?? 0) + rows.length;
    const perRow = Math.max(1, Math.floor(MAX_PARAMS / getTableConfig(table).columns.length));
    let chunk: object[] = [];
    let chunkBytes = 0;
    const add = async () => {
      if (chunk.length === 0) return;
      if (batch.length >= MAX_BATCH_STATEMENTS || batchBytes + chunkBytes > MAX_BATCH_BYTES) await flush();
      batch.push(db.insert(table).values(chunk as never));
      batchBytes += chunkBytes;
      chunk = [];
      chunkBytes = 0;
    };
    for (const row of rows) {
      const bytes = sentBytes(row);
      if (chunk.length >= perRow || chunkBytes + bytes > MAX_STATEMENT_BYTES) await add();
      chunk.push(row);
      chunkBytes += bytes;
    }
    await add();
  }
  await flush();
  return counts;
}

/** About what a row costs in a Hrana request: its values' UTF-8, escaped, plus each value's wrapper. */
function sentBytes(row: object): number {
  let bytes = 0;
  for (const value of Object.values(row)) {
    bytes += BYTES_PER_VALUE;
    if (typeof value === "string") bytes += Buffer.byteLength(JSON.stringify(value)) * 1.2;
    else bytes += 20;
  }
  return bytes;
}
