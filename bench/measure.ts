/**
 * One scenario's figures under autocannon: req/s and latency as the load generator saw them,
 * and the server's CPU time per request (read from the server process around the run,
 * because with one core each the load generator, not the server, can be the bottleneck).
 */
import autocannon from "autocannon";

export interface Scenario {
  name: string;
  port: number;
  path: string;
  host: string;
}

export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  cpuPerReq: number;
}

export function createMeasure(options: { connections: number; serverCpuMicros: () => Promise<number> }) {
  async function measure(s: Scenario, duration: number): Promise<Figures> {
    const before = await options.serverCpuMicros();
    const r = await autocannon({
      url: `http://127.0.0.1:${s.port}${s.path}`,
      headers: { host: s.host },
      connections: options.connections,
      duration,
    });
    const cpuMicros = (await options.serverCpuMicros()) - before;
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`${s.name}: ${r.non2xx} non-2xx responses, ${r.errors} errors`);
    return {
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      cpuPerReq: cpuMicros / r.requests.total,
    };
  }
  /** A 1 s warm-up (JIT, the database page cache), then the measured run. */
  async function run(s: Scenario, duration: number): Promise<Figures> {
    await measure(s, 1);
    return measure(s, duration);
  }
  return { measure, run };
}

const pad = (v: string, n: number) => v.padEnd(n);

/** "req/s  p50/p99  cpu µs" columns, as the bench's tables print them. */
export function formatFigures(f: Figures): string {
  return `${pad(f.rps.toFixed(0), 8)}${pad(`${f.p50}/${f.p99}`, 9)}${pad(f.cpuPerReq.toFixed(1), 8)}`;
}

/** How a report measures one scenario for `duration` seconds. */
export type Measure = (s: Scenario, duration: number) => Promise<Figures>;

/**
 * Three scenarios compared fairly on a noisy machine: a warm-up each, then `slices` rounds that
 * alternate their order (a, b, c, then c, b, a), keeping each scenario's best slice by CPU per request.
 */
export async function bestOfAlternatingSlices(
  measure: Measure,
  scenarios: readonly [Scenario, Scenario, Scenario],
  seconds: number,
  slices: number,
): Promise<[Figures, Figures, Figures]> {
  for (const s of scenarios) await measure(s, 1); // warm-up
  const slice = Math.max(1, seconds / slices);
  const taken: Figures[][] = scenarios.map(() => []);
  for (let round = 0; round < slices; round++) {
    const order = round % 2 === 0 ? [0, 1, 2] : [2, 1, 0];
    for (const k of order) taken[k]!.push(await measure(scenarios[k]!, slice));
  }
  const best = (fs: Figures[]) => fs.reduce((a, b) => (b.cpuPerReq < a.cpuPerReq ? b : a));
  return taken.map(best) as [Figures, Figures, Figures];
}
