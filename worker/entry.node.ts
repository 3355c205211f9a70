/**
 * Node entry: the same createApp(deps) served by @hono/node-server. Configured
 * from the environment (PORT, HOST, ROOT_DOMAINS, LIBSQL_URL_TEMPLATE,
 * LIBSQL_AUTH_TOKEN, BLOB_DIR); defaults serve embedded libSQL files and
 * uploaded materials (.data/blobs) under .data/.
 */
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { createNodeDeps } from "./node-deps";
import { deliverAllZones } from "./features/outbox/deliver-all-zones";

export const NODE_DEFAULTS = {
  ROOT_DOMAINS: "localhost",
  LIBSQL_URL_TEMPLATE: "file:.data/{tenant}.db",
  PUBLIC_URL_TEMPLATE: "http://{tenant}.localhost:8787",
} as const;

export function startNodeServer(options: { port: number; hostname?: string; env?: Record<string, string | undefined> }) {
  const deps = createNodeDeps({ ...NODE_DEFAULTS, ...(options.env ?? process.env) });
  const app = createApp(deps);
  // The Node target's stand-in for the Workers cron trigger: deliver pending messages every 30 s.
  const delivery = setInterval(() => void deliverAllZones(deps), 30_000);
  delivery.unref();
  return new Promise<{ port: number; close(): Promise<void> }>((resolve) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname ?? "127.0.0.1" }, (info) => {
      resolve({
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            clearInterval(delivery);
            server.close(() => {
              deps.close();
              done();
            });
          }),
      });
    });
  });
}

// `tsx worker/entry.node.ts` (or the bundled dist/node.mjs) serves on PORT, default 8787.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const port = Number(process.env.PORT ?? 8787);
  const { port: bound } = await startNodeServer({ port, hostname: process.env.HOST ?? "127.0.0.1" });
  console.log(`yuanqu (node) listening on http://localhost:${bound}`);
}
