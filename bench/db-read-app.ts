/**
 * The app as the DB-read comparison needs it (bench/db-read-report.ts): the Node target's own
 * deps with a page store that keeps nothing, so every request reads the zone's database (the
 * page cache would otherwise answer anonymous reads from memory), once with the statement-caching
 * file client (db/embedded-client.ts) and once with @libsql/client's (LIBSQL_STATEMENT_CACHE=0).
 * Like routing-app.ts it skips the entry's scheduled jobs and start-up schema report.
 */
import { serve } from "@hono/node-server";
import { createApp } from "../worker/app";
import type { PageStore } from "../worker/lib/page-store/page-store";
import { createNodeDeps } from "../worker/node-deps";

const keepsNothing: PageStore = {
  get: async () => undefined,
  put: async () => {},
};

export async function serveDbReadApp(
  env: { LIBSQL_URL_TEMPLATE: string; PLATFORM_DB_URL: string },
  options: { statementCache: boolean },
) {
  const deps = createNodeDeps({
    ROOT_DOMAINS: "localhost",
    PUBLIC_URL_TEMPLATE: "http://{tenant}.localhost:8787",
    LIBSQL_STATEMENT_CACHE: options.statementCache ? "1" : "0",
    ...env,
  });
  const app = createApp({ ...deps, pageStore: keepsNothing });
  return new Promise<number>((resolve) => {
    serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => resolve(info.port));
  });
}
