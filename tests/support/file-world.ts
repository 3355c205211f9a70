/**
 * A zone's database as a real libSQL FILE for the race suites: migrated, the test
 * programmes published and the demo accounts seeded. Races need a file, not memory, so
 * that each contender can open its own connection as separate requests would.
 */
import { createClient, type Client } from "@libsql/client";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import zone from "../../tenants/zibo/zone";
import { seedDemoAccounts } from "../../dev/lib/seed-demo";
import { migrations } from "../../migrations/bundle";
import { migrateTenant } from "../../worker/db/migrate";
import { openTenantDb, type TenantDb } from "../../worker/db/open";
import type { LoadedPolicy } from "../../worker/features/policies/current-policy";
import { publishTestProgrammes } from "../../worker/features/subsidies/test-programmes";

export interface FileWorld {
  /** The file's URL, for more connections (`createClient({ url })`). */
  url: string;
  db: TenantDb;
  policy: LoadedPolicy;
  /** Connections opened by a test, closed with the world. */
  clients: Client[];
  close(): void;
}

export async function openFileWorld(prefix: string, now: Date): Promise<FileWorld> {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const url = `file:${join(dir, "zibo.db")}`;
  const client = createClient({ url });
  const clients = [client];
  await migrateTenant(client, migrations);
  const db = openTenantDb(client);
  const policy = await publishTestProgrammes({ db, zone, now });
  await seedDemoAccounts(db, zone, now);
  return {
    url,
    db,
    policy,
    clients,
    close() {
      for (const c of clients) c.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
