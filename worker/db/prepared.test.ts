/**
 * Queries prepared once per tenant database must stay per tenant and read live
 * data: they cache SQL, never rows and never another zone's client.
 */
import { createClient, type Client } from "@libsql/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrations } from "../../migrations/bundle";
import { zones } from "../../tenants/index";
import { listPolicyDocuments } from "../features/policies/list-documents";
import { syncPolicyDocuments } from "../features/policies/sync-documents";
import { migrateTenant } from "./migrate";
import { openTenantDb } from "./open";
import { preparedPerDb } from "./prepared";

const zibo = zones.get("zibo")!;
const dongying = zones.get("dongying")!;

describe("queries prepared per tenant database", () => {
  let a: Client;
  let b: Client;
  beforeEach(async () => {
    a = createClient({ url: ":memory:" });
    b = createClient({ url: ":memory:" });
    await migrateTenant(a, migrations);
    await migrateTenant(b, migrations);
  });
  afterEach(() => {
    a.close();
    b.close();
  });

  it("builds a query once per database and never hands one database's query to another", () => {
    let builds = 0;
    const query = preparedPerDb((db) => ({ db, build: ++builds }));
    const dbA = openTenantDb(a);
    const dbB = openTenantDb(b);
    expect(openTenantDb(a)).toBe(dbA);
    expect(query(dbA)).toBe(query(dbA));
    expect(query(dbA).db).toBe(dbA);
    expect(query(dbB).db).toBe(dbB);
    expect(builds).toBe(2);
  });

  it("lists each zone's own documents and sees changes made after the query was prepared", async () => {
    const dbA = openTenantDb(a);
    const dbB = openTenantDb(b);
    expect(await listPolicyDocuments({ db: dbA })).toEqual([]);

    await syncPolicyDocuments({ db: dbA, zone: zibo });
    await syncPolicyDocuments({ db: dbB, zone: dongying });
    expect((await listPolicyDocuments({ db: dbA })).map((d) => d.id)).toEqual(zibo.documents.map((d) => d.id));
    expect((await listPolicyDocuments({ db: dbB })).map((d) => d.id)).toEqual(dongying.documents.map((d) => d.id));

    await syncPolicyDocuments({ db: dbA, zone: { ...zibo, documents: zibo.documents.slice(1) } });
    expect((await listPolicyDocuments({ db: dbA })).map((d) => d.id)).toEqual(zibo.documents.slice(1).map((d) => d.id));
  });
});
