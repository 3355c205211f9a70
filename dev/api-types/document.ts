/**
 * The API's OpenAPI document built in this process, exactly as `/api/openapi.json` serves it,
 * without a server or the network: the app over an in-memory platform database (the demo zones
 * registered) and an empty migrated zone database. The document is built from the route
 * declarations; the zone's database is only asked for its schema version (middleware/schema-check.ts).
 */
import { createClient } from "@libsql/client";
import { migrations } from "../../migrations/bundle";
import { createApp } from "../../worker/app";
import { createZoneDirectory } from "../../worker/control-plane/directory";
import { localZoneDatabases } from "../../worker/control-plane/zone-databases";
import { migrateTenant } from "../../worker/db/migrate";
import { parseConfig } from "../../worker/env";
import { memoryBlobStore } from "../../worker/lib/blob-store/memory";
import { memoryPageStore } from "../../worker/lib/page-store/memory";
import { zones } from "../../tenants/index";
import { preparePlatform } from "../lib/platform";

/** The zone origin the document is asked on (a demo zone); its `servers` name this origin. */
const DOCUMENT_ORIGIN = "http://zibo.localhost";

async function inProcessApp() {
  const platform = createClient({ url: ":memory:" });
  await preparePlatform(platform, zones.all());
  const zoneDb = createClient({ url: ":memory:" });
  await migrateTenant(zoneDb, migrations);
  return createApp({
    config: parseConfig({
      ROOT_DOMAINS: "localhost",
      LIBSQL_URL_TEMPLATE: "file:unused/{tenant}.db",
      PUBLIC_URL_TEMPLATE: "http://{tenant}.localhost",
      PLATFORM_DB_URL: "file:unused/platform.db",
    }),
    directory: createZoneDirectory({ open: () => platform, roots: ["localhost"] }),
    openPlatformClient: () => platform,
    zoneDatabases: localZoneDatabases(),
    openClient: () => zoneDb,
    blobs: memoryBlobStore(),
    pageStore: memoryPageStore(),
    now: () => new Date(),
    clientIp: () => "203.0.113.1",
  });
}

/** The document as JSON text, as a client downloading `/api/openapi.json` would receive it. */
export async function buildOpenApiDocument(): Promise<string> {
  const app = await inProcessApp();
  const res = await app.request(`${DOCUMENT_ORIGIN}/api/openapi.json`);
  if (res.status !== 200) throw new Error(`/api/openapi.json answered ${res.status}`);
  return res.text();
}
