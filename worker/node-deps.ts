/**
 * Builds AppDeps for the Node target (self-hosted, e.g. data kept inside China):
 * embedded libSQL files (`file:` URLs) or any remote libSQL URL. Clients are cached
 * per zone for the process's life because an embedded database is a native handle,
 * not a cheap HTTP client — and it keeps its prepared statements (db/embedded-client.ts).
 */
import { createClient, type Client, type Config } from "@libsql/client";
import { createEmbeddedClient, embeddedPathOf } from "./db/embedded-client";
import { connectTenant } from "./db/time-limited-client";
import { createZoneDirectory } from "./control-plane/directory";
import { zoneDatabasesFor } from "./control-plane/zone-databases";
import { parseConfig, tenantDbUrl, type AppDeps } from "./env";
import { diskBlobStore } from "./lib/blob-store/disk";
import { memoryPageStore } from "./lib/page-store/memory";

/** What the Node server and the operator CLI use when the environment says nothing: files under .data/. */
export const NODE_DEFAULTS = {
  ROOT_DOMAINS: "localhost",
  LIBSQL_URL_TEMPLATE: "file:.data/{tenant}.db",
  PLATFORM_DB_URL: "file:.data/platform.db",
} as const;

export interface NodeDeps extends AppDeps {
  /** Closes every cached database client. */
  close(): void;
}

export function createNodeDeps(env: Record<string, string | undefined>): NodeDeps {
  const config = parseConfig({
    // Outside development (DEV_TOOLS=1) the Node target is the self-hosted build: its CLI migrates.
    MIGRATE_COMMAND: env.DEV_TOOLS === "1" ? undefined : "node dist/node/cli.mjs migrate",
    ...env,
  });
  const clients = new Map<string, Client>();
  // Plain file paths reuse prepared statements; LIBSQL_STATEMENT_CACHE=0 goes back to @libsql/client's
  // file client, which prepares every statement on every call (the bench prints both).
  const cacheStatements = env.LIBSQL_STATEMENT_CACHE !== "0";
  const openClient = (c: Config) =>
    cacheStatements && embeddedPathOf(c) !== undefined ? createEmbeddedClient(c) : createClient(c);
  // One client per URL for the process's life; each call is time-limited (DB_TIMEOUT_MS) and an
  // outage answers 503, see db/time-limited-client.ts.
  const connect = (url: string) => {
    let client = clients.get(url);
    if (!client) {
      client = connectTenant({
        createClient: openClient,
        url,
        authToken: config.LIBSQL_AUTH_TOKEN,
        timeoutMs: config.DB_TIMEOUT_MS,
      });
      clients.set(url, client);
    }
    return client;
  };
  const openPlatformClient = () => connect(config.PLATFORM_DB_URL);
  return {
    config,
    directory: createZoneDirectory({ open: openPlatformClient, roots: config.ROOT_DOMAINS }),
    openClient: (dbName) => connect(tenantDbUrl(config.LIBSQL_URL_TEMPLATE, dbName)),
    openPlatformClient,
    zoneDatabases: zoneDatabasesFor(config),
    // Uploaded materials on disk (BLOB_DIR, default .data/blobs), keyed <zone>/<id> like R2 on Workers.
    blobs: diskBlobStore(env.BLOB_DIR || ".data/blobs"),
    // Public pages for anonymous visitors, in this process (middleware/page-cache.ts).
    pageStore: memoryPageStore(),
    now: () => new Date(),
    // Behind a reverse proxy set TRUST_PROXY=1 so the proxy's X-Forwarded-For (its last hop) is used.
    clientIp(c) {
      if (env.TRUST_PROXY === "1") {
        const forwarded = c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim();
        if (forwarded) return forwarded;
      }
      const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
      return incoming?.socket?.remoteAddress ?? "unknown";
    },
    close() {
      for (const c of clients.values()) c.close();
      clients.clear();
    },
  };
}
