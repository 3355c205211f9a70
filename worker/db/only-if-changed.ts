/**
 * Writes that must happen only if the statement before them in the same batch
 * changed a row: the event, audit row and message of a review decision, which
 * follow a conditional `UPDATE … WHERE status = <expected>`.
 *
 * Why this shape, on libSQL over HTTP: a batch is one request, run by the server
 * as one transaction on one connection, so a `RETURNING` result cannot steer the
 * rest of the same batch — we only see it after commit. Deciding in a second
 * request would leave a window where the status has changed with no event or
 * audit row (a crash, a lost connection), and an interactive transaction would
 * hold the zone's write lock across network round trips. So the decision stays
 * one batch and each dependent write is conditional on `changes() = 1`:
 * `changes()` is the row count of the last completed INSERT/UPDATE/DELETE on the
 * connection, and it does not move while a statement runs. Chained this way,
 * every write here changes exactly one row when the first one did, and none when
 * it did not (a concurrent decision got there first), so the loser's batch
 * commits nothing and the caller, seeing no row RETURNed by the UPDATE, answers 409.
 *
 * The chain therefore holds only while every link changes exactly one row:
 * `onlyIfChanged` takes single-row inserts only; an UPDATE joins the chain with
 * `and(<its key>, CHAINED)` and must match exactly one row, or go last.
 */
import { sql, type SQL } from "drizzle-orm";
import type { TenantDb } from "./open";

/** For an UPDATE's WHERE: true only if the previous statement of the batch changed exactly one row. */
export const CHAINED: SQL = sql`changes() = 1`;

/** A single-row `insert … values (…)` rewritten as `insert … select … where changes() = 1`, for the same batch. */
export function onlyIfChanged(db: TenantDb, insert: { toSQL(): { sql: string; params: unknown[] } }) {
  return insertWhere(db, insert, CHAINED);
}

/**
 * A single-row insert that happens only while `condition` holds, decided by the database inside the
 * write batch (`insert … select … where <condition>`), so a limit read one round trip earlier cannot be
 * overrun by requests racing it. Its `rowsAffected` says whether it happened; later writes of the
 * batch chain on it with onlyIfChanged, as they do on a guarded UPDATE.
 */
export function insertWhere(db: TenantDb, insert: { toSQL(): { sql: string; params: unknown[] } }, condition: SQL) {
  const { sql: text, params } = insert.toSQL();
  // drizzle's SQLite inserts are `insert into "t" ("a", …) values (?, null, …)`: placeholders and nulls only.
  const m = /^(insert into "[a-z_]+" \([^()]*\)) values \(([^()]*)\)$/.exec(text);
  if (!m) throw new Error(`a conditional insert takes one single-row insert, got: ${text}`);
  const pieces = `${m[1]} select ${m[2]} where `.split("?");
  if (pieces.length !== params.length + 1)
    throw new Error("conditional insert: placeholders do not match the parameters");
  const chunks: SQL[] = [];
  pieces.forEach((piece, i) => {
    chunks.push(sql.raw(piece));
    if (i < params.length) chunks.push(sql`${params[i]}`);
  });
  chunks.push(condition);
  return db.run(sql.join(chunks));
}
