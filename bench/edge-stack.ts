/**
 * The Worker in workerd (`wrangler dev`, as `npm start` runs it) against the local libSQL
 * server through a delay proxy, on free ports, over a throwaway data directory: the demo
 * zones prepared as `npm start` prepares them, and with `scaled` a Zibo of a real zone's
 * volume (dev/lib/scale). Shared by `npm run bench:edge` and `npm run test:scale`.
 *
 * The Worker is bundled once up front (`wrangler deploy --dry-run`) and served with
 * `--no-bundle`: `wrangler dev` would otherwise rebuild and restart it whenever a source file
 * changes, mid-measurement, with code newer than the databases were migrated to.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { prepareAllZones } from "../dev/lib/prepare-tenant";
import { provisionDemoZones } from "../dev/lib/platform";
import { seedScale, type SeedScaleResult } from "../dev/lib/scale/seed-scale";
import { startLibsqlServer } from "../dev/libsql-server/server";
import { hostFetchTo } from "../tests/support/node-fetch";
import type { HostFetch } from "../tests/support/smoke";
import { zones } from "../tenants/index";
import { createNodeDeps } from "../worker/node-deps";
import { startDelayProxy, type DelayProxy } from "./delay-proxy";
import { findDescendants } from "./edge-process-cpu";

export interface EdgeStackOptions {
  delayMs: number;
  scaled?: { seed: number; factor: number } | undefined;
  log?: (line: string) => void;
}

export interface EdgeStack {
  port: number;
  inspectorPort: number;
  proxy: DelayProxy;
  fetch: HostFetch;
  scaled: SeedScaleResult | null;
  /** The workerd processes wrangler runs (for their CPU time; see edge-process-cpu.ts). */
  workerdPids(): number[];
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function startEdgeStack(options: EdgeStackOptions): Promise<EdgeStack> {
  const log = options.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), "yuanqu-edge-"));
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(dir, { recursive: true, force: true })];
  const close = async () => {
    for (const c of cleanups.reverse()) await c();
  };
  try {
    const bundle = await bundleWorker(join(dir, "bundle"));
    log("Worker bundled");
    const port = await freePort();
    const inspectorPort = await freePort();
    const publicUrl = `http://{tenant}.localhost:${port}`;
    // Prepared over files (fast, no HTTP), then served by the local libSQL server from the same directory.
    const file = (slug: string) => `file:${dir}/${slug}.db`;
    const t0 = performance.now();
    const deps = createNodeDeps({
      ROOT_DOMAINS: "localhost",
      LIBSQL_URL_TEMPLATE: file("{tenant}"),
      PLATFORM_DB_URL: file("platform"),
      PUBLIC_URL_TEMPLATE: publicUrl,
      DEV_TOOLS: "1",
    });
    try {
      await provisionDemoZones(deps, zones.all());
    } finally {
      deps.close();
    }
    await prepareAllZones(file, zones.all(), { demo: true });
    log(`demo zones prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    let scaled: SeedScaleResult | null = null;
    if (options.scaled) {
      const client = createClient({ url: file("zibo") });
      try {
        scaled = await seedScale({ client, zone: zones.get("zibo")!, ...options.scaled });
      } finally {
        client.close();
      }
      const rows = Object.values(scaled.rows).reduce((a, b) => a + b, 0);
      log(`zibo scaled (factor ${options.scaled.factor}): ${rows} rows in ${(scaled.ms / 1000).toFixed(1)} s`);
    }
    const db = await startLibsqlServer({ dataDir: dir, port: 0 });
    cleanups.push(() => db.close());
    const proxy = await startDelayProxy({ target: db.url, delayMs: options.delayMs });
    cleanups.push(() => proxy.close());
    const wranglerPid = await startWrangler({
      dir,
      bundle,
      port,
      inspectorPort,
      proxyUrl: proxy.url,
      publicUrl,
      cleanups,
      log,
    });
    const workerdPids = () => findDescendants(wranglerPid, "workerd");
    return { port, inspectorPort, proxy, fetch: hostFetchTo(port), scaled, workerdPids, close };
  } catch (err) {
    await close();
    throw err;
  }
}

const wranglerBin = () => join(process.cwd(), "node_modules", ".bin", "wrangler");
const wranglerEnv = () => ({ ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" });

/** The Worker as the one module a deploy uploads; its path. */
async function bundleWorker(outdir: string): Promise<string> {
  const child = spawn(wranglerBin(), ["deploy", "--dry-run", "--outdir", outdir], {
    stdio: ["ignore", "pipe", "pipe"],
    env: wranglerEnv(),
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`bundling the Worker failed (exit ${code}):\n${output}`);
  return join(outdir, "entry.worker.js");
}

async function startWrangler(o: {
  dir: string;
  bundle: string;
  port: number;
  inspectorPort: number;
  proxyUrl: string;
  publicUrl: string;
  cleanups: (() => Promise<void> | void)[];
  log: (line: string) => void;
}): Promise<number> {
  const args = [
    "dev",
    o.bundle,
    "--no-bundle",
    "--config",
    "wrangler.toml",
    "--port",
    String(o.port),
    "--ip",
    "127.0.0.1",
    "--inspector-port",
    String(o.inspectorPort),
    "--persist-to",
    join(o.dir, "wrangler-state"),
    "--show-interactive-dev-session=false",
    "--var",
    `LIBSQL_URL_TEMPLATE:${o.proxyUrl}/t/{tenant}/`,
    "--var",
    `PLATFORM_DB_URL:${o.proxyUrl}/t/platform/`,
    "--var",
    `PUBLIC_URL_TEMPLATE:${o.publicUrl}`,
  ];
  // Its own process group, as in dev/start.ts: stopping must take workerd down with it.
  const child = spawn(wranglerBin(), args, { detached: true, stdio: ["ignore", "pipe", "pipe"], env: wranglerEnv() });
  o.cleanups.push(async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  });
  let output = "";
  // Errors the Worker logs after start-up (a 500's stack) reach the caller's log.
  child.stderr.on("data", (chunk: Buffer) => {
    if (/Ready on/.test(output))
      for (const line of chunk.toString().split("\n")) if (line.trim()) o.log(`[workerd] ${line}`);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`wrangler dev did not start in 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      if (!/Ready on/.test(output)) output += chunk.toString();
      if (/Ready on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`wrangler dev exited with ${code}:\n${output}`));
    });
  });
  o.log(`workerd (wrangler dev) on port ${o.port}, inspector on ${o.inspectorPort}`);
  return child.pid!;
}
