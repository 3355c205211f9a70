/**
 * Host → zone through the control plane (worker/control-plane/directory.ts), over a real
 * platform database: subdomains and custom hostnames, the 5-second copy and what reaches it,
 * reads counted (not timed), and an outage of the platform database.
 */
import { createClient, type Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql/web";
import { beforeEach, describe, expect, it } from "vitest";
import { preparePlatform } from "../../dev/lib/platform";
import { zones } from "../../tenants/index";
import { createZoneDirectory, DIRECTORY_FRESH_MS } from "../../worker/control-plane/directory";
import { parseCustomHostname } from "../../worker/control-plane/hostnames";
import {
  addTenantHostname,
  insertTenant,
  removeTenantHostname,
  updateTenantStatus,
} from "../../worker/control-plane/records";

/** Counts the statements a client runs: the directory's reads, without timing anything. */
function counted(client: Client) {
  const calls = { n: 0 };
  const wrapped = new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if ((prop === "execute" || prop === "batch") && typeof value === "function") {
        return (...args: unknown[]) => {
          calls.n++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value;
    },
  });
  return { client: wrapped, calls };
}

const identity = (slug: string) => ({
  slug,
  name: { zh: `${slug}高新技术产业开发区`, en: `${slug} Hi-tech Industrial Development Zone` },
  region: { province: "山东省", city: "测试市" },
  phone: "0531-1234567",
  template: "blank",
});

