/**
 * Builds AppDeps for the Node target (self-hosted, e.g. data kept inside China):
 * embedded libSQL files through `@libsql/client` (`file:` URLs) or any remote
 * libSQL URL. Clients are cached per zone for the process's life because an
 * embedded database is a native handle, not a cheap HTTP client.
 */
import { createClient, type Client } from "@libsql/client";
import { connectTenant } from "./db/time-limited-client";
import { zones } from "../tenants/index";
import type { ZoneRegistry } from "../tenants/registry";
import { parseConfig, tenantDbUrl, type AppDeps } from "./env";
import { diskBlobStore } from "./lib/blob-store/disk";

export interface NodeDeps extends AppDeps {
  /** Closes every cached database client. */
  close(): void;
}

export function createNodeDeps(env: Record<string, string | undefined>, registry: ZoneRegistry = zones): NodeDeps {
  const config = parseConfig(env);
  const clients = new Map<string, Client>();
  return {
    config,
    zones: registry,
    openClient(slug) {
      let client = clients.get(slug);
      if (!client) {
        // Each call is time-limited (DB_TIMEOUT_MS); an outage answers 503, see db/time-limited-client.ts.
        client = connectTenant({
          createClient,
          url: tenantDbUrl(config.LIBSQL_URL_TEMPLATE, slug),
          authToken: config.LIBSQL_AUTH_TOKEN,
          timeoutMs: config.DB_TIMEOUT_MS,
        });
        clients.set(slug, client);
      }
      return client;
    },
    // Uploaded materials on disk (BLOB_DIR, default .data/blobs), keyed <zone>/<id> like R2 on Workers.
    blobs: diskBlobStore(env.BLOB_DIR || ".data/blobs"),
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
