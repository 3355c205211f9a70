/**
 * `npm run bench:edge [-- --delay 40 --requests 30 --scaled --factor 1 --seed 1]`: the Worker
 * in workerd against the local libSQL server through a proxy adding `--delay` ms to every
 * database request (the hop from an edge location to Turso), on the demo zones or, with
 * `--scaled`, a Zibo of a real zone's volume. Per route of issue 16's table: the database
 * round trips (waves) and requests the Worker reports (X-Db-Waves / X-Db-Requests, DEV_TOOLS),
 * p50/p99 latency over N sequential requests, and the Worker's CPU per request in workerd: the
 * CPU time of the workerd process running it over N more requests with no delay (Linux
 * scheduler statistics, bench/edge-process-cpu.ts), and with `--v8` also the V8 profiler's
 * busy samples (bench/edge-cpu.ts). Prints a markdown table for ARCHITECTURE.md. Figures are
 * reported, not asserted: `npm run test:scale` asserts the round trips.
 */
import { parseArgs } from "node:util";
import { REQUESTS_HEADER, WAVES_HEADER } from "../worker/db/round-trips";
import { openProfiler } from "./edge-cpu";
import { workerdCpuMs } from "./edge-process-cpu";
import { EDGE_ROUTES, type EdgeRoute, requestRoute, signInAll } from "./edge-routes";
import { startEdgeStack } from "./edge-stack";

const { values } = parseArgs({
  options: {
    delay: { type: "string", default: "40" },
    requests: { type: "string", default: "30" },
    scaled: { type: "boolean", default: false },
    factor: { type: "string", default: "1" },
    seed: { type: "string", default: "1" },
    v8: { type: "boolean", default: false },
  },
});
const delayMs = Number(values.delay);
const n = Number(values.requests);
if (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > 1000 || !Number.isInteger(n) || n < 2 || n > 1000) {
  console.error(
    "usage: npm run bench:edge -- [--delay 0-1000 ms] [--requests 2-1000] [--scaled [--factor F] [--seed N]] [--v8]",
  );
  process.exit(2);
}
const CPU_LIMIT_MS = 10;
/**
 * The floor: a response with no database read (the zone's icon). Its CPU is what workerd spends
 * on any request in local development (HTTP, routing, the site middleware); the rest is the route's.
 */
const BASELINE: EdgeRoute = {
  role: "anonymous",
  method: "GET",
  path: "/favicon.svg",
  budget: Number.POSITIVE_INFINITY,
};

interface RouteFigures {
  route: EdgeRoute;
  statuses: Set<number>;
  firstWaves: number;
  repeatWaves: number;
  requests: number;
  p50: number;
  p99: number;
  /** V8 profiler: busy samples on the Worker's thread per request. */
  cpuMs: number | null;
  /** Scheduler: the workerd process's CPU time per request. */
  processCpuMs: number | null;
}

const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );

