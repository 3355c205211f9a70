/**
 * `npm run build`: bundles the Worker exactly as `wrangler deploy` would
 * (--dry-run, nothing uploaded) and the Node target (server.mjs and the operator CLI
 * cli.mjs), then reports sizes and fails if the Worker exceeds its budget of 1 MB gzip.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const BUDGET = 1024 * 1024;

/**
 * The Node target: the server and the operator CLI (migrate, create a zone, an operator or a
 * zone admin), each one file that runs with production dependencies only (npm ci --omit=dev).
 * tests/node/dist.test.ts builds it into a scratch folder through this function.
 */
export async function buildNodeTarget(outDir: string): Promise<void> {
  for (const [entry, name] of [
    ["worker/entry.node.ts", "server.mjs"],
    ["worker/cli/cli.ts", "cli.mjs"],
  ] as const) {
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node22",
      // Native and Node-specific packages stay in node_modules; our code and hono are bundled.
      external: ["@libsql/client", "libsql", "@hono/node-server"],
      outfile: join(outDir, name),
      jsx: "automatic",
      jsxImportSource: "hono/jsx",
      logLevel: "warning",
    });
  }
}

function sizeOf(dir: string) {
  let raw = 0;
  let gz = 0;
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const p = join(dir, f);
    if (!statSync(p).isFile() || !/\.(m?js|wasm)$/.test(p)) continue;
    const bytes = readFileSync(p);
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gz };
}

async function main() {
  rmSync("dist", { recursive: true, force: true });
  execFileSync("wrangler", ["deploy", "--dry-run", "--env", "production", "--outdir", "dist/worker"], {
    stdio: "inherit",
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" },
  });
  await buildNodeTarget("dist/node");
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const worker = sizeOf("dist/worker");
  const node = sizeOf("dist/node");
  console.log(`\nworker bundle: ${kb(worker.raw)} raw, ${kb(worker.gz)} gzip (budget ${kb(BUDGET)} gzip)`);
  console.log(`node bundle:   ${kb(node.raw)} raw, ${kb(node.gz)} gzip → node dist/node/server.mjs`);
  console.log("               first migrate, then create zones and operators: node dist/node/cli.mjs help");
  if (worker.gz > BUDGET) {
    console.error(`the Worker bundle is over budget by ${kb(worker.gz - BUDGET)}`);
    process.exit(1);
  }
}

// Run as `npm run build`, not when a test imports buildNodeTarget.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
