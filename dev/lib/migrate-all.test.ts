/**
 * Migrating many databases (embedded libSQL files): the platform database first, then the
 * zones it lists, at most N at a time (counted with wrapped clients, not timed); a failing
 * zone is named and does not stop the others; running again resumes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql/web";
import { afterAll, describe, expect, it } from "vitest";
import { migrations } from "../../migrations/bundle";
import { platformMigrations } from "../../migrations/platform/bundle";
import { insertTenant } from "../../worker/control-plane/records";
import { migrateTenant, schemaVersion, type Migration } from "../../worker/db/migrate";
import type { TenantStatus } from "../../worker/db/platform-schema";
import { migrateAllTenants, migratePlatformAndZones } from "./migrate-all";

const dir = mkdtempSync(join(tmpdir(), "yuanqu-migrate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const open = (slug: string) => createClient({ url: `file:${join(dir, slug)}.db` });
const slugs = Array.from({ length: 50 }, (_, i) => `zone-${String(i + 1).padStart(2, "0")}`);
const BROKEN = "zone-17";

const extra: Migration = {
  tag: "9999_probe",
  hash: "probe",
  statements: ["CREATE TABLE probe (id INTEGER PRIMARY KEY)"],
};

describe("migrateAllTenants over 50 tenant databases", () => {
  it("migrates every tenant, names the one that fails, and resumes on the next run", async () => {
    // A tenant whose database already has a conflicting table: its migration must fail atomically.
    const broken = open(BROKEN);
    await broken.execute("CREATE TABLE policy_documents (x TEXT)");
    broken.close();

    const lines: string[] = [];
    const first = await migrateAllTenants({ slugs, openClient: open, migrations, log: (l) => lines.push(l) });
    expect(first.failed).toEqual([BROKEN]);
    expect(first.outcomes.filter((o) => o.ok)).toHaveLength(49);
    expect(lines).toHaveLength(50);
    expect(lines[16]).toMatch(/^\[17\/50\] ✗ zone-17: .*policy_documents/);
    const all = migrations.map((m) => m.tag);
    expect(lines[0]).toBe(`[ 1/50] ✓ zone-01: applied ${all.join(", ")} (schema ${all.at(-1)})`);

    // The failed tenant was left at its previous version: nothing half-applied.
    const check = open(BROKEN);
    expect(await schemaVersion(check)).toBeNull();
    const tables = await check.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='policy_clauses'");
    expect(tables.rows).toHaveLength(0);
    await check.execute("DROP TABLE policy_documents");
    check.close();

    const second = await migrateAllTenants({ slugs, openClient: open, migrations });
    expect(second.failed).toEqual([]);
    const appliedNow = second.outcomes.filter((o) => o.applied.length > 0).map((o) => o.slug);
    expect(appliedNow).toEqual([BROKEN]);
    for (const o of second.outcomes) expect(o.version).toBe(migrations.at(-1)!.tag);
  });

  it("applies only the new migration to tenants already at the previous version, once", async () => {
    const next = [...migrations, extra];
    const run = await migrateAllTenants({ slugs: slugs.slice(0, 5), openClient: open, migrations: next });
    expect(run.outcomes.map((o) => o.applied)).toEqual(Array(5).fill(["9999_probe"]));
    const again = await migrateAllTenants({ slugs: slugs.slice(0, 5), openClient: open, migrations: next });
    expect(again.outcomes.every((o) => o.applied.length === 0 && o.version === "9999_probe")).toBe(true);
  });

  it("refuses a migration edited after it was applied", async () => {
    const client = open("zone-01");
    const edited = migrations.map((m) => ({ ...m, hash: "0".repeat(64) }));
    await expect(migrateTenant(client, edited)).rejects.toThrow(/0000_init was changed after it was applied/);
    client.close();
  });
});

/** Opens clients through `open` and counts how many are open at once: one per migration in flight. */
function countingOpener(open: (name: string) => Client) {
  const seen = { now: 0, max: 0, opened: [] as string[], events: [] as string[] };
  const opener = (name: string): Client => {
    const client = open(name);
    seen.now++;
    seen.max = Math.max(seen.max, seen.now);
    seen.opened.push(name);
    seen.events.push(`open ${name}`);
    return new Proxy(client, {
      get(target, prop, receiver) {
        if (prop === "close")
          return () => {
            seen.now--;
            target.close();
          };
        const value = Reflect.get(target, prop, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  };
  return { opener, seen };
}

describe("migrateAllTenants with a concurrency bound", () => {
  it("never has more than N tenants in flight, and does reach N", async () => {
    const some = Array.from({ length: 12 }, (_, i) => `bound-${i + 1}`);
    const { opener, seen } = countingOpener(open);
    const run = await migrateAllTenants({ slugs: some, openClient: opener, migrations, concurrency: 4 });
    expect(run.failed).toEqual([]);
    expect(seen.max).toBe(4);
    expect(seen.now).toBe(0);
    expect(run.outcomes.map((o) => o.slug)).toEqual(some);
  });
});

describe("migratePlatformAndZones", () => {
  const zoneDir = mkdtempSync(join(tmpdir(), "yuanqu-migrate-zones-"));
  afterAll(() => rmSync(zoneDir, { recursive: true, force: true }));
  const openZone = (dbName: string) => createClient({ url: `file:${join(zoneDir, dbName)}.db` });

  /** A platform database (migrated) listing `count` zones; zone i's database is named db-<slug>. */
  async function platformWith(name: string, zonesOf: { slug: string; status: TenantStatus }[]) {
    const client = createClient({ url: `file:${join(zoneDir, name)}.db` });
    await migrateTenant(client, platformMigrations);
    for (const { slug, status } of zonesOf) {
      const identity = { slug, name: { zh: `${slug}园区`, en: slug }, region: { province: "山东省", city: "淄博市" } };
      const row = { ...identity, phone: "0533-1234567", template: "blank", status, dbName: `db-${slug}`, nowMs: 1 };
      expect(await insertTenant(drizzle(client), row)).toBe(true);
    }
    return client;
  }

  it("migrates the platform first, then every zone it lists at most N at a time, and resumes", async () => {
    const listed = Array.from({ length: 15 }, (_, i) => ({
      slug: `pz-${String(i + 1).padStart(2, "0")}`,
      status: (i === 4 ? "suspended" : i === 9 ? "provisioning" : "active") as TenantStatus,
    }));
    const platformClient = createClient({ url: `file:${join(zoneDir, "platform-a")}.db` });
    // Registered before the platform is migrated by the run under test: it starts at the first version.
    await migrateTenant(platformClient, platformMigrations.slice(0, 1));
    for (const { slug, status } of listed) {
      const identity = { slug, name: { zh: `${slug}园区`, en: slug }, region: { province: "山东省", city: "淄博市" } };
      const step = status === "provisioning" ? "create-database" : null;
      const row = { ...identity, phone: "0533-1234567", template: "blank", status, dbName: `db-${slug}`, nowMs: 1 };
      expect(await insertTenant(drizzle(platformClient), { ...row, provisionStep: step })).toBe(true);
    }
    const broken = openZone("db-pz-07");
    await broken.execute("CREATE TABLE policy_documents (x TEXT)");
    broken.close();

    const { opener, seen } = countingOpener(openZone);
    const lines: string[] = [];
    const first = await migratePlatformAndZones({
      platformClient,
      openZone: opener,
      concurrency: 3,
      log: (l) => lines.push(l),
    });

    expect(first.platform).toEqual({
      ok: true,
      applied: platformMigrations.slice(1).map((m) => m.tag),
      version: platformMigrations.at(-1)!.tag,
    });
    expect(lines[0]).toMatch(/^platform database: applied /);
    expect(first.ok).toBe(false);
    expect(first.failed).toEqual(["pz-07"]);
    expect(seen.max).toBe(3);
    expect(seen.now).toBe(0);
    // The zone being provisioned is left to provisioning: its database is never opened.
    expect(seen.opened).not.toContain("db-pz-10");
    expect(seen.opened).toHaveLength(14);
    expect(first.zones.find((z) => z.slug === "pz-10")).toMatchObject({
      ok: true,
      applied: [],
      skipped: expect.stringMatching(/^still provisioning \(step create-database\)/),
    });
    // A line per zone, numbered as they finish, naming the database when it differs from the slug.
    expect(lines).toHaveLength(16);
    expect(lines.slice(1).map((l) => l.match(/^\[\s*(\d+)\/15\]/)?.[1])).toEqual(
      Array.from({ length: 15 }, (_, i) => String(i + 1)),
    );
    expect(lines.find((l) => l.includes("✗"))).toMatch(/✗ pz-07 \(database db-pz-07\): .*policy_documents/);
    expect(lines.find((l) => l.includes("pz-10"))).toMatch(
      /– pz-10 \(database db-pz-10\): skipped, still provisioning \(step create-database\); provisioning migrates it/,
    );

    const latest = migrations.at(-1)!.tag;
    for (const { slug } of listed) {
      const client = openZone(`db-${slug}`);
      const expected = slug === "pz-07" || slug === "pz-10" ? null : latest;
      expect([slug, await schemaVersion(client)]).toEqual([slug, expected]);
      client.close();
    }

    // Fixed and run again: only the failed zone has anything to apply.
    const fix = openZone("db-pz-07");
    await fix.execute("DROP TABLE policy_documents");
    fix.close();
    const second = await migratePlatformAndZones({ platformClient, openZone, concurrency: 3 });
    expect(second.ok).toBe(true);
    expect(second.platform.applied).toEqual([]);
    expect(second.zones.filter((z) => z.applied.length > 0).map((z) => z.slug)).toEqual(["pz-07"]);
    expect(second.zones.filter((z) => !z.skipped).every((z) => z.version === latest)).toBe(true);
    platformClient.close();
  });

  it("migrates only the zones named, and refuses a slug the platform does not list without touching any", async () => {
    const platformClient = await platformWith("platform-b", [
      { slug: "only-a", status: "active" },
      { slug: "only-b", status: "active" },
    ]);
    const { opener, seen } = countingOpener(openZone);
    const unknown = await migratePlatformAndZones({ platformClient, openZone: opener, only: ["only-a", "nope"] });
    expect(unknown).toMatchObject({ ok: false, unknown: ["nope"], zones: [] });
    expect(seen.opened).toEqual([]);

    const one = await migratePlatformAndZones({ platformClient, openZone: opener, only: ["only-b"] });
    expect(one.ok).toBe(true);
    expect(one.zones.map((z) => z.slug)).toEqual(["only-b"]);
    expect(seen.opened).toEqual(["db-only-b"]);
    platformClient.close();
  });

  it("touches no zone when the platform database cannot be migrated", async () => {
    const platformClient = createClient({ url: `file:${join(zoneDir, "platform-c")}.db` });
    await platformClient.execute("CREATE TABLE tenants (x TEXT)");
    const { opener, seen } = countingOpener(openZone);
    const lines: string[] = [];
    const run = await migratePlatformAndZones({ platformClient, openZone: opener, log: (l) => lines.push(l) });
    expect(run.ok).toBe(false);
    expect(run.platform.ok).toBe(false);
    expect(run.platform.error).toMatch(/tenants/);
    expect(run.zones).toEqual([]);
    expect(seen.opened).toEqual([]);
    expect(lines).toEqual([expect.stringMatching(/^platform database ✗ .*tenants/)]);
    expect(await schemaVersion(platformClient)).toBeNull();
    platformClient.close();
  });
});
