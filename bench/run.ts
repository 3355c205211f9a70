/**
 * `npm run bench`: requests/s and latency of the app against a bare Hono route
 * in the same run. The server runs on core 0 (taskset), autocannon on core 1.
 * Not a test: it prints figures and ratios; targets are reported, not asserted.
 *   BENCH_SECONDS (default 8) per scenario, BENCH_CONNECTIONS (default 32),
 *   BENCH_MIGRATE_ZONES (default 100; 0 skips the db:migrate run),
 *   LIBSQL_STATEMENT_CACHE=0 (the main table through @libsql/client's file client, as before
 *   worker/db/embedded-client.ts; the DB-read table prints both either way).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createClient } from "@libsql/client";
import { preparePlatform } from "../dev/lib/platform";
import { prepareAllZones } from "../dev/lib/prepare-tenant";
import { zones } from "../tenants/index";
import { measureDbRead, printDbRead } from "./db-read-report";
import { benchEngine } from "./engine";
import { benchFinance } from "./finance";
import { createMeasure, type Figures, formatFigures as fmt, type Scenario } from "./measure";
import { benchMigrate } from "./migrate-scale";
import { BENCH_PATHS } from "./paths";
import { addScaleZones, benchResolve, SCALE_ZONES } from "./zone-scale";
import { measureZoneScale, printZoneScale } from "./zone-scale-report";

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const migrateZones = Number(process.env.BENCH_MIGRATE_ZONES ?? 100);
const pin = (cores: string) => spawnSync("taskset", ["-cp", cores, String(process.pid)]).status === 0;
const pinned = pin("1");

const dir = mkdtempSync(join(tmpdir(), "yuanqu-bench-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
const template = `file:${dir}/{tenant}.db`;
await prepareAllZones((slug) => template.replace("{tenant}", slug), zones.all());
const platformUrl = `file:${dir}/platform.db`;
const platformClient = createClient({ url: platformUrl });
await preparePlatform(platformClient, zones.all());
// The same demo zones among 1,000 in a second control plane (zone-scale.ts).
const scaleUrl = `file:${dir}/platform-${SCALE_ZONES}.db`;
const scaleClient = createClient({ url: scaleUrl });
await preparePlatform(scaleClient, zones.all());
await addScaleZones(scaleClient, zones.all());

const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
const [cmd, args] = pinned ? ["taskset", ["-c", "0", tsx, "bench/server.ts"]] : [tsx, ["bench/server.ts"]];
const server = spawn(cmd, args as string[], {
  env: {
    ...process.env,
    LIBSQL_URL_TEMPLATE: template,
    PLATFORM_DB_URL: platformUrl,
    BENCH_ROUTING_PLATFORMS: JSON.stringify([platformUrl, scaleUrl]),
    NODE_ENV: "production",
  },
  stdio: ["ignore", "pipe", "inherit"],
});
const ports = await new Promise<{
  barePort: number;
  appPort: number;
  routingPorts: [number, number];
  cachedPort: number;
  uncachedPort: number;
}>((resolve, reject) => {
  createInterface({ input: server.stdout! }).once("line", (l) => resolve(JSON.parse(l)));
  server.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
});

const tiny: Scenario = { name: 'bare Hono route, {"ok":true}', port: ports.barePort, path: "/", host: "localhost" };
const pairs = BENCH_PATHS.map((p) => ({
  app: { name: p.name, port: ports.appPort, path: p.path, host: p.host },
  bare: { name: `bare replay of ${p.path}`, port: ports.barePort, path: `/replay${p.path}`, host: "localhost" },
  target: p.target as number | undefined,
}));

const serverCpuMicros = async () =>
  ((await (await fetch(`http://127.0.0.1:${ports.barePort}/__cpu`)).json()) as { micros: number }).micros;
const { measure, run: runScenario } = createMeasure({ connections, serverCpuMicros });
const run = (s: Scenario) => runScenario(s, seconds);

const placement = pinned ? "on core 0, load on core 1" : "unpinned (taskset unavailable)";
console.log(
  `yuanqu bench: ${seconds}s per scenario, ${connections} connections, server ${placement}, Node ${process.version}\n`,
);
let tinyFigures: Figures;
const rows: { name: string; app: Figures; bare: Figures; target: number | undefined }[] = [];
let scale: Awaited<ReturnType<typeof measureZoneScale>>;
let dbRead: Awaited<ReturnType<typeof measureDbRead>>;
try {
  tinyFigures = await run(tiny);
  for (const p of pairs)
    rows.push({ name: p.app.name, bare: await run(p.bare), app: await run(p.app), target: p.target });
  scale = await measureZoneScale({ measure, ports: ports.routingPorts, seconds });
  dbRead = await measureDbRead({ measure, ports, seconds });
} finally {
  server.kill();
}

const pad = (v: string, n: number) => v.padEnd(n);
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

printZoneScale(scale!, await benchResolve(platformClient, scaleClient, 1.5));
printDbRead(dbRead!);
platformClient.close();
scaleClient.close();

if (migrateZones > 0) {
  // Both cores, as on a developer's machine: the local libSQL server runs in this process.
  if (pinned) pin(`0-${availableParallelism() - 1}`);
  const m = await benchMigrate({ zones: migrateZones, concurrency: 8 });
  if (pinned) pin("1");
  const verdict = m.firstSeconds < 30 ? "met" : "MISSED";
  console.log(
    `\nnpm run db:migrate over ${m.zones} fresh zone databases on the local libSQL server ` +
      `(${m.concurrency} at a time, ` +
      `the command's wall time): ${m.firstSeconds.toFixed(1)} s (target < 30 s, ${verdict}; ` +
      `${m.firstInnerSeconds.toFixed(1)} s after start-up); run again with nothing to do: ` +
      `${m.againSeconds.toFixed(1)} s (${m.againInnerSeconds.toFixed(1)} s after start-up)`,
  );
}

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
