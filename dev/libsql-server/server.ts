/**
 * A local stand-in for sqld: the libSQL remote protocol (Hrana over HTTP,
 * JSON) in front of embedded libSQL databases, one per tenant slug. The app's
 * dev mode and its Workers integration tests point `@libsql/client/web` at
 * `tenantUrl(slug)` exactly as they would point it at Turso in production.
 */
import { createAdaptorServer } from "@hono/node-server";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { createHranaApp } from "./http-routes";
import { StreamRegistry } from "./streams";
import { createFileStore, createMemoryStore } from "./tenants";

export interface LibsqlServerOptions {
  /** Directory holding `<slug>.db` files (created on demand), or ":memory:" for one in-memory database per slug. */
  dataDir: string;
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** How long an unused stream (and its open transaction) lives. Default 10 000 ms, as in sqld. */
  streamIdleMs?: number;
  /**
   * How long a statement waits for another stream's write lock or transaction before failing
   * with SQLITE_BUSY. Default 5 000 ms.
   */
  busyTimeoutMs?: number;
  /** Largest accepted request body. Default 10 MiB. */
  maxBodyBytes?: number;
  /** Receives one line per request and per notable event; silent when absent. */
  log?: (line: string) => void;
}

export interface LibsqlServer {
  /** "http://127.0.0.1:PORT", no trailing slash. */
  url: string;
  port: number;
  /** The URL to give `createClient` for a tenant: `${url}/t/${slug}/`. */
  tenantUrl(slug: string): string;
  /** Rolls back open transactions, closes every database handle and the HTTP server. */
  close(): Promise<void>;
}

const optionsSchema = z.object({
  dataDir: z.string().min(1),
  port: z.number().int().min(0).max(65535).default(0),
  host: z.string().min(1).default("127.0.0.1"),
  streamIdleMs: z.number().int().positive().default(10_000),
  busyTimeoutMs: z.number().int().min(0).default(5_000),
  maxBodyBytes: z
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
});

/** Starts listening; resolves once the port is bound. */
export async function startLibsqlServer(opts: LibsqlServerOptions): Promise<LibsqlServer> {
  const options = optionsSchema.parse(opts);
  const tenants =
    options.dataDir === ":memory:"
      ? createMemoryStore(options.busyTimeoutMs)
      : createFileStore(options.dataDir, options.busyTimeoutMs);
  const streams = new StreamRegistry({ tenants, idleMs: options.streamIdleMs, log: opts.log });
  const app = createHranaApp({ streams, maxBodyBytes: options.maxBodyBytes, log: opts.log });
  // Leave the host process's global Request/Response alone: tests run clients in the same process.
  const server = createAdaptorServer({ fetch: app.fetch, overrideGlobalObjects: false }) as Server;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });

  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;
  let closing: Promise<void> | undefined;

  return {
    url,
    port,
    tenantUrl: (slug) => `${url}/t/${slug}/`,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
        streams.closeAll();
        tenants.close();
      });
      return closing;
    },
  };
}
