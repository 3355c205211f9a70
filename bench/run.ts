/**
 * `npm run bench`: requests/s and latency of the app against a bare Hono route
 * in the same run. The server runs on core 0 (taskset), autocannon on core 1.
 * Not a test: it prints figures and ratios; targets are reported, not asserted.
 *   BENCH_SECONDS (default 8) per scenario, BENCH_CONNECTIONS (default 32).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { createClient } from "@libsql/client";
import { preparePlatform } from "../dev/lib/platform";
import { prepareAllZones } from "../dev/lib/prepare-tenant";
import { zones } from "../tenants/index";
import { benchEngine } from "./engine";
import { benchFinance } from "./finance";
import { BENCH_PATHS } from "./paths";

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const pinned = spawnSync("taskset", ["-cp", "1", String(process.pid)]).status === 0;

const dir = mkdtempSync(join(tmpdir(), "yuanqu-bench-"));
const template = `file:${dir}/{tenant}.db`;
await prepareAllZones((slug) => template.replace("{tenant}", slug), zones.all());
const platformUrl = `file:${dir}/platform.db`;
const platformClient = createClient({ url: platformUrl });
await preparePlatform(platformClient, zones.all());
platformClient.close();

const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
const [cmd, args] = pinned ? ["taskset", ["-c", "0", tsx, "bench/server.ts"]] : [tsx, ["bench/server.ts"]];
const server = spawn(cmd, args as string[], {
  env: { ...process.env, LIBSQL_URL_TEMPLATE: template, PLATFORM_DB_URL: platformUrl, NODE_ENV: "production" },
  stdio: ["ignore", "pipe", "inherit"],
});
const ports = await new Promise<{ barePort: number; appPort: number }>((resolve, reject) => {
  createInterface({ input: server.stdout! }).once("line", (l) => resolve(JSON.parse(l)));
  server.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
});

interface Scenario {
  name: string;
  port: number;
  path: string;
  host: string;
}
const tiny: Scenario = { name: 'bare Hono route, {"ok":true}', port: ports.barePort, path: "/", host: "localhost" };
const pairs = BENCH_PATHS.map((p) => ({
  app: { name: p.name, port: ports.appPort, path: p.path, host: p.host },
  bare: { name: `bare replay of ${p.path}`, port: ports.barePort, path: `/replay${p.path}`, host: "localhost" },
  target: p.target as number | undefined,
}));

const serverCpu = async () =>
  ((await (await fetch(`http://127.0.0.1:${ports.barePort}/__cpu`)).json()) as { micros: number }).micros;

async function measure(s: Scenario, duration: number) {
  const before = await serverCpu();
  const r = await autocannon({
    url: `http://127.0.0.1:${s.port}${s.path}`,
    headers: { host: s.host },
    connections,
    duration,
  });
  const cpu = (await serverCpu()) - before;
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${s.name}: ${r.non2xx} non-2xx responses, ${r.errors} errors`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, cpuPerReq: cpu / r.requests.total };
}

const placement = pinned ? "on core 0, load on core 1" : "unpinned (taskset unavailable)";
console.log(
  `yuanqu bench: ${seconds}s per scenario, ${connections} connections, server ${placement}, Node ${process.version}\n`,
);
type Figures = Awaited<ReturnType<typeof measure>>;
const run = async (s: Scenario): Promise<Figures> => {
  await measure(s, 1); // warm-up: JIT and the database page cache
  return measure(s, seconds);
};
let tinyFigures: Figures;
const rows: { name: string; app: Figures; bare: Figures; target: number | undefined }[] = [];
try {
  tinyFigures = await run(tiny);
  for (const p of pairs)
    rows.push({ name: p.app.name, bare: await run(p.bare), app: await run(p.app), target: p.target });
} finally {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}

const pad = (v: string, n: number) => v.padEnd(n);
const fmt = (f: Figures) =>
  `${pad(f.rps.toFixed(0), 8)}${pad(`${f.p50}/${f.p99}`, 9)}${pad(f.cpuPerReq.toFixed(1), 8)}`;
console.log(
  `${pad("scenario", 34)}${pad("req/s", 8)}${pad("p50/p99", 9)}${pad("cpu µs", 8)}` +
    `${pad("| bare, same response", 27)}${pad("× same", 8)}${pad("× tiny", 8)}target`,
);
console.log(`${pad(tiny.name, 34)}${fmt(tinyFigures)}`);
for (const r of rows) {
  // Capacity ratio: requests per server CPU-second, app over bare. With the load
  // generator on a single core it is the figure that reflects the server's own work.
  const same = r.bare.cpuPerReq / r.app.cpuPerReq;
  const tinyRatio = tinyFigures.cpuPerReq / r.app.cpuPerReq;
  const verdict = r.target === undefined ? "" : `≥ ${r.target} ${same >= r.target ? "met" : "MISSED"}`;
  const ratios = `${pad(same.toFixed(2), 8)}${pad(tinyRatio.toFixed(2), 8)}`;
  console.log(`${pad(r.name, 34)}${fmt(r.app)}| ${fmt(r.bare)}${ratios}${verdict}`);
}
const throughput = rows.map((r) => `${r.name.split(" (")[0]} ${(r.app.rps / r.bare.rps).toFixed(2)}× same`).join("; ");
console.log(
  [
    "",
    "req/s and p50/p99 (ms) are what autocannon saw; cpu µs is the server's CPU time per request.",
    "× same / × tiny: requests per server CPU-second, app ÷ a bare Hono route sending the same response " +
      '(bytes and headers) / sending {"ok":true}.',
    `Throughput ratios (req/s): ${throughput}.`,
  ].join("\n"),
);

// The engine runs in this process (not the pinned server): it is pure CPU, no I/O.
const engine = await benchEngine(Number(process.env.BENCH_ENGINE_SECONDS ?? 2));
console.log("\npolicy engine (in-process, every programme for one enterprise, facts prefilled from its profile):");
for (const e of engine) {
  const verdict = e.microsPerEvaluation < 200 ? "met" : "MISSED";
  const perRequest = (e.microsPerEvaluation / tinyFigures!.cpuPerReq).toFixed(2);
  console.log(
    `  ${e.zone.padEnd(9)} ${String(e.programmes).padStart(3)} programmes: ` +
      `${e.microsPerEvaluation.toFixed(1)} µs per evaluation (budget < 200 µs, ${verdict}; ` +
      `${perRequest}× a bare Hono request's CPU); ranking all ${e.microsPerRanking.toFixed(0)} µs`,
  );
}

// The 金融超市 matcher, likewise in-process: 1,000 products ranked for one need (issue 7: < 5 ms).
const finance = benchFinance(Number(process.env.BENCH_FINANCE_SECONDS ?? 1.5));
const financeVerdict = finance.msPerRanking < 5 ? "met" : "MISSED";
const financePerRequest = ((finance.msPerRanking * 1000) / tinyFigures!.cpuPerReq).toFixed(1);
console.log(
  `\n金融超市 matching (in-process, ${finance.products} products ranked for one need and one enterprise): ` +
    `${finance.msPerRanking.toFixed(3)} ms per ranking (budget < 5 ms, ${financeVerdict}; ` +
    `${financePerRequest}× a bare Hono request's CPU)`,
);
