/**
 * The zone directory with 1,000 zones (issue 15, "Scale, measured"): one read loads them all,
 * every host resolves from memory after that, and a change to one zone costs one read that
 * brings only that zone. Reads are counted, never timed; `npm run bench` measures the cost.
 */
import { createClient, type Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql/web";
import { beforeAll, describe, expect, it } from "vitest";
import { preparePlatform } from "../../dev/lib/platform";
import { zones } from "../../tenants/index";
import { createZoneDirectory, DIRECTORY_FRESH_MS } from "../../worker/control-plane/directory";
import { addTenantHostname, insertTenant, updateTenantStatus } from "../../worker/control-plane/records";

const TOTAL = 1_000;
const extra = Array.from({ length: TOTAL - zones.all().length }, (_, i) => `scale-${String(i + 1).padStart(4, "0")}`);
const hostOf = (slug: string) => `yuanqu.${slug}.cn`;

/** The statements run through the client and the rows they returned. */
function counted(client: Client) {
  const seen = { reads: 0, rows: 0 };
  const wrapped = new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === "execute" && typeof value === "function") {
        return async (...args: unknown[]) => {
          seen.reads++;
          const rs = await (value as (...a: unknown[]) => Promise<{ rows: unknown[] }>).apply(target, args);
          seen.rows += rs.rows.length;
          return rs;
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { client: wrapped, seen };
}

describe("the zone directory with 1,000 zones", () => {
  let raw: Client;
  beforeAll(async () => {
    raw = createClient({ url: ":memory:" });
    await preparePlatform(raw, zones.all(), 1_000);
    const db = drizzle(raw);
    for (const slug of extra) {
      const identity = {
        slug,
        name: { zh: `${slug}高新技术产业开发区`, en: `${slug} Hi-tech Industrial Development Zone` },
        region: { province: "山东省", city: "淄博市" },
        phone: "0533-1234567",
        template: "blank",
      };
      expect(await insertTenant(db, { ...identity, status: "active", dbName: slug, nowMs: 1_000 })).toBe(true);
      expect(await addTenantHostname(db, slug, hostOf(slug), 1_000)).toBe(true);
    }
  });

  it("loads every zone in one read, then resolves each subdomain and custom hostname from memory", async () => {
    let clock = 10_000;
    const { client, seen } = counted(raw);
    const directory = createZoneDirectory({ open: () => client, roots: ["localhost"], now: () => clock });

    const all = await directory.list();
    expect(all).toHaveLength(TOTAL);
    expect(seen.reads).toBe(1);
    expect(all.map((t) => t.slug)).toEqual([...all.map((t) => t.slug)].sort());

    for (const slug of [...zones.all().map((z) => z.slug), ...extra]) {
      const bySubdomain = await directory.resolve(`${slug}.localhost:8787`);
      expect(bySubdomain.kind === "zone" && bySubdomain.tenant.slug).toBe(slug);
    }
    for (const slug of extra) {
      const byCustom = await directory.resolve(hostOf(slug));
      expect(byCustom.kind === "zone" && byCustom.customHost === hostOf(slug) && byCustom.tenant.slug).toBe(slug);
    }
    // Unknown names among a thousand known ones: refused from memory too.
    expect(await directory.resolve("scale-9999.localhost")).toEqual({ kind: "none", reason: "unknown-zone" });
    expect(await directory.resolve("yuanqu.elsewhere.cn")).toEqual({ kind: "none", reason: "foreign" });
    expect(seen.reads).toBe(1);

    // After the fresh period with nothing changed: one read, and it brings no row.
    clock += DIRECTORY_FRESH_MS;
    const rowsBefore = seen.rows;
    await directory.resolve("zibo.localhost");
    expect(seen.reads).toBe(2);
    expect(seen.rows).toBe(rowsBefore);
  });

  it("sees a change to one zone among 1,000 with one read that brings that zone's rows only", async () => {
    let clock = 10_000;
    const { client, seen } = counted(raw);
    const directory = createZoneDirectory({ open: () => client, roots: ["localhost"], now: () => clock });
    await directory.list();

    const target = extra[499]!;
    expect(await updateTenantStatus(drizzle(raw), target, { status: "suspended", nowMs: 2_000 })).toBe(true);
    const still = await directory.resolve(`${target}.localhost`);
    expect(still.kind === "zone" && still.tenant.status).toBe("active");

    clock += DIRECTORY_FRESH_MS;
    const [reads, rows] = [seen.reads, seen.rows];
    const changed = await directory.resolve(hostOf(target));
    expect(changed.kind === "zone" && changed.tenant.status).toBe("suspended");
    expect(seen.reads).toBe(reads + 1);
    // One row: the zone joined with its one hostname.
    expect(seen.rows).toBe(rows + 1);
    const neighbour = await directory.resolve(`${extra[500]}.localhost`);
    expect(neighbour.kind === "zone" && neighbour.tenant.status).toBe("active");
    expect(await directory.list()).toHaveLength(TOTAL);
  });
});
