/**
 * A migrated in-memory tenant database, for unit tests of services: the real
 * libSQL engine and the real migrations, nothing shared between tests.
 */
import { createClient, type Client } from "@libsql/client";
import { migrations } from "../../migrations/bundle";
import { migrateTenant } from "./migrate";
import { openTenantDb, type TenantDb } from "./open";

export async function openMemoryTenantDb(): Promise<{ client: Client; db: TenantDb }> {
  const client = createClient({ url: ":memory:" });
  await migrateTenant(client, migrations);
  return { client, db: openTenantDb(client) };
}