const started = performance.now();
const stack = await startEdgeStack({
  delayMs,
  scaled: values.scaled ? { seed: Number(values.seed), factor: Number(values.factor) } : undefined,
  log: (line) => console.error(line),
});
const rows: RouteFigures[] = [];
try {
  const cookies = await signInAll(stack.fetch);
  for (const route of [BASELINE, ...EDGE_ROUTES]) {
    const times: number[] = [];
    const waves: number[] = [];
    const requests: number[] = [];
    const statuses = new Set<number>();
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const res = await requestRoute(stack.fetch, route, cookies[route.role]);
      await res.arrayBuffer();
      times.push(performance.now() - t0);
      statuses.add(res.status);
      waves.push(Number(res.headers.get(WAVES_HEADER) ?? Number.NaN));
      requests.push(Number(res.headers.get(REQUESTS_HEADER) ?? Number.NaN));
    }
    times.sort((a, b) => a - b);
    rows.push({
      route,
      statuses,
      firstWaves: waves[0]!,
      repeatWaves: median(waves.slice(1)),
      requests: median(requests.slice(1)),
      p50: percentile(times, 0.5),
      p99: percentile(times, 0.99),
      cpuMs: null,
      processCpuMs: null,
    });
    console.error(`  ${route.method} ${route.path} (${route.role}): done`);
  }
  // CPU: the same requests with no delay (waiting is not CPU): the process's CPU time first,
  // then the profiler's samples (its own overhead would count in the first).
  stack.proxy.setDelay(0);
  for (const row of rows) {
    const cookie = cookies[row.route.role];
    for (let i = 0; i < 2; i++) await (await requestRoute(stack.fetch, row.route, cookie)).arrayBuffer();
    const ms = await workerdCpuMs(stack.workerdPids, async () => {
      for (let i = 0; i < n; i++) await (await requestRoute(stack.fetch, row.route, cookie)).arrayBuffer();
    });
    row.processCpuMs = ms === null ? null : ms / n;
  }
  const profiler = values.v8 ? await openProfiler(stack.inspectorPort) : null;
  try {
    for (const row of profiler ? rows : []) {
      const cookie = cookies[row.route.role];
      for (let i = 0; i < 2; i++) await (await requestRoute(stack.fetch, row.route, cookie)).arrayBuffer();
      const { busy } = await profiler!.measure(async () => {
        for (let i = 0; i < n; i++) await (await requestRoute(stack.fetch, row.route, cookie)).arrayBuffer();
      });
      row.cpuMs = busy / 1000 / n;
    }
  } finally {
    profiler?.close();
  }
} finally {
  await stack.close();
}

const scaledNote = stack.scaled
  ? `a scaled Zibo (factor ${values.factor}, seed ${values.seed}: ` +
    `${Object.values(stack.scaled.rows).reduce((a, b) => a + b, 0)} rows)`
  : "the demo zones";
console.log(
  `\nnpm run bench:edge, ${new Date().toISOString().slice(0, 10)}: the Worker in workerd (wrangler dev) → ` +
    `${delayMs} ms delay proxy → local libSQL server; ${scaledNote}; ${n} sequential requests per route; ` +
    `CPU: the workerd process's CPU time over ${n} more with no delay` +
    `${values.v8 ? " (and the V8 profiler's busy samples)" : ""}; > 10 ms is over Workers' free plan.\n`,
);
const v8 = values.v8 ? " CPU ms/req (V8 samples) |" : "";
console.log(
  `| route | as | waves (first / repeat) | budget | requests | p50 ms | p99 ms | CPU ms/req (workerd) |${v8} status |`,
);
console.log(`| --- | --- | --- | --- | --- | --- | --- | --- |${values.v8 ? " --- |" : ""} --- |`);
for (const r of rows) {
  const waves = r.firstWaves === r.repeatWaves ? `${r.firstWaves}` : `${r.firstWaves} / ${r.repeatWaves}`;
  const over = Math.max(r.firstWaves, r.repeatWaves) > r.route.budget ? " **over**" : "";
  const ms = (v: number | null) => (v === null ? "—" : `${v.toFixed(1)}${v > CPU_LIMIT_MS ? " **> 10**" : ""}`);
  const route = `${r.route.method === "POST" ? "POST " : ""}${r.route.path}`;
  const budget = r.route === BASELINE ? "(floor)" : `≤ ${r.route.budget}`;
  console.log(
    `| \`${route}\` | ${r.route.role} | ${waves}${over} | ${budget} | ` +
      `${r.requests} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} | ${ms(r.processCpuMs)} |` +
      `${values.v8 ? ` ${ms(r.cpuMs)} |` : ""} ` +
      `${[...r.statuses].join(", ")} |`,
  );
}
const named = (list: RouteFigures[]) => (list.length ? `: ${list.map((r) => r.route.path).join(", ")}` : "");
const overBudget = rows.filter((r) => Math.max(r.firstWaves, r.repeatWaves) > r.route.budget);
const overCpu = rows.filter((r) => (r.processCpuMs ?? 0) > CPU_LIMIT_MS);
console.log(
  `\n${overBudget.length} route(s) over their round-trip budget${named(overBudget)}; ` +
    `${overCpu.length} over ${CPU_LIMIT_MS} ms of CPU${named(overCpu)}. ` +
    `Total ${((performance.now() - started) / 1000).toFixed(0)} s.`,
);
