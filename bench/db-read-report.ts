/**
 * The DB-read ratio on the Node target (issue 16: ≥ 0.5× a bare Hono route sending the same
 * response): anonymous reads with the page cache off (bench/db-read-app.ts), through the
 * statement-caching file client and, for comparison, through @libsql/client's file client,
 * which prepares every statement on every call. The three scenarios of a path run in
 * alternating slices, best of four, as zone-scale-report.ts explains.
 */
import { bestOfAlternatingSlices, type Figures, formatFigures, type Measure, type Scenario } from "./measure";
import { DB_READ_PATHS } from "./paths";

const SLICES = 4;

export interface DbReadPorts {
  barePort: number;
  cachedPort: number;
  uncachedPort: number;
}

export async function measureDbRead(options: { measure: Measure; ports: DbReadPorts; seconds: number }) {
  const { barePort, cachedPort, uncachedPort } = options.ports;
  const results = [];
  for (const p of DB_READ_PATHS) {
    const scenarios: [Scenario, Scenario, Scenario] = [
      { name: `bare replay of ${p.path}`, port: barePort, path: `/replay-db${p.path}`, host: "localhost" },
      { name: "statement cache", port: cachedPort, path: p.path, host: p.host },
      { name: "@libsql/client", port: uncachedPort, path: p.path, host: p.host },
    ];
    const [bare, cached, uncached] = await bestOfAlternatingSlices(options.measure, scenarios, options.seconds, SLICES);
    results.push({ ...p, bare, cached, uncached });
  }
  return results;
}

export function printDbRead(results: Awaited<ReturnType<typeof measureDbRead>>) {
  const pad = (v: string, n: number) => v.padEnd(n);
  console.log(
    `\nDB reads on embedded files, page cache off (best of ${SLICES} alternating slices; ` +
      "× same = requests per server CPU-second, app ÷ bare replay):",
  );
  console.log(`${pad("scenario", 44)}${pad("req/s", 8)}${pad("p50/p99", 9)}${pad("cpu µs", 8)}× same`);
  for (const r of results) {
    const rows: [string, Figures][] = [
      [`${r.name}, bare replay`, r.bare],
      [`${r.name}, statement cache`, r.cached],
      [`${r.name}, @libsql/client (before)`, r.uncached],
    ];
    for (const [name, f] of rows)
      console.log(`${pad(name, 44)}${formatFigures(f)}${(r.bare.cpuPerReq / f.cpuPerReq).toFixed(2)}`);
    const after = r.bare.cpuPerReq / r.cached.cpuPerReq;
    const before = r.bare.cpuPerReq / r.uncached.cpuPerReq;
    const verdict = r.target === undefined ? "" : `; target ≥ ${r.target} ${after >= r.target ? "met" : "MISSED"}`;
    console.log(
      `${r.name}: ${before.toFixed(2)}× → ${after.toFixed(2)}× with the statement cache ` +
        `(server CPU per request ${r.uncached.cpuPerReq.toFixed(0)} → ${r.cached.cpuPerReq.toFixed(0)} µs${verdict})`,
    );
  }
}
