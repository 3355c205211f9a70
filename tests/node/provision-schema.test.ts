/**
 * A database behind the code (middleware/schema-check.ts): the platform's or a zone's answers
 * 503 with the command to run, as JSON under /api and as a page elsewhere, instead of a 500;
 * once migrated it serves with no restart; one found up to date is not asked again; and the
 * Node server's start-up check names every database behind.
 */
import { memoryPageStore } from "../../worker/lib/page-store/memory";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { afterAll, describe, expect, it } from "vitest";
import { migrations } from "../../migrations/bundle";
import { platformMigrations } from "../../migrations/platform/bundle";
import { preparePlatform } from "../../dev/lib/platform";
import { zones } from "../../tenants/index";
import { createApp } from "../../worker/app";
import { createZoneDirectory } from "../../worker/control-plane/directory";
import { localZoneDatabases } from "../../worker/control-plane/zone-databases";
import { migrateTenant } from "../../worker/db/migrate";
import { parseConfig, type AppDeps } from "../../worker/env";
import { memoryBlobStore } from "../../worker/lib/blob-store/memory";
import { describeSchemasBehind, isSchemaBehind } from "../../worker/middleware/schema-check";

const dir = mkdtempSync(join(tmpdir(), "yuanqu-schema-"));
const clients: Client[] = [];
afterAll(() => {
  for (const c of clients) c.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A client that counts the schema questions asked of it (statements naming the ledger). */
function open(name: string) {
  const client = createClient({ url: `file:${join(dir, `${name}.db`)}` });
  clients.push(client);
  const asked = { n: 0 };
  const counted = new Proxy(client, {
    get(target, prop) {
      // The client keeps private fields: its methods must run on it, not on the proxy.
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      if (prop !== "execute") return value.bind(target);
      return (stmt: string | { sql: string }) => {
        if (JSON.stringify(stmt).includes("_schema_migrations")) asked.n++;
        return (value as (s: unknown) => unknown).call(target, stmt);
      };
    },
  });
  return { client: counted, asked };
}

async function world(name: string, opts: { platformMigrated?: boolean; migrateCommand?: string } = {}) {
  const platform = open(`${name}-platform`);
  if (opts.platformMigrated !== false) await preparePlatform(platform.client, zones.all());
  const zoneDbs = new Map<string, ReturnType<typeof open>>();
  const zone = (dbName: string) => {
    let db = zoneDbs.get(dbName);
    if (!db) {
      db = open(`${name}-${dbName}`);
      zoneDbs.set(dbName, db);
    }
    return db;
  };
  const deps: AppDeps = {
    config: parseConfig({
      ROOT_DOMAINS: "localhost",
      LIBSQL_URL_TEMPLATE: `file:${dir}/${name}-{tenant}.db`,
      PUBLIC_URL_TEMPLATE: "http://{tenant}.localhost",
      PLATFORM_DB_URL: `file:${dir}/${name}-platform.db`,
      ...(opts.migrateCommand ? { MIGRATE_COMMAND: opts.migrateCommand } : {}),
    }),
    directory: createZoneDirectory({ open: () => platform.client, roots: ["localhost"] }),
    openClient: (dbName) => zone(dbName).client,
    openPlatformClient: () => platform.client,
    zoneDatabases: localZoneDatabases(),
    blobs: memoryBlobStore(),
    pageStore: memoryPageStore(),
    now: () => new Date(),
    clientIp: () => "203.0.113.8",
  };
  return { deps, app: createApp(deps), platform, zone };
}

interface Envelope {
  error: { code: string; message: string };
}

describe("a zone whose database is behind the code", () => {
  it("answers 503 naming the command (JSON and page), then serves once migrated, with no restart", async () => {
    const { app, zone } = await world("zone-behind");
    const api = await app.request("http://zibo.localhost/api/v1/policies");
    expect(api.status).toBe(503);
    const body = (await api.json()) as Envelope;
    expect(body.error.code).toBe("unavailable");
    expect(body.error.message).toContain("淄博高新技术产业开发区的数据库尚未升级");
    expect(body.error.message).toContain("npm run db:migrate");

    const page = await app.request("http://zibo.localhost/");
    expect(page.status).toBe(503);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("npm run db:migrate");

    // Another zone of the same app is not affected by it.
    await migrateTenant(zone("dongying").client, migrations);
    expect((await app.request("http://dongying.localhost/api/v1/policies")).status).toBe(200);

    await migrateTenant(zone("zibo").client, migrations);
    expect((await app.request("http://zibo.localhost/api/v1/policies")).status).toBe(200);
  });

  it("asks a database found up to date once per app, not on every request", async () => {
    const { app, zone } = await world("asked-once");
    await migrateTenant(zone("changzhi").client, migrations);
    const { asked } = zone("changzhi");
    asked.n = 0;
    expect((await app.request("http://changzhi.localhost/api/v1/zone")).status).toBe(200);
    const first = asked.n;
    expect(first).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) expect((await app.request("http://changzhi.localhost/api/v1/zone")).status).toBe(200);
    expect(asked.n).toBe(first);
  });

  it("names the configured command: the self-hosted build's CLI", async () => {
    const { app } = await world("own-command", { migrateCommand: "node dist/node/cli.mjs migrate" });
    const body = (await (await app.request("http://zibo.localhost/api/v1/zone")).json()) as Envelope;
    expect(body.error.message).toContain("node dist/node/cli.mjs migrate");
  });
});

describe("a platform database behind the code", () => {
  it("answers 503 naming the command on the bare root and on every zone, then serves once migrated", async () => {
    const { app, platform } = await world("platform-behind", { platformMigrated: false });
    const root = await app.request("http://localhost/api/v1/zone");
    expect(root.status).toBe(503);
    expect(((await root.json()) as Envelope).error.message).toContain("平台的数据库尚未升级");
    const page = await app.request("http://zibo.localhost/");
    expect(page.status).toBe(503);
    expect(await page.text()).toContain("npm run db:migrate");

    await migrateTenant(platform.client, platformMigrations);
    // Migrated but empty: no zone is registered, so the zone's host is unknown (404), not 503.
    expect((await app.request("http://zibo.localhost/")).status).toBe(404);
  });
});

describe("the start-up check", () => {
  it("lists each database behind with the command, and nothing when all are current", async () => {
    const behind = await world("startup-behind", { migrateCommand: "node dist/node/cli.mjs migrate" });
    await migrateTenant(behind.zone("zibo").client, migrations);
    expect(await describeSchemasBehind(behind.deps)).toEqual([
      "zone changzhi: schema empty is behind; run node dist/node/cli.mjs migrate",
      "zone dongying: schema empty is behind; run node dist/node/cli.mjs migrate",
    ]);
    const platform = await world("startup-platform", { platformMigrated: false });
    expect(await describeSchemasBehind(platform.deps)).toEqual([
      "platform database: schema empty is behind; run npm run db:migrate",
    ]);
    for (const slug of ["changzhi", "dongying"]) await migrateTenant(behind.zone(slug).client, migrations);
    expect(await describeSchemasBehind(behind.deps)).toEqual([]);
  });

  it("judges versions strictly by the newest migration the code carries", () => {
    const newest = migrations.at(-1)!.tag;
    expect(isSchemaBehind(null, migrations)).toBe(true);
    expect(isSchemaBehind(migrations.at(-2)!.tag, migrations)).toBe(true);
    expect(isSchemaBehind(newest, migrations)).toBe(false);
    expect(isSchemaBehind("9999_from_a_newer_release", migrations)).toBe(false);
  });
});
