/**
 * Node entry: the same createApp(deps) served by @hono/node-server. Configured
 * from the environment (PORT, HOST, ROOT_DOMAINS, LIBSQL_URL_TEMPLATE, PLATFORM_DB_URL, DB_TIMEOUT_MS,
 * LIBSQL_AUTH_TOKEN, BLOB_DIR); defaults serve embedded libSQL files and
 * uploaded materials (.data/blobs) under .data/.
 */
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { localPublicUrlTemplate } from "./env";
import { createNodeDeps, NODE_DEFAULTS } from "./node-deps";
import { runScheduled } from "./scheduled/run-scheduled";
import { describeSchemasBehind } from "./middleware/schema-check";

/**
 * Serves the app on `port` (0: a free one). Without PUBLIC_URL_TEMPLATE the public origin
 * is the port actually bound (http://<zone>.localhost:<port>), so forms, autosave and the
 * links in messages work on any port. A busy port rejects with one clear sentence.
 */
export function startNodeServer(options: {
  port: number;
  hostname?: string;
  env?: Record<string, string | undefined>;
}) {
  const env: Record<string, string | undefined> = { ...NODE_DEFAULTS, ...(options.env ?? process.env) };
  const hostname = options.hostname ?? "127.0.0.1";
  return new Promise<{ port: number; close(): Promise<void>; runScheduled(): Promise<void> }>((resolve, reject) => {
    // The app is built once the port is known; no request is read before "listening".
    let app: ReturnType<typeof createApp> | undefined;
    const server = serve(
      { fetch: (req, ...rest) => app!.fetch(req, ...rest), port: options.port, hostname },
      (info) => {
        const deps = createNodeDeps({
          ...env,
          PUBLIC_URL_TEMPLATE: env.PUBLIC_URL_TEMPLATE || localPublicUrlTemplate(info.port),
        });
        app = createApp(deps);
        // Each database's schema, checked once at start: the log names what to run (requests to
        // a database behind answer 503 with the same command until it has run).
        void describeSchemasBehind(deps).then(
          (lines) => {
            for (const line of lines) console.warn(`yuanqu: ${line}`);
          },
          (err: unknown) => console.warn(`yuanqu: could not check the databases' schema: ${String(err)}`),
        );
        // The Node target's stand-in for the Workers cron trigger: housekeeping and mail every 30 s.
        const delivery = setInterval(() => void runScheduled(deps), 30_000);
        delivery.unref();
        resolve({
          port: info.port,
          // The cron's work now, not at the next tick: what tests call after moving a date past its end.
          runScheduled: () => runScheduled(deps),
          close: () =>
            new Promise<void>((done) => {
              clearInterval(delivery);
              server.close(() => {
                deps.close();
                done();
              });
            }),
        });
      },
    );
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(err.code === "EADDRINUSE" ? new PortBusyError(options.port, "PORT") : err),
    );
  });
}

/** A port another program holds, said in one line with what to do about it. */
export class PortBusyError extends Error {
  constructor(port: number, variable: "PORT" | "LIBSQL_PORT") {
    super(
      `端口 ${port} 已被占用 (port ${port} is in use):` +
        ` stop what uses it, or choose another, e.g. ${variable}=${port + 4} npm start`,
    );
    this.name = "PortBusyError";
  }
}

// `tsx worker/entry.node.ts` (or the bundled dist/node.mjs) serves on PORT, default 8787.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const port = Number(process.env.PORT ?? 8787);
  try {
    const { port: bound } = await startNodeServer({ port, hostname: process.env.HOST ?? "127.0.0.1" });
    console.log(`yuanqu (node) listening on http://localhost:${bound}`);
  } catch (err) {
    console.error(err instanceof PortBusyError ? err.message : err);
    process.exit(1);
  }
}
