/**
 * 政策找企业 at a zone's size (5,000 enterprises): the staff page and API read one page of the
 * stored list and its counts per tier on programme_matches_list_idx in one round trip — no scan of
 * the list, no sort of every row — and the job's chunk reads only its chunk's enterprises. Checked
 * with SQLite's own EXPLAIN QUERY PLAN of the statements the code sends, on the real migrations.
 */
import type { Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import zone from "../../../tenants/zibo/zone";
import { openMemoryTenantDb } from "../../db/memory-db";
import { plansOf, type StatementPlan } from "../../db/query-plans";
import { encodeCursorKey } from "../../lib/cursor";
import { computeProgrammeMatchesChunk } from "./compute-programme-matches";
import { listProgrammeMatches } from "./list-programme-matches";

let client: Client;
beforeAll(async () => {
  ({ client } = await openMemoryTenantDb());
});
afterAll(() => client.close());

const detail = (p: StatementPlan) => p.plan.join("\n");
const now = new Date("2026-06-30T02:00:00Z");

/** The page's statements; the empty database has no policy, so the service answers 404 after its one batch. */
async function listPlans(after?: string) {
  return plansOf(client, (db) =>
    expect(listProgrammeMatches({ db, zone, now }, { programmeId: "zibo-rd-inclusive", after })).rejects.toThrow(
      "尚未发布政策",
    ),
  );
}

describe("the stored match list", () => {
  for (const [name, after] of [
    ["the first page", undefined],
    ["a later page", encodeCursorKey([2, "淄博示范先进陶瓷材料有限公司", "ent-1"])],
  ] as const) {
    it(`${name}: one round trip; the page and the counts on the list index, nothing sorted`, async () => {
      const { plans, trips } = await listPlans(after);
      expect(trips).toBe(1);
      expect(plans).toHaveLength(5);
      const page = plans.find((p) => p.sql.includes('order by "programme_matches"'))!;
      expect(detail(page)).toMatch(/SEARCH programme_matches USING INDEX programme_matches_list_idx/);
      // A later page seeks past the cursor in the index, reading only the rows it shows.
      if (after) expect(detail(page)).toContain("(tier_rank,name,enterprise_id)>(?,?,?)");
      const counts = plans.find((p) => /group by/i.test(p.sql))!;
      expect(detail(counts)).toMatch(/SEARCH programme_matches USING COVERING INDEX programme_matches_list_idx/);
      // policy_versions (a zone's few versions) is read newest first by its key: not this list's concern.
      for (const p of plans.filter((x) => !x.sql.includes('from "policy_versions"'))) {
        expect(detail(p), p.sql).not.toMatch(/SCAN (programme_matches|jobs|enterprises)\b/);
        expect(detail(p), p.sql).not.toContain("TEMP B-TREE");
      }
      const open = plans.find((p) => /from "jobs"/.test(p.sql))!;
      expect(detail(open)).toMatch(/SEARCH jobs USING INDEX jobs_status_idx/);
    });
  }

  it("a job chunk reads its enterprises by key, every table on an index", async () => {
    const params = JSON.stringify({ programmeId: "zibo-rd-inclusive", versionId: 1, today: "2026-06-30" });
    const { plans, trips } = await plansOf(client, (db) =>
      expect(
        computeProgrammeMatchesChunk({ db, zone, now, origin: "o" }, { id: 1, params, cursor: "ent-100" }, 200),
      ).rejects.toThrow("第1版政策不存在"),
    );
    expect(trips).toBe(1);
    for (const p of plans) {
      for (const t of ["enterprises", "enterprise_qualifications", "enterprise_yearly_figures", "subsidy_applications"])
        expect(detail(p), p.sql).not.toMatch(new RegExp(`SCAN ${t}\\b`));
      expect(detail(p), p.sql).not.toContain("TEMP B-TREE");
    }
  });
});
