/**
 * Cloudflare Workers entry. Each zone's database is reached over HTTP with
 * `@libsql/client/web` (Turso in production, dev/libsql-server locally); a
 * client is created per request because it holds nothing but a URL and token.
 */
import { createClient } from "@libsql/client/web";
import { createZoneDirectory } from "./control-plane/directory";
import { zoneDatabasesFor } from "./control-plane/zone-databases";
import { createApp, type App } from "./app";
import { parseConfig, tenantDbUrl, type AppDeps } from "./env";
import { connectTenant } from "./db/time-limited-client";
import { runScheduled } from "./scheduled/run-scheduled";
import { r2BlobStore } from "./lib/blob-store/r2";
import { cacheApiPageStore } from "./lib/page-store/cache-api";

/**
 * The Worker's bindings: what wrangler.toml declares (`Env`, generated into
 * worker-configuration.d.ts by `npm run types`) and what it only names, which `wrangler types`
 * cannot see: secrets (`wrangler secret put`) and optional settings; see env.ts.
 */
export interface WorkerEnv extends Env {
  LIBSQL_AUTH_TOKEN?: string;
  /** Time limit of one database call in ms (default 5000). */
  DB_TIMEOUT_MS?: string;
  EMAIL_API_URL?: string;
  EMAIL_API_KEY?: string;
  EMAIL_FROM?: string;
  /** Turso Platform API (token a secret; org and group vars): zones' databases are created there. */
  TURSO_API_TOKEN?: string;
  TURSO_ORG?: string;
  TURSO_GROUP?: string;
}

/** The Worker's AppDeps for an env: what the entry serves (exported for the outage tests). */
export function workerDeps(env: WorkerEnv): AppDeps {
  const config = parseConfig({ ...env });
  const connect = (url: string) =>
    connectTenant({ createClient, url, authToken: config.LIBSQL_AUTH_TOKEN, timeoutMs: config.DB_TIMEOUT_MS });
  const openPlatformClient = () => connect(config.PLATFORM_DB_URL);
  return {
    config,
    // Built once per isolate (appFor): its copy of the zone list lives as long as the isolate.
    directory: createZoneDirectory({ open: openPlatformClient, roots: config.ROOT_DOMAINS }),
    // Each call is time-limited (DB_TIMEOUT_MS); an outage answers 503, see db/time-limited-client.ts.
    openClient: (dbName) => connect(tenantDbUrl(config.LIBSQL_URL_TEMPLATE, dbName)),
    openPlatformClient,
    zoneDatabases: zoneDatabasesFor(config),
    blobs: r2BlobStore(env.MATERIALS),
    pageStore: cacheApiPageStore(caches.default),
    now: () => new Date(),
    // Set by Cloudflare's edge on every request; a client cannot forge it there.
    clientIp: (c) => c.req.header("cf-connecting-ip") ?? "unknown",
  };
}

// The app is pure routing over `deps`; it is built once per isolate and env
// (env is fixed for an isolate's life) instead of once per request.
const apps = new WeakMap<WorkerEnv, { app: App; deps: AppDeps }>();

function appFor(env: WorkerEnv): { app: App; deps: AppDeps } {
  let built = apps.get(env);
  if (!built) {
    const deps = workerDeps(env);
    built = { app: createApp(deps), deps };
    apps.set(env, built);
  }
  return built;
}

export default {
  fetch(request, env, ctx) {
    return appFor(env).app.fetch(request, env, ctx);
  },
  // Cron trigger (wrangler.toml [triggers]): housekeeping and mail for every zone.
  // Awaited rather than waitUntil'd, so the event (and its outcome) covers the whole job.
  async scheduled(_controller, env) {
    await runScheduled(appFor(env).deps);
  },
} satisfies ExportedHandler<WorkerEnv>;
