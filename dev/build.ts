/**
 * `npm run build`: bundles the Worker exactly as `wrangler deploy` would
 * (--dry-run, nothing uploaded) and the Node target, then reports sizes and
 * fails if the Worker exceeds its budget of 1 MB gzip.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const BUDGET = 1024 * 1024;
rmSync("dist", { recursive: true, force: true });

execFileSync("wrangler", ["deploy", "--dry-run", "--env", "production", "--outdir", "dist/worker"], {
  stdio: "inherit",
  env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" },
});

await build({
  entryPoints: ["worker/entry.node.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  // Native and Node-specific packages stay in node_modules; our code and hono are bundled.
  external: ["@libsql/client", "libsql", "@hono/node-server"],
  outfile: "dist/node/server.mjs",
  jsx: "automatic",
  jsxImportSource: "hono/jsx",
  logLevel: "warning",
});

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
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const worker = sizeOf("dist/worker");
const node = sizeOf("dist/node");
console.log(`\nworker bundle: ${kb(worker.raw)} raw, ${kb(worker.gz)} gzip (budget ${kb(BUDGET)} gzip)`);
console.log(`node bundle:   ${kb(node.raw)} raw, ${kb(node.gz)} gzip → node dist/node/server.mjs`);
if (worker.gz > BUDGET) {
  console.error(`the Worker bundle is over budget by ${kb(worker.gz - BUDGET)}`);
  process.exit(1);
}
