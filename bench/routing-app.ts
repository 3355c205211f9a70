/**
 * The app over a given control plane, for the routing comparison (zone-scale.ts): the same
 * createApp(createNodeDeps(...)) as the Node entry, without what the entry adds at start —
 * the 30 s scheduled jobs (which visit every active zone) and the start-up schema report
 * (which opens every zone's database). Over 1,000 zones without databases those would
 * measure the jobs, not the routing; each app here does exactly the same work per request.
 */
import { serve } from "@hono/node-server";
import { createApp } from "../worker/app";
import { createNodeDeps } from "../worker/node-deps";

export async function serveRoutingApp(env: { LIBSQL_URL_TEMPLATE: string; PLATFORM_DB_URL: string }) {
  const deps = createNodeDeps({
    ROOT_DOMAINS: "localhost",
    PUBLIC_URL_TEMPLATE: "http://{tenant}.localhost:8787",
    ...env,
  });
  const app = createApp(deps);
  return new Promise<number>((resolve) => {
    serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => resolve(info.port));
  });
}
