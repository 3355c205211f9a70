/** The app routes the benchmark measures, each replayed by the bare Hono app for comparison. */
export const BENCH_PATHS = [
  { name: "tenant route (Host → zone, JSON)", path: "/api/v1/zone", host: "zibo.localhost", target: 0.7 },
  { name: "tenant DB read (policy list)", path: "/api/v1/policies", host: "zibo.localhost", target: 0.5 },
  { name: "zone home page (DB + JSX)", path: "/", host: "zibo.localhost", target: undefined },
  {
    name: "policy programme (cached rules)",
    path: "/api/v1/policy/programmes/zibo-rd-inclusive",
    host: "zibo.localhost",
    target: undefined,
  },
] as const;

/**
 * Anonymous reads that the page cache would answer from memory: bench/db-read-report.ts measures
 * them with the cache off, so every request reads the zone's embedded file.
 */
export const DB_READ_PATHS = [
  { name: "policy list", path: "/api/v1/policies", host: "zibo.localhost", target: 0.5 },
  { name: "zone home page", path: "/", host: "zibo.localhost", target: undefined },
] as const;
