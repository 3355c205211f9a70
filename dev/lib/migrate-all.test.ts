/**
 * Migrating many tenant databases (embedded libSQL files): a failing tenant is
 * reported and does not stop the others; running again resumes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, describe, expect, it } from "vitest";
import { migrations } from "../../migrations/bundle";
import { migrateTenant, schemaVersion, type Migration } from "../../worker/db/migrate";
import { migrateAllTenants } from "./migrate-all";

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
