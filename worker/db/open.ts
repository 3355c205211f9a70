/**
 * The one way to get a tenant's database: drizzle over the libSQL client that
 * the entry's `openClient` returns for that zone. There is no module-level
 * database; a handle exists only inside a request resolved to its zone.
 *
 * The entries build that client with `connectTenant` (./time-limited-client), so
 * every query made through the handle is time-limited and outage-classified.
 */
import type { Client } from "@libsql/client";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import { drizzle } from "drizzle-orm/libsql/web";

/**
 * Query-builder only (tables imported from ./schema): passing the schema for
 * drizzle's relational API would rebuild its relation map on every request.
 */
export type TenantDb = LibSQLDatabase;

// One drizzle instance per client, so whatever is keyed by the instance (see
// ./prepared) lives exactly as long as that zone's client: for the process on
// Node, where node-deps caches a client per zone; for one request on Workers.
// Keyed by the client object itself, an instance can never reach another
// zone's database.
const instances = new WeakMap<Client, TenantDb>();

export function openTenantDb(client: Client): TenantDb {
  let db = instances.get(client);
  if (!db) {
    db = drizzle(client);
    instances.set(client, db);
  }
  return db;
}