describe("the zone directory", () => {
  let raw: Client;
  let clock: number;
  let counter: ReturnType<typeof counted>;
  let directory: ReturnType<typeof createZoneDirectory>;

  beforeEach(async () => {
    raw = createClient({ url: ":memory:" });
    await preparePlatform(raw, zones.all(), 1_000);
    clock = 10_000;
    counter = counted(raw);
    directory = createZoneDirectory({ open: () => counter.client, roots: ["localhost"], now: () => clock });
  });

  it("resolves subdomains, the bare root and refuses what is no zone", async () => {
    const zibo = await directory.resolve("ZIBO.localhost:8787");
    expect(zibo.kind === "zone" && zibo.tenant.slug).toBe("zibo");
    expect(zibo.kind === "zone" && zibo.zone.name.zh).toBe("淄博高新技术产业开发区");
    expect(zibo.kind === "zone" && zibo.customHost).toBeNull();
    expect(await directory.resolve("localhost:8787")).toEqual({ kind: "platform" });
    expect(await directory.resolve("nowhere.localhost")).toEqual({ kind: "none", reason: "unknown-zone" });
    expect(await directory.resolve("www.localhost")).toEqual({ kind: "none", reason: "reserved" });
    expect(await directory.resolve("a.zibo.localhost")).toEqual({ kind: "none", reason: "nested" });
    expect(await directory.resolve("127.0.0.1:8787")).toEqual({ kind: "none", reason: "ip" });
    expect(await directory.resolve("example.com")).toEqual({ kind: "none", reason: "foreign" });
  });

  it("reads the platform database once per 5 s, and a change made elsewhere shows at the next check", async () => {
    await directory.resolve("zibo.localhost");
    const first = counter.calls.n;
    expect(first).toBe(1);
    for (let i = 0; i < 50; i++) await directory.resolve("changzhi.localhost");
    expect(counter.calls.n).toBe(first);

    // Another isolate (another client) adds a zone.
    await insertTenant(drizzle(raw), { ...identity("newpark"), status: "active", dbName: "newpark", nowMs: clock });
    expect((await directory.resolve("newpark.localhost")).kind).toBe("none");
    clock += DIRECTORY_FRESH_MS;
    const created = await directory.resolve("newpark.localhost");
    expect(created.kind === "zone" && created.zone.name.zh).toBe("newpark高新技术产业开发区");
    expect(created.kind === "zone" && created.zone.shortName.zh).toBe("newpark高新区");
    expect(counter.calls.n).toBe(first + 1);
  });

  it("sees its own isolate's write at once after invalidate()", async () => {
    await directory.resolve("zibo.localhost");
    await updateTenantStatus(drizzle(raw), "zibo", { status: "suspended", nowMs: clock });
    directory.invalidate();
    const zibo = await directory.resolve("zibo.localhost");
    expect(zibo.kind === "zone" && zibo.tenant.status).toBe("suspended");
  });

  it("serves a custom hostname, in any spelling of the same name, until it is removed", async () => {
    const parsed = parseCustomHostname("园区.淄博.中国", ["localhost"]);
    expect(parsed).toEqual({ ok: true, hostname: "xn--dkrx9f.xn--9krp82d.xn--fiqs8s" });
    await addTenantHostname(drizzle(raw), "zibo", parsed.ok ? parsed.hostname : "", clock);
    await addTenantHostname(drizzle(raw), "zibo", "yuanqu.zibo.gov.cn", clock);
    const viaPunycode = await directory.resolve("XN--DKRX9F.xn--9krp82d.xn--fiqs8s.");
    expect(viaPunycode.kind === "zone" && viaPunycode.tenant.slug).toBe("zibo");
    expect(viaPunycode.kind === "zone" && viaPunycode.customHost).toBe("xn--dkrx9f.xn--9krp82d.xn--fiqs8s");
    const gov = await directory.resolve("yuanqu.zibo.gov.cn:443");
    expect(gov.kind === "zone" && gov.tenant.hostnames).toEqual([
      "xn--dkrx9f.xn--9krp82d.xn--fiqs8s",
      "yuanqu.zibo.gov.cn",
    ]);

    expect(await addTenantHostname(drizzle(raw), "changzhi", "yuanqu.zibo.gov.cn", clock)).toBe(false);
    expect(await removeTenantHostname(drizzle(raw), "zibo", "yuanqu.zibo.gov.cn", clock)).toBe(true);
    clock += DIRECTORY_FRESH_MS;
    expect(await directory.resolve("yuanqu.zibo.gov.cn")).toEqual({ kind: "none", reason: "foreign" });
    expect((await directory.resolve("xn--dkrx9f.xn--9krp82d.xn--fiqs8s")).kind).toBe("zone");
  });

  it("refuses hostnames that are an IP, reserved, the platform's own or malformed", () => {
    const roots = ["yuanqu.example.cn", "localhost"];
    expect(parseCustomHostname("10.0.0.1", roots)).toEqual({ ok: false, problem: "ip" });
    expect(parseCustomHostname("[::1]", roots)).toEqual({ ok: false, problem: "invalid" });
    expect(parseCustomHostname("zibo.yuanqu.example.cn", roots)).toEqual({ ok: false, problem: "platform" });
    expect(parseCustomHostname("yuanqu.example.cn", roots)).toEqual({ ok: false, problem: "platform" });
    expect(parseCustomHostname("www.example.com", roots)).toEqual({ ok: false, problem: "reserved" });
    expect(parseCustomHostname("https://park.example.com/", roots)).toEqual({ ok: false, problem: "invalid" });
    expect(parseCustomHostname("nodot", roots)).toEqual({ ok: false, problem: "invalid" });
    expect(parseCustomHostname(`${"a".repeat(64)}.example.com`, roots)).toEqual({ ok: false, problem: "invalid" });
    expect(parseCustomHostname(" Park.Example.COM ", roots)).toEqual({ ok: true, hostname: "park.example.com" });
  });

  it("keeps serving its copy when the platform database fails, and fails with no copy", async () => {
    await directory.resolve("zibo.localhost");
    raw.close();
    clock += DIRECTORY_FRESH_MS;
    const stale = await directory.resolve("zibo.localhost");
    expect(stale.kind === "zone" && stale.tenant.slug).toBe("zibo");

    const empty = createZoneDirectory({ open: () => raw, roots: ["localhost"], now: () => clock });
    await expect(empty.resolve("zibo.localhost")).rejects.toThrow();
  });
});
