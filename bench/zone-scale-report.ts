/**
 * The zone-count comparison over HTTP (issue 15: 1,000 zones' throughput ≥ 0.9 × 3 zones')
 * and a custom hostname against a subdomain, with the in-process resolve figures beside.
 *
 * The three scenarios run in alternating slices (A B C, C B A, A B C, C B A), each given the
 * same total time as a scenario of the main table, and each scenario's figure is its best
 * slice (the least server CPU per request). A ratio of two runs minutes apart would carry the
 * machine's drift (±10–15 % between runs here), and on a shared machine another process
 * steals a slice now and then; slices side by side, best of four, cancel most of both.
 */
import { bestOfAlternatingSlices, formatFigures, type Measure, type Scenario } from "./measure";
import { CUSTOM_HOST, type ResolveFigures, SCALE_ZONES } from "./zone-scale";

export const ROUTING_TARGET = 0.9;
const PATH = "/api/v1/zone";
const SLICES = 4;

export async function measureZoneScale(options: { measure: Measure; ports: [number, number]; seconds: number }) {
  const [fewPort, manyPort] = options.ports;
  const scenarios: [Scenario, Scenario, Scenario] = [
    { name: "3 zones, subdomain", port: fewPort, path: PATH, host: "zibo.localhost" },
    {
      name: `${SCALE_ZONES.toLocaleString("en")} zones, subdomain`,
      port: manyPort,
      path: PATH,
      host: "zibo.localhost",
    },
    {
      name: `${SCALE_ZONES.toLocaleString("en")} zones, custom hostname`,
      port: manyPort,
      path: PATH,
      host: CUSTOM_HOST,
    },
  ];
  const [few, many, custom] = await bestOfAlternatingSlices(options.measure, scenarios, options.seconds, SLICES);
  return { scenarios, few, many, custom };
}

export function printZoneScale(scale: Awaited<ReturnType<typeof measureZoneScale>>, resolve: ResolveFigures) {
  const pad = (v: string, n: number) => v.padEnd(n);
  const { few, many, custom } = scale;
  console.log(
    `\nzones in the control plane (GET ${PATH} on zibo, one app per control plane, ` +
      `best of ${SLICES} alternating slices):`,
  );
  console.log(`${pad("scenario", 34)}${pad("req/s", 8)}${pad("p50/p99", 9)}cpu µs`);
  for (const [k, f] of [few, many, custom].entries())
    console.log(`${pad(scale.scenarios[k]!.name, 34)}${formatFigures(f)}`);
  // Capacity (requests per server CPU-second) is the verdict, as in the table above; req/s beside it.
  const manyRatio = few.cpuPerReq / many.cpuPerReq;
  const customRatio = many.cpuPerReq / custom.cpuPerReq;
  const verdict = manyRatio >= ROUTING_TARGET ? "met" : "MISSED";
  const n = SCALE_ZONES.toLocaleString("en");
  console.log(
    [
      `${n} zones ÷ 3 zones: ${manyRatio.toFixed(2)}× per server CPU-second ` +
        `(req/s ${(many.rps / few.rps).toFixed(2)}×), target ≥ ${ROUTING_TARGET} ${verdict}`,
      `custom hostname ÷ subdomain (${n} zones): ${customRatio.toFixed(2)}× per server CPU-second ` +
        `(req/s ${(custom.rps / many.rps).toFixed(2)}×)`,
      `Host → zone alone (directory.resolve in-process, from the isolate's copy): ` +
        `3 zones ${resolve.fewSubdomain.toFixed(0)} ns, ${n} zones ${resolve.manySubdomain.toFixed(0)} ns ` +
        `(${(resolve.fewSubdomain / resolve.manySubdomain).toFixed(2)}×), ` +
        `custom hostname ${resolve.manyCustom.toFixed(0)} ns ` +
        `(${(resolve.manySubdomain / resolve.manyCustom).toFixed(2)}× ` +
        `the subdomain's rate)`,
    ].join("\n"),
  );
}
