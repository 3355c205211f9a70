import { createClient } from "@libsql/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrations } from "../../../migrations/bundle";
import { zones } from "../../../tenants/index";
import type { ZoneConfig } from "../../../tenants/schema";
import { migrateTenant } from "../../db/migrate";
import { openTenantDb } from "../../db/open";
import { getPolicyDocument } from "./get-document";
import { listPolicyDocuments } from "./list-documents";
import { syncPolicyDocuments } from "./sync-documents";

const zibo = zones.get("zibo")!;

describe("syncPolicyDocuments", () => {
  let client: ReturnType<typeof createClient>;
  beforeEach(async () => {
    client = createClient({ url: ":memory:" });
    await migrateTenant(client, migrations);
  });
  afterEach(() => client.close());

  it("loads every document and clause verbatim, then is a no-op when nothing changed", async () => {
    const db = openTenantDb(client);
    const first = await syncPolicyDocuments({ db, zone: zibo });
    expect(first.inserted).toEqual(zibo.documents.map((d) => d.id));
    const doc = await getPolicyDocument({ db, zone: zibo }, zibo.documents[0]!.id, "2026-06-30");
    expect(doc.clauses).toEqual(
      zibo.documents[0]!.clauses.map(({ id, label, section, text }) => ({ id, label, section, text })),
    );

    const second = await syncPolicyDocuments({ db, zone: zibo });
    expect(second).toEqual({ inserted: [], updated: [], unchanged: zibo.documents.map((d) => d.id), removed: [] });
  });

  it("replaces a changed document's clauses and removes documents no longer configured", async () => {
    const db = openTenantDb(client);
    await syncPolicyDocuments({ db, zone: zibo });
    const [firstDoc] = zibo.documents;
    const changed: ZoneConfig = {
      ...zibo,
      documents: [
        {
          ...firstDoc!,
          clauses: firstDoc!.clauses.slice(0, 2).map((c, i) => (i === 0 ? { ...c, text: "修订后的条款" } : c)),
        },
      ],
    };
    const r = await syncPolicyDocuments({ db, zone: changed });
    expect(r.updated).toEqual([firstDoc!.id]);
    expect(r.removed).toEqual(zibo.documents.slice(1).map((d) => d.id));
    const list = await listPolicyDocuments({ db });
    expect(list.map((d) => [d.id, d.clauseCount])).toEqual([[firstDoc!.id, 2]]);
    const clauses = await client.execute("SELECT count(*) FROM policy_clauses");
    expect(Number(clauses.rows[0]![0])).toBe(2);
    expect((await getPolicyDocument({ db, zone: zibo }, firstDoc!.id, "2026-06-30")).clauses[0]!.text).toBe(
      "修订后的条款",
    );
  });
});
