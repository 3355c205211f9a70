/**
 * Queries whose SQL never changes, built once per tenant database instead of
 * once per request. Building a drizzle select (walking the selection, escaping
 * names, assembling the SQL string) costs about as much as running a small
 * query on an embedded libSQL file, so hot read paths prepare theirs here.
 *
 * A prepared query is bound to the client of the `TenantDb` it was built from,
 * and the cache is keyed by that `TenantDb` (one per client, see ./open), so a
 * query can only ever run against the zone database it was built for. It holds
 * SQL text and result mapping only, never rows: every call reads the database.
 */
import type { TenantDb } from "./open";

export function preparedPerDb<Q>(build: (db: TenantDb) => Q): (db: TenantDb) => Q {
  const prepared = new WeakMap<TenantDb, Q>();
  return (db) => {
    let query = prepared.get(db);
    if (!query) {
      query = build(db);
      prepared.set(db, query);
    }
    return query;
  };
}
