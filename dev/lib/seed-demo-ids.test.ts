/**
 * Demo data has the ids real data has: every seeded id passes the API's own
 * path schemas (so the admin can suspend a demo bank and a member can revoke
 * consent to one by API), and a database seeded with the old readable ids
 * ("demo-ent-zibo") is moved to the new ones by the next seed, references and
 * all, without duplicating anything.
 */
import { createClient, type Client } from "@libsql/client";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { zones } from "../../tenants/index";
import { openTenantDb } from "../../worker/db/open";
import { UserIdParam } from "../../worker/features/auth/schemas";
import { BankIdParam as AdminBankIdParam } from "../../worker/features/banks/schemas";
import { IdParam as EnterpriseIdParam } from "../../worker/features/enterprises/schemas";
import {
  BankIdParam as ConsentBankIdParam,
  LoanIdParam,
  NeedIdParam,
  ProductIdParam,
} from "../../worker/features/finance/api/schema-parts";
import { ApplicationIdParam as OnboardingIdParam } from "../../worker/features/onboarding/schemas";
import { ApplicationIdParam as SubsidyIdParam } from "../../worker/features/subsidies/api/request-schemas";
import { demoId, newId } from "../../worker/lib/ids";
import { prepareAllZones } from "./prepare-tenant";
import { DEMO_ZONES } from "./seed-demo";
import { demoBankId, demoEnterpriseId, legacyDemoIds, renameOrganisation } from "./seed-demo-ids";

const NEW_ID = /^[a-z2-7]{26}$/;

/** Which path schemas each seeded id must pass: the ones the API reads that id with. */
const CHECKS: [sql: string, schemas: z.ZodType[]][] = [
  ["SELECT id FROM banks", [AdminBankIdParam.shape.id, ConsentBankIdParam.shape.bankId]],
  ["SELECT id FROM enterprises", [EnterpriseIdParam]],
  ["SELECT id FROM users", [UserIdParam.shape.id]],
  ["SELECT id FROM loan_products", [ProductIdParam.shape.id]],
  ["SELECT id FROM financing_needs", [NeedIdParam.shape.id]],
  ["SELECT id FROM loan_applications", [LoanIdParam.shape.id]],
  ["SELECT bank_id FROM data_consents", [ConsentBankIdParam.shape.bankId]],
  ["SELECT id FROM subsidy_applications", [SubsidyIdParam.shape.id]],
  ["SELECT id FROM onboarding_applications", [OnboardingIdParam.shape.id]],
];

/** Every column that names an organisation, in every table. */
async function organisationRefs(client: Client): Promise<{ table: string; column: string }[]> {
  const tables = (
    await client.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' " +
        "ESCAPE '\\'",
    )
  ).rows.map((r) => String(r[0]));
  const refs: { table: string; column: string }[] = [];
  for (const table of tables) {
    for (const c of (await client.execute(`PRAGMA table_info(${table})`)).rows) {
      if (["enterprise_id", "bank_id"].includes(String(c[1]))) refs.push({ table, column: String(c[1]) });
    }
  }
  return refs;
}

/** Rows per table (the append-only audit log aside), to show a second seed adds nothing. */
async function counts(client: Client): Promise<Record<string, number>> {
  const tables = (
    await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
  ).rows.map((r) => String(r[0]));
  const out: Record<string, number> = {};
  for (const t of tables.filter((t) => t !== "audit_log"))
    out[t] = Number((await client.execute(`SELECT count(*) FROM "${t}"`)).rows[0]![0]);
  return out;
}

let dir: string;
const urlFor = (slug: string) => `file:${join(dir, `${slug}.db`)}`;
const demoZones = () => zones.all().filter((z) => (DEMO_ZONES as readonly string[]).includes(z.slug));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "seed-demo-ids-"));
  await prepareAllZones(urlFor, demoZones(), { demo: true });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("demoId", () => {
  it("is newId()'s format, the same for the same name, different for another", () => {
    expect(demoId("bank:zibo")).toMatch(NEW_ID);
    expect(newId()).toMatch(NEW_ID);
    expect(demoId("bank:zibo")).toBe(demoId("bank:zibo"));
    expect(demoId("bank:zibo")).not.toBe(demoId("bank:dongying"));
  });
});

