/**
 * What the page cache keys on: which routes it serves and the areas they show, and the triggers
 * that move each area's data version in the same statement as a write (docs/decisions/0019).
 */
import { describe, expect, it } from "vitest";
import { openMemoryTenantDb } from "../db/memory-db";
import { areasOf } from "./page-cache";

/** Each table a public page shows, with the area whose version its writes move. */
const AREA_OF_TABLE: Record<string, string> = {
  policy_documents: "policy",
  policy_clauses: "policy",
  policy_versions: "policy",
  subsidy_applications: "publicity",
  subsidy_objections: "publicity",
  loan_products: "finance",
  banks: "finance",
  zone_settings_versions: "settings",
};

describe("the page cache's routes", () => {
  it("serves the public pages and APIs, each with the areas it shows, and nothing else", () => {
    expect(areasOf("/")).toEqual(["policy"]);
    expect(areasOf("/policies")).toEqual(["policy"]);
    expect(areasOf("/policies/programmes/zibo-tech-contract")).toEqual(["policy"]);
    expect(areasOf("/policies/documents/abc")).toEqual(["policy"]);
    expect(areasOf("/publicity")).toEqual(["publicity"]);
    expect(areasOf("/api/v1/policy/programmes")).toEqual(["policy"]);
    expect(areasOf("/api/v1/finance/products/abc")).toEqual(["finance"]);
    for (const personal of [
      "/policies/match",
      "/subsidies",
      "/finance/needs",
      "/api/v1/finance/needs",
      "/api/v1/policy/matches",
      "/admin/subsidies",
      "/healthz",
      "/login",
    ])
      expect(areasOf(personal), personal).toBeNull();
  });
});

describe("the data-version triggers", () => {
  it("exist for insert, update and delete on every table a public page shows", async () => {
    const { client } = await openMemoryTenantDb();
    const rows = (await client.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")).rows;
    for (const [table, area] of Object.entries(AREA_OF_TABLE)) {
      for (const event of ["INSERT", "UPDATE", "DELETE"]) {
        const trigger = rows.find(
          (r) =>
            r.tbl_name === table && String(r.sql).includes(`AFTER ${event}`) && String(r.sql).includes(`'${area}'`),
        );
        expect(trigger, `${event} on ${table} → ${area}`).toBeDefined();
      }
    }
    client.close();
  });

  it("moves the area's version in the same statement as the write, and leaves the others", async () => {
    const { client } = await openMemoryTenantDb();
    const versions = async () =>
      Object.fromEntries(
        (await client.execute("SELECT area, version FROM zone_data_versions")).rows.map((r) => [r.area, r.version]),
      );
    expect(await versions()).toEqual({ policy: 0, publicity: 0, finance: 0, settings: 0 });
    await client.execute("INSERT INTO zone_settings_versions (data, changed_at) VALUES ('{}', 1)");
    await client.execute("UPDATE zone_settings_versions SET changed_at = 2");
    expect(await versions()).toEqual({ policy: 0, publicity: 0, finance: 0, settings: 2 });
    // A write that fails changes nothing, the version included.
    await expect(
      client.batch(["UPDATE zone_settings_versions SET changed_at = 3", "SELECT RAISE(ABORT, 'no')"], "write"),
    ).rejects.toThrow();
    expect((await versions()).settings).toBe(2);
    client.close();
  });
});
