/**
 * Builds AppDeps for the Node target (self-hosted, e.g. data kept inside China):
 * embedded libSQL files through `@libsql/client` (`file:` URLs) or any remote
 * libSQL URL. Clients are cached per zone for the process's life because an
 * embedded database is a native handle, not a cheap HTTP client.
 */
import { createClient, type Client } from "@libsql/client";
import { zones } from "../tenants/index";
import type { ZoneRegistry } from "../tenants/registry";
import { parseConfig, tenantDbUrl, type AppDeps } from "./env";

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
        client = createClient({ url: tenantDbUrl(config.LIBSQL_URL_TEMPLATE, slug), ...(config.LIBSQL_AUTH_TOKEN ? { authToken: config.LIBSQL_AUTH_TOKEN } : {}) });
        clients.set(slug, client);
      }
      return client;
    },
    close() {
      for (const c of clients.values()) c.close();
      clients.clear();
    },
  };
}
