/**
 * The application lists at real size (20,000 applications in a zone): each filter
 * of the staff queue, a member's own list and 公示 read through an index in the
 * list's own order — no scan of the table, no sort of every matching row — so a
 * page costs the rows it shows, whatever the zone holds. Checked on the real
 * migrations with SQLite's own EXPLAIN QUERY PLAN.
 */
import type { Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import zone from "../../../tenants/zibo/zone";
import { openMemoryTenantDb } from "../../db/memory-db";
import type { TenantDb } from "../../db/open";
import { myApplicationsQueries, queueQueries, type QueueQuery } from "./list-applications";
import { publicityQueries } from "./list-publicity";
import { encodeCursor } from "./queue-cursor";

let client: Client;
let db: TenantDb;
beforeAll(async () => {
  ({ client, db } = await openMemoryTenantDb());
});
afterAll(() => client.close());

async function plan(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string> {
  const { sql, params } = query.toSQL();
  const rs = await client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: params as never[] });
  return rs.rows.map((r) => String(r.detail)).join("\n");
}

/** Read in index order: the applications through an index, never a table scan or a sort of all of them. */
function expectIndexedInOrder(detail: string, index: string) {
  expect(detail).toMatch(new RegExp(`(SEARCH|SCAN) subsidy_applications USING (COVERING )?INDEX ${index}\\b`));
  expect(detail).not.toMatch(/SCAN subsidy_applications(?! USING)/);
  expect(detail).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
}

const cursor = encodeCursor(["2026-06-01", 1_780_000_000_000, "abcdefghijklmnopqrstuvwxyz"]);

describe("the staff queue reads a page through the index of its order", () => {
  const cases: [string, QueueQuery, string][] = [
    ["no filter (全部)", {}, "subsidy_applications_queue_idx"],
    ["a status (已批准)", { status: "awarded" }, "subsidy_applications_queue_status_idx"],
    [
      "a stage's tab (in review at 初审)",
      { status: "in_review", stage: "first" },
      "subsidy_applications_queue_stage_idx",
    ],
    ["a programme", { programme: "zibo-tech-contract" }, "subsidy_applications_queue_programme_idx"],
    ["an enterprise name", { q: "淄博" }, "subsidy_applications_queue_idx"],
    ["resubmitted after a correction", { resubmitted: "1" }, "subsidy_applications_queue_status_idx"],
    [
      "resubmitted, at one stage (the 工作台's link)",
      { status: "in_review", stage: "first", resubmitted: "1" },
      "subsidy_applications_queue_stage_idx",
    ],
  ];
  for (const [name, query, index] of cases) {
    it(`${name}: the first page`, async () => {
      const detail = await plan(queueQueries(db, zone, query).page);
      expectIndexedInOrder(detail, index);
      // The resubmission is looked up per row through the events' index, never by scanning the timeline.
      if (query.resubmitted) expect(detail).toMatch(/SEARCH subsidy_events USING (COVERING )?INDEX/);
    });
    it(`${name}: a later page seeks past the cursor`, async () => {
      const detail = await plan(queueQueries(db, zone, { ...query, after: cursor }).page);
      expectIndexedInOrder(detail, index);
    });
    it(`${name}: the total counts through an index`, async () => {
      const detail = await plan(queueQueries(db, zone, query).total);
      expect(detail).toMatch(/subsidy_applications USING (COVERING )?INDEX/);
    });
  }
});

describe("a member's own list and 公示 read through their indexes", () => {
  it("a member's page, first and later, in the order of the member index", async () => {
    for (const after of [undefined, encodeCursor([1_780_000_000_000, "abcdefghijklmnopqrstuvwxyz"])]) {
      const detail = await plan(myApplicationsQueries(db, "e1", { after }).page);
      expectIndexedInOrder(detail, "subsidy_applications_member_idx");
    }
  });

  it("公示: the page in the order of the publicity index, and its total", async () => {
    const cursor = encodeCursor(["2026-06-09", "淄博某公司", "abcdefghijklmnopqrstuvwxyz"]);
    for (const after of [undefined, cursor]) {
      const q = publicityQueries(db, zone, { after });
      const detail = await plan(q.page);
      expect(detail).toMatch(/SEARCH subsidy_applications USING INDEX subsidy_applications_publicity_idx/);
      // Sorted by name only within one closing day (the index gives the day's order).
      expect(detail).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
      const total = await plan(q.total);
      expect(total).toMatch(/SEARCH subsidy_applications USING COVERING INDEX/);
    }
  });
});
