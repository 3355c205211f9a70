/**
 * The scale seeder at a small factor on migrated in-memory zones: the counts asked for, every
 * row accepted by the schema (foreign keys on, unique indexes, enums, valid USCCs), the same
 * rows again from the same seed, and a zone that already holds a scaled set refused unless forced.
 */
import { is, sql } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { beforeAll, describe, expect, it } from "vitest";
import { zones } from "../../../tenants/index";
import { openMemoryTenantDb } from "../../../worker/db/memory-db";
import type { TenantDb } from "../../../worker/db/open";
import * as schema from "../../../worker/db/schema";
import { validateUscc } from "../../../worker/lib/uscc";
import { prepareTenant } from "../prepare-tenant";
import { seedDemoAccounts } from "../seed-demo";
import { countsFor } from "./context";
import { ScaleRefused, seedScale } from "./seed-scale";

const zone = zones.get("zibo")!;
const now = new Date("2026-10-20T02:00:00Z");
const FACTOR = 0.02;

async function scaledZone(seed: number) {
  const { client, db } = await openMemoryTenantDb();
  await prepareTenant(client, zone);
  await seedDemoAccounts(db, zone, now);
  const result = await seedScale({ client, zone, seed, factor: FACTOR, now });
  return { client, db, result };
}

const tables = (Object.values(schema) as unknown[]).filter((v): v is SQLiteTable => is(v, SQLiteTable));

/** The tables the seeder writes (the set-up's own rows carry random ids and clock times). */
const SEEDED = [
  "enterprises",
  "banks",
  "onboarding_applications",
  "application_events",
  "enterprise_yearly_figures",
  "enterprise_qualifications",
  "subsidy_applications",
  "subsidy_events",
  "subsidy_payments",
  "loan_products",
  "financing_needs",
  "loan_applications",
  "loan_events",
  "application_numbers",
];

/** Every seeded row in a stable order, and the scaled accounts but for their hashes' random salt. */
async function dump(db: TenantDb) {
  const out: Record<string, unknown[]> = {};
  for (const name of SEEDED) out[name] = await db.all(sql`SELECT * FROM ${sql.identifier(name)} ORDER BY 1, 2`);
  const accounts = await db.all<Record<string, unknown>>(
    sql`SELECT * FROM users WHERE email LIKE '%@scale.zibo.demo' ORDER BY id`,
  );
  out.users = accounts.map(({ password_hash: _, ...r }) => r);
  return out;
}

describe("npm run seed:scale", () => {
  let first: Awaited<ReturnType<typeof scaledZone>>;
  beforeAll(async () => {
    first = await scaledZone(7);
  }, 120_000);

  it("writes the counts asked for, each enterprise with three years of figures and a member account", async () => {
    const want = countsFor(FACTOR);
    const { db, result } = first;
    expect(result.rows).toMatchObject({
      enterprises: want.enterprises,
      banks: want.banks,
      subsidy_applications: want.subsidyApplications,
      financing_needs: want.needs,
      loan_products: want.products,
      loan_applications: want.loans,
      enterprise_yearly_figures: want.enterprises * 3,
    });
    const [row] = await db.all<{ without: number; members: number }>(sql`
      SELECT
        (SELECT count(*) FROM enterprises e
          WHERE (SELECT count(*) FROM enterprise_yearly_figures f WHERE f.enterprise_id = e.id) <> 3
            AND e.id IN (SELECT enterprise_id FROM users WHERE email LIKE '%@scale.zibo.demo')) AS without,
        (SELECT count(DISTINCT enterprise_id) FROM users
          WHERE email LIKE '%@scale.zibo.demo' AND role = 'enterprise') AS members`);
    expect(row).toEqual({ without: 0, members: want.enterprises });
  });

  it("writes only rows the schema accepts: foreign keys, enums, valid USCCs, numbers past the counters", async () => {
    const { db } = first;
    expect(await db.all(sql`PRAGMA foreign_key_check`)).toEqual([]);
    for (const t of tables) {
      const config = getTableConfig(t);
      for (const c of config.columns.filter((c) => c.enumValues?.length)) {
        const column = sql.identifier(c.name);
        const values = await db.all<{ v: string }>(
          sql`SELECT DISTINCT ${column} AS v FROM ${sql.identifier(config.name)} WHERE ${column} IS NOT NULL`,
        );
        for (const { v } of values) expect(c.enumValues, `${config.name}.${c.name}`).toContain(v);
      }
    }
    const usccs = await db.all<{ uscc: string }>(sql`SELECT uscc FROM onboarding_applications`);
    expect(usccs.filter((r) => !validateUscc(r.uscc).ok)).toEqual([]);
    const behind = await db.all(sql`
      SELECT kind, number_year FROM (
        SELECT 'subsidy' AS kind, number_year, max(number_seq) AS seq
          FROM subsidy_applications GROUP BY number_year
        UNION ALL SELECT 'loan', number_year, max(number_seq) FROM loan_applications GROUP BY number_year) t
      WHERE seq > coalesce(
        (SELECT last FROM application_numbers n WHERE n.kind = t.kind AND n.year = t.number_year), 0)`);
    expect(behind).toEqual([]);
    // Every status and every stage of the zone's review appears.
    const statuses = await db.all<{ status: string }>(sql`SELECT DISTINCT status FROM subsidy_applications ORDER BY 1`);
    expect(statuses.map((s) => s.status)).toEqual([...schema.SUBSIDY_STATUSES].sort());
    const stages = await db.all<{ stage: string }>(
      sql`SELECT DISTINCT stage FROM subsidy_applications WHERE stage IS NOT NULL ORDER BY 1`,
    );
    expect(stages.map((s) => s.stage)).toEqual(zone.subsidy.stages.map((s) => s.key).sort());
    const loans = await db.all<{ status: string }>(sql`SELECT DISTINCT status FROM loan_applications ORDER BY 1`);
    expect(loans.map((s) => s.status)).toEqual([...schema.LOAN_STATUSES].sort());
  });

  it("gives the same rows and ids for the same seed, and other ids for another seed", async () => {
    const again = await scaledZone(7);
    expect(await dump(again.db)).toEqual(await dump(first.db));
    const other = await scaledZone(8);
    const ids = async (db: TenantDb) =>
      (await db.all<{ id: string }>(sql`SELECT id FROM enterprises ORDER BY id`)).map((r) => r.id);
    const shared = (await ids(other.db)).filter(new Set(await ids(first.db)).has, new Set(await ids(first.db)));
    expect(shared.length).toBe(1); // the demo enterprise seed-demo.ts made
  }, 240_000);

  it("refuses a zone that already holds scaled rows, and with force adds a second set beside the first", async () => {
    const { client, db } = first;
    await expect(seedScale({ client, zone, seed: 7, factor: FACTOR, now })).rejects.toThrow(ScaleRefused);
    await expect(seedScale({ client, zone, seed: 7, factor: FACTOR, now })).rejects.toThrow(
      /already holds scaled rows/,
    );
    const second = await seedScale({ client, zone, seed: 7, factor: FACTOR, now, force: true });
    expect(second.run).toBe(1);
    const [row] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM enterprises`);
    expect(row!.n).toBe(2 * countsFor(FACTOR).enterprises + 1);
  }, 120_000);
});
