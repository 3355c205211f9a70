/**
 * Starts the Node entry over fresh embedded libSQL files in a temporary folder,
 * with every zone migrated and loaded, as `npm run start:node` does. The one way
 * the node and browser suites start a server (browser ones via ./e2e.ts).
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { preparePlatform } from "../../dev/lib/platform";
import { prepareAllZones } from "../../dev/lib/prepare-tenant";
import { zones } from "../../tenants/index";
import { openTenantDb, type TenantDb } from "../../worker/db/open";
import { startNodeServer } from "../../worker/entry.node.ts";

/** Runs `run` against a zone's database file, closing it afterwards. */
export type WithTenantDb = <T>(slug: string, run: (db: TenantDb) => Promise<T>) => Promise<T>;

export interface TestNodeServer {
  port: number;
  withTenantDb: WithTenantDb;
  /** Runs the scheduled jobs (the cron's work) once, now, for every zone. */
  runScheduled(): Promise<void>;
  close(): Promise<void>;
}

export interface TestNodeServerOptions {
  /** Names the temporary folder (yuanqu-<name>-…). */
  name?: string;
  /** Load the demo enterprises too. */
  demo?: boolean;
  /** Writes test data into the zones' databases before the server starts. */
  seed?: (withTenantDb: WithTenantDb) => Promise<void>;
  /**
   * A folder of databases already prepared this way (every zone, the platform; see prepareDatabases), copied
   * instead of migrating and seeding again: the browser suites start some thirty servers on the same data.
   */
  template?: string | undefined;
}

/** Every zone migrated and loaded (with the demo data when `demo`) and the platform database, in `dir`. */
export async function prepareDatabases(dir: string, demo: boolean): Promise<void> {
  await prepareAllZones((slug) => `file:${dir}/${slug}.db`, zones.all(), { demo });
  const platform = createClient({ url: `file:${dir}/platform.db` });
  await preparePlatform(platform, zones.all());
  platform.close();
}

export async function startTestNodeServer({
  name = "node",
  demo = true,
  seed,
  template: prepared,
}: TestNodeServerOptions = {}): Promise<TestNodeServer> {
  const dir = mkdtempSync(join(tmpdir(), `yuanqu-${name}-`));
  const template = `file:${dir}/{tenant}.db`;
  const withTenantDb: WithTenantDb = async (slug, run) => {
    const client = createClient({ url: template.replace("{tenant}", slug) });
    try {
      return await run(openTenantDb(client));
    } finally {
      client.close();
    }
  };
  if (prepared) for (const file of readdirSync(prepared)) copyFileSync(join(prepared, file), join(dir, file));
  else await prepareDatabases(dir, demo);
  const platformUrl = `file:${dir}/platform.db`;
  await seed?.(withTenantDb);
  // A free port, and no PUBLIC_URL_TEMPLATE: the server derives its origin from the port it
  // binds, as `npm start` does, so every suite runs on a non-default port.
  const server = await startNodeServer({
    port: 0,
    env: {
      ROOT_DOMAINS: "localhost",
      LIBSQL_URL_TEMPLATE: template,
      PLATFORM_DB_URL: platformUrl,
      BLOB_DIR: join(dir, "blobs"),
      DEV_TOOLS: "1",
    },
  });
  return {
    port: server.port,
    withTenantDb,
    runScheduled: () => server.runScheduled(),
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