describe.each([...DEMO_ZONES])("the demo data of %s", (slug) => {
  it("has only ids the API's path schemas accept", async () => {
    const client = createClient({ url: urlFor(slug) });
    try {
      let checked = 0;
      for (const [query, schemas] of CHECKS) {
        for (const row of (await client.execute(query)).rows) {
          for (const schema of schemas)
            expect(schema.safeParse(String(row[0])).success, `${query}: ${String(row[0])}`).toBe(true);
          expect(String(row[0]), query).toMatch(NEW_ID);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(10);
      for (const { table, column } of await organisationRefs(client)) {
        const bad = await client.execute(
          `SELECT ${column} FROM ${table} WHERE ${column} IS NOT NULL ` +
            `AND (length(${column}) <> 26 OR ${column} GLOB '*[^a-z2-7]*')`,
        );
        expect(
          bad.rows.map((r) => r[0]),
          `${table}.${column}`,
        ).toEqual([]);
      }
      const demo = await client.execute({
        sql: "SELECT enterprise_id FROM users WHERE email = ?",
        args: [`enterprise@${slug}.demo`],
      });
      expect(demo.rows[0]![0]).toBe(demoEnterpriseId(slug));
      const bank = await client.execute({
        sql: "SELECT bank_id FROM users WHERE email = ?",
        args: [`bank@${slug}.demo`],
      });
      expect(bank.rows[0]![0]).toBe(demoBankId(slug));
    } finally {
      client.close();
    }
  });
});

describe("a database seeded with the old readable ids", () => {
  it("is moved to the new ids by the next seed, with every reference, and nothing is duplicated", async () => {
    const slug = "changzhi";
    const client = createClient({ url: urlFor(slug) });
    try {
      const db = openTenantDb(client);
      // A consent of the demo enterprise to the second demo bank: rows in a table the seeds do not write.
      const enterpriseId = demoEnterpriseId(slug);
      await client.execute({
        sql:
          "INSERT INTO data_consents (id, enterprise_id, bank_id, granted_by, granted_at) VALUES (?, ?, ?, " +
          "'seed-test', 0)",
        args: [newId(), enterpriseId, demoBankId(slug, 2)],
      });
      // Back to how earlier seeds left it.
      for (const { kind, legacy, id } of legacyDemoIds(slug))
        expect(await renameOrganisation(db, kind, id, legacy)).toBe(true);
      const old = await counts(client);
      expect(
        (
          await client.execute({
            sql: "SELECT enterprise_id FROM users WHERE email = ?",
            args: [`enterprise@${slug}.demo`],
          })
        ).rows[0]![0],
      ).toBe(`demo-ent-${slug}`);
      expect(
        (await client.execute("SELECT bank_id FROM data_consents WHERE granted_by = 'seed-test'")).rows[0]![0],
      ).toBe(`demo-bank2-${slug}`);

      await prepareAllZones(
        urlFor,
        demoZones().filter((z) => z.slug === slug),
        { demo: true },
      );

      expect(await counts(client)).toEqual(old);
      for (const { table, column } of await organisationRefs(client)) {
        const legacy = await client.execute(`SELECT count(*) FROM ${table} WHERE ${column} LIKE 'demo-%'`);
        expect(Number(legacy.rows[0]![0]), `${table}.${column}`).toBe(0);
      }
      expect(
        Number((await client.execute("SELECT count(*) FROM enterprises WHERE id LIKE 'demo-%'")).rows[0]![0]),
      ).toBe(0);
      expect(Number((await client.execute("SELECT count(*) FROM banks WHERE id LIKE 'demo-%'")).rows[0]![0])).toBe(0);
      expect(
        (
          await client.execute({
            sql: "SELECT enterprise_id FROM users WHERE email = ?",
            args: [`enterprise@${slug}.demo`],
          })
        ).rows[0]![0],
      ).toBe(enterpriseId);
      expect(
        (await client.execute("SELECT enterprise_id, bank_id FROM data_consents WHERE granted_by = 'seed-test'"))
          .rows[0],
      ).toEqual(expect.objectContaining({ enterprise_id: enterpriseId, bank_id: demoBankId(slug, 2) }));
      expect(
        Number(
          (
            await client.execute({
              sql: "SELECT count(*) FROM enterprise_yearly_figures WHERE enterprise_id = ?",
              args: [enterpriseId],
            })
          ).rows[0]![0],
        ),
      ).toBe(3);
      const fk = await client.execute("PRAGMA foreign_key_check");
      expect(fk.rows).toEqual([]);
    } finally {
      client.close();
    }
  }, 120_000);

  it("is seeded a second time without change", async () => {
    const client = createClient({ url: urlFor("zibo") });
    try {
      const before = await counts(client);
      await prepareAllZones(
        urlFor,
        demoZones().filter((z) => z.slug === "zibo"),
        { demo: true },
      );
      expect(await counts(client)).toEqual(before);
    } finally {
      client.close();
    }
  }, 120_000);
});
