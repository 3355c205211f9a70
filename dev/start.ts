/**
 * `npm start`: the local libSQL server (dev/libsql-server, files under .data/)
 * plus the Worker in workerd (`wrangler dev`) on PORT (default 8787; the libSQL server on
 * LIBSQL_PORT, default 8080). The zones' public origin follows PORT unless
 * PUBLIC_URL_TEMPLATE is set, so forms and links work on any port.
 * `npm run start:node`: the same zones on the Node entry over the same files.
 * Both migrate and load every zone first (idempotent) and print its URL.
 */
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { zones } from "../tenants/index";
import { zoneOrigin } from "../worker/env";
import { startLibsqlServer } from "./libsql-server/server";
import { createNodeDeps } from "../worker/node-deps";
import { provisionDemoZones } from "./lib/platform";
import { DEMO_OPERATOR, seedDemoOperator } from "./lib/seed-demo-operator";
import { assertPortFree, libsqlPort, publicUrlTemplate, servedPort } from "./lib/local-ports";
import { prepareAllZones } from "./lib/prepare-tenant";
import { DEMO_ZONES, demoAccounts, demoPassword } from "./lib/seed-demo";

const { values } = parseArgs({ options: { node: { type: "boolean" } } });
const PORT = servedPort();
const DB_PORT = libsqlPort();
// The origin every form is checked against and every link is built on: the port served.
const PUBLIC_URL_TEMPLATE = publicUrlTemplate();
try {
  await assertPortFree(PORT, "PORT");
  if (!values.node) await assertPortFree(DB_PORT, "LIBSQL_PORT");
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
mkdirSync(".data", { recursive: true });

async function prepareAll(urlFor: (slug: string) => string) {
  // The control plane first: each demo zone created the way an operator creates any zone
  // (provisionZone, template = its own folder); one registered before is left as it is.
  const deps = createNodeDeps({
    ROOT_DOMAINS: "localhost",
    LIBSQL_URL_TEMPLATE: urlFor("{tenant}"),
    PLATFORM_DB_URL: urlFor("platform"),
    PUBLIC_URL_TEMPLATE,
    DEV_TOOLS: "1",
  });
  try {
    const { migrated: platformSchema, outcomes } = await provisionDemoZones(deps, zones.all());
    const created = outcomes.filter((o) => o.status === "created").map((o) => o.slug);
    const added = created.length ? `; created ${created.join(", ")}` : "";
    console.log(`  ✓ platform: schema ${platformSchema.version}${added}`);
    // The demo operator (operator console on the bare root): idempotent, never replaces a password.
    const operator = await seedDemoOperator(deps);
    if (operator.created) console.log(`  ✓ platform: demo operator ${DEMO_OPERATOR.email}`);
  } finally {
    deps.close();
  }
  for (const { zone, migrated, policy } of await prepareAllZones(urlFor, zones.all(), { demo: true })) {
    const set = policy.preview.set!;
    const state =
      policy.status === "published"
        ? `published as version ${policy.version}`
        : `version ${policy.preview.base?.id} up to date`;
    const { documents, programmes, cases } = set;
    const counts = `${documents.length} documents, ${programmes.length} programmes, ${cases.length} cases passing`;
    console.log(`  ✓ ${zone.slug}: schema ${migrated.version}; policy ${state}: ${counts}`);
  }
}

function banner(runtime: string) {
  console.log(`\n园区通 yuanqu is running (${runtime}). Open a zone:`);
  for (const z of zones.all()) console.log(`  ${zoneOrigin({ PUBLIC_URL_TEMPLATE }, z.slug)}  ${z.name.zh}`);
  console.log(`  http://localhost:${PORT}/login  operator console: ${DEMO_OPERATOR.email} / ${DEMO_OPERATOR.password}`);
  console.log(`  http://zibo.localhost:${PORT}/api/openapi.json  API description (any zone)`);
  console.log(`\nDemo accounts (password Demo-<zone>-2026, e.g. ${demoPassword("zibo")}):`);
  for (const z of zones.all().filter((z) => (DEMO_ZONES as readonly string[]).includes(z.slug))) {
    console.log(
      `  ${z.slug.padEnd(9)} ${demoAccounts(z)
        .map((a) => a.email)
        .join("  ")}   password ${demoPassword(z.slug)}`,
    );
  }
  const site = `http://<zone>.localhost:${PORT}`;
  console.log(`Sign in at ${site}/login; sent messages (reset links) at ${site}/dev/outbox/view.`);
  console.log("Ctrl-C stops everything.\n");
}

if (values.node) {
  const { startNodeServer } = await import("../worker/entry.node.ts");
  const template = "file:.data/{tenant}.db";
  console.log("preparing zone databases (embedded libSQL files in .data/)…");
  await prepareAll((slug) => template.replace("{tenant}", slug));
  const server = await startNodeServer({
    port: PORT,
    env: {
      ROOT_DOMAINS: "localhost",
      LIBSQL_URL_TEMPLATE: template,
      PLATFORM_DB_URL: template.replace("{tenant}", "platform"),
      PUBLIC_URL_TEMPLATE,
      DEV_TOOLS: "1",
    },
  });
  banner("Node, @hono/node-server");
  const stop = () => void server.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} else {
  const db = await startLibsqlServer({ dataDir: ".data", port: DB_PORT });
  console.log(`local libSQL server on ${db.url} (one database per zone in .data/)`);
  console.log("preparing zone databases…");
  await prepareAll((slug) => db.tenantUrl(slug));

  const wrangler = spawn(
    "wrangler",
    [
      "dev",
      "--port",
      String(PORT),
      "--ip",
      "127.0.0.1",
      "--show-interactive-dev-session=false",
      "--var",
      `LIBSQL_URL_TEMPLATE:${db.url}/t/{tenant}/`,
      "--var",
      `PLATFORM_DB_URL:${db.tenantUrl("platform")}`,
      "--var",
      `PUBLIC_URL_TEMPLATE:${PUBLIC_URL_TEMPLATE}`,
    ],
    // No Request.cf download (this network reaches only package registries) and no telemetry.
    // Its own process group: wrangler runs workerd (and a Node shim) as children, and
    // stopping must take all of them down, not just the shim.
    {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" },
    },
  );
  let ready = false;
  const forward = (chunk: Buffer) => {
    const text = chunk.toString();
    for (const line of text.split("\n")) if (line.trim()) console.log(`[workerd] ${line}`);
    if (!ready && /Ready on/.test(text)) {
      ready = true;
      banner("workerd via wrangler dev");
    }
  };
  wrangler.stdout.on("data", forward);
  wrangler.stderr.on("data", forward);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    try {
      process.kill(-wrangler.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await db.close();
    process.exit(code);
  };
  wrangler.on("exit", (code) => void stop(code ?? 0));
  process.once("SIGINT", () => void stop(0));
  process.once("SIGTERM", () => void stop(0));
}
