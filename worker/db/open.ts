/**
 * The one way to get a tenant's database: drizzle over the libSQL client that
 * the entry's `openClient` returns for that zone. There is no module-level
 * database; a handle exists only inside a request resolved to its zone.
 */
import type { Client } from "@libsql/client";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import { drizzle } from "drizzle-orm/libsql/web";

/**
 * Query-builder only (tables imported from ./schema): passing the schema for
 * drizzle's relational API would rebuild its relation map on every request.
 */
export type TenantDb = LibSQLDatabase;

export function openTenantDb(client: Client): TenantDb {
  return drizzle(client);
}
