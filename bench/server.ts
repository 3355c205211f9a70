/**
 * The benchmark's server process (started pinned to one core by bench/run.ts):
 * the full app (Node entry, embedded libSQL files) and a bare Hono app in the
 * same process. The bare app replays, byte for byte and header for header, what
 * the app answered for each measured path, so a ratio compares the work done to
 * produce a response, not the response's size. BENCH_ROUTING_PLATFORMS (a JSON list of
 * platform database URLs) adds one app per control plane, for the zone-count comparison; two
 * apps with the page cache off (db-read-app.ts) serve the DB-read comparison.
 */
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { startNodeServer } from "../worker/entry.node.ts";
import { hostFetchTo } from "../tests/support/node-fetch";
import { serveDbReadApp } from "./db-read-app";
import { BENCH_PATHS, DB_READ_PATHS } from "./paths";
import { serveRoutingApp } from "./routing-app";

const template = process.env.LIBSQL_URL_TEMPLATE;
if (!template) throw new Error("LIBSQL_URL_TEMPLATE is required");

const app = await startNodeServer({
  port: 0,
  env: {
    ROOT_DOMAINS: "localhost",
    LIBSQL_URL_TEMPLATE: template,
    PLATFORM_DB_URL: process.env.PLATFORM_DB_URL,
    // LIBSQL_STATEMENT_CACHE=0 npm run bench: the main table as before the statement cache.
    LIBSQL_STATEMENT_CACHE: process.env.LIBSQL_STATEMENT_CACHE,
  },
});

const viaHost = hostFetchTo(app.port);
const bare = new Hono();
bare.get("/", (c) => c.json({ ok: true }));
// The server process's CPU time so far: the load generator reads it around each scenario,
// because with one core each, autocannon (not the server) can be the bottleneck.
bare.get("/__cpu", (c) => {
  const { user, system } = process.cpuUsage();
  return c.json({ micros: user + system });
});
/** Serves at `route` what `res` carried, body and headers. */
async function replay(route: string, res: Response, what: string) {
  if (!res.ok) throw new Error(`${what} answered ${res.status}`);
  const body = await res.text();
  // The same headers too (security headers, request id, CSP nonce frozen at one value):
  // every header costs a few µs on Node, and the app's are required, not optional.
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (!["date", "content-length", "connection", "keep-alive", "transfer-encoding"].includes(name))
      headers[name] = value;
  });
  bare.get(route, (c) => c.body(body, 200, headers));
}
for (const { path, host } of BENCH_PATHS) await replay(`/replay${path}`, await viaHost(host, path), `${host}${path}`);
const dbRead = { LIBSQL_URL_TEMPLATE: template, PLATFORM_DB_URL: process.env.PLATFORM_DB_URL ?? "" };
const cachedPort = await serveDbReadApp(dbRead, { statementCache: true });
const uncachedPort = await serveDbReadApp(dbRead, { statementCache: false });
// What the app answers when it reads the database, replayed as above (it is the page the cache would keep).
const viaDbRead = hostFetchTo(cachedPort);
for (const { path, host } of DB_READ_PATHS)
  await replay(`/replay-db${path}`, await viaDbRead(host, path), `${host}${path} (page cache off)`);
const barePort = await new Promise<number>((resolve) => {
  serve({ fetch: bare.fetch, port: 0, hostname: "127.0.0.1" }, (info) => resolve(info.port));
});
const routingPorts: number[] = [];
for (const url of JSON.parse(process.env.BENCH_ROUTING_PLATFORMS ?? "[]") as string[])
  routingPorts.push(await serveRoutingApp({ LIBSQL_URL_TEMPLATE: template, PLATFORM_DB_URL: url }));
// The parent reads this one line to learn the ports.
console.log(JSON.stringify({ barePort, appPort: app.port, routingPorts, cachedPort, uncachedPort }));
