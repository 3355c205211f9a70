/**
 * The enterprise directory at real size (5,000 enterprises in a zone): each filter reads
 * its page through an index in name order — no scan of a table, no sort of every match —
 * and counts through an index, in one batch. Checked with SQLite's own EXPLAIN QUERY PLAN
 * on the statements listEnterprises really sends, against the real migrations.
 */
import type { Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMemoryTenantDb } from "../../db/memory-db";
import type { TenantDb } from "../../db/open";
import { plansOf as statementPlans } from "../../db/query-plans";
import { encodeDirectoryCursor } from "./directory-paging";
import { listEnterprises } from "./list-enterprises";

let client: Client;
beforeAll(async () => {
  ({ client } = await openMemoryTenantDb());
});
afterAll(() => client.close());

/** The statements one call sends, each with its plan (lines joined), and its round trips. */
async function plansOf(run: (db: TenantDb) => Promise<unknown>) {
  const { plans, trips } = await statementPlans(client, run);
  return { trips, plans: plans.map((p) => ({ sql: p.sql, plan: p.plan.join("\n") })) };
}

const TABLES = /\bSCAN (enterprises|enterprise_qualifications|enterprise_yearly_figures)\b(?! USING)/;
const cursor = encodeDirectoryCursor(["淄博新材料科技有限公司", "abcdefghij0123456789"]);

describe("the enterprise directory reads through indexes", () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ["no filter", {}, /(SCAN|SEARCH) enterprises USING INDEX enterprises_name_idx/],
    ["an industry", { industry: "new-materials" }, /SEARCH enterprises USING INDEX enterprises_industry_name_idx/],
    ["a status", { status: "suspended" }, /SEARCH enterprises USING INDEX enterprises_status_name_idx/],
    [
      "a verified qualification",
      { qualification: "hnte" },
      /(SCAN|SEARCH) enterprises USING INDEX enterprises_name_idx/,
    ],
    ["a name or USCC search", { q: "科技" }, /(SCAN|SEARCH) enterprises USING INDEX enterprises_name_idx/],
  ];
  for (const [name, filters, pageIndex] of cases) {
    for (const [where, paging] of [
      ["the first page", {}],
      ["after a cursor", { after: cursor }],
      ["before a cursor", { before: cursor }],
    ] as const) {
      it(`${name}, ${where}: one round trip, every statement on an index, no sort`, async () => {
        const { trips, plans } = await plansOf((db) =>
          listEnterprises({ db }, { page: 1, ...filters, ...paging }, { pendingQualifications: true }),
        );
        expect(trips).toBe(1);
        if (process.env.SHOW_PLANS) for (const p of plans) console.log(p.sql, "\n  ", p.plan);
        for (const { sql, plan } of plans) {
          expect(plan, `${sql}\n${plan}`).not.toMatch(TABLES);
          expect(plan, `${sql}\n${plan}`).not.toMatch(/USE TEMP B-TREE/);
        }
        const page = plans.find((p) => /\blimit\b/i.test(p.sql) && p.sql.includes("group_concat"));
        expect(page?.plan).toMatch(pageIndex);
        // Each listed enterprise's codes and revenue: looked up by its id, not read for the whole zone.
        expect(page?.plan).toMatch(
          /SEARCH enterprise_qualifications USING COVERING INDEX \w+ \(enterprise_id=\? AND status=\?\)/,
        );
        expect(page?.plan).toMatch(/SEARCH enterprise_yearly_figures USING INDEX \w+ \(enterprise_id=\?\)/);
        // The qualification filter probes its own index per enterprise (EXISTS), and counts from it (IN).
        if (filters.qualification)
          expect(plans.map((p) => p.plan).join("\n")).toMatch(/enterprise_qualifications_holders_idx \(code=\?/);
      });
    }
  }

  it("the pending-claims count of the directory page reads the queue's index", async () => {
    const { plans } = await plansOf((db) => listEnterprises({ db }, { page: 1 }, { pendingQualifications: true }));
    expect(plans.map((p) => p.plan).join("\n")).toMatch(/enterprise_qualifications_status_idx \(status=\?\)/);
  });
});
