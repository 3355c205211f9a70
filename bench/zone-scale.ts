/**
 * Does routing cost grow with the number of zones? A platform database with the three demo
 * zones and one with 1,000 (the demo zones plus 997 made from the blank template, each with
 * a custom hostname), so the same request can be measured against both control planes, and
 * a custom hostname against a subdomain.
 *
 * The 997 extra zones have no database of their own: the requests measured go to zibo, and
 * what is measured is how the directory finds it among many (a Map lookup, so the expected
 * ratio is about 1).
 */
import type { Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql/web";
import type { ZoneConfig } from "../tenants/schema";
import { createZoneDirectory } from "../worker/control-plane/directory";
import { parseCustomHostname } from "../worker/control-plane/hostnames";
import { addTenantHostname, insertTenant } from "../worker/control-plane/records";

export const SCALE_ZONES = 1_000;
export const ROOTS = ["localhost"] as const;
/** zibo's own domain in the 1,000-zone control plane. */
export const CUSTOM_HOST = "yuanqu.zbhitech.cn";

const extraSlug = (i: number) => `park-${String(i).padStart(4, "0")}`;

/**
 * Registers `SCALE_ZONES - demo.length` blank zones (active, each with a custom hostname) and
 * zibo's custom hostname in an already prepared platform database (dev/lib/platform.ts).
 */
export async function addScaleZones(client: Client, demo: readonly ZoneConfig[], nowMs = Date.now()) {
  // A throwaway file: losing it on a crash costs nothing, and a thousand fsyncs cost seconds.
  await client.execute("PRAGMA synchronous = OFF");
  const db = drizzle(client);
  for (let i = 1; i <= SCALE_ZONES - demo.length; i++) {
    const slug = extraSlug(i);
    const identity = {
      slug,
      name: { zh: `第${i}号高新技术产业开发区`, en: `Park ${i} Hi-tech Industrial Development Zone` },
      region: { province: "山东省", city: "淄博市" },
      phone: "0533-1234567",
      template: "blank",
    };
    if (!(await insertTenant(db, { ...identity, status: "active", dbName: slug, nowMs })))
      throw new Error(`zone ${slug} already registered`);
    await addTenantHostname(db, slug, hostnameOf(`yuanqu.${slug}.cn`), nowMs);
  }
  await addTenantHostname(db, "zibo", hostnameOf(CUSTOM_HOST), nowMs);
}

function hostnameOf(raw: string): string {
  const parsed = parseCustomHostname(raw, ROOTS);
  if (!parsed.ok) throw new Error(`${raw}: ${parsed.problem}`);
  return parsed.hostname;
}

export interface ResolveFigures {
  /** ns per directory.resolve, in-process, from its in-memory copy. */
  fewSubdomain: number;
  manySubdomain: number;
  manyCustom: number;
}

/**
 * Host → zone alone, in-process: directory.resolve from each isolate's copy (no database read
 * within its 5 s). Rounds alternate the three so a drift of the machine hits each alike.
 */
export async function benchResolve(few: Client, many: Client, seconds: number): Promise<ResolveFigures> {
  const fewDir = createZoneDirectory({ open: () => few, roots: ROOTS, freshMs: Number.POSITIVE_INFINITY });
  const manyDir = createZoneDirectory({ open: () => many, roots: ROOTS, freshMs: Number.POSITIVE_INFINITY });
  const cases = [
    { dir: fewDir, host: "zibo.localhost:8787" },
    { dir: manyDir, host: "zibo.localhost:8787" },
    { dir: manyDir, host: `${CUSTOM_HOST}:8787` },
  ];
  for (const c of cases) {
    const r = await c.dir.resolve(c.host);
    if (r.kind !== "zone" || r.tenant.slug !== "zibo") throw new Error(`${c.host} did not resolve to zibo`);
  }
  const batch = 20_000;
  const ns = [0, 0, 0];
  const counts = [0, 0, 0];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    for (const [k, c] of cases.entries()) {
      const t0 = performance.now();
      for (let i = 0; i < batch; i++) await c.dir.resolve(c.host);
      ns[k]! += (performance.now() - t0) * 1e6;
      counts[k]! += batch;
    }
  }
  const per = (k: number) => ns[k]! / counts[k]!;
  return { fewSubdomain: per(0), manySubdomain: per(1), manyCustom: per(2) };
}
