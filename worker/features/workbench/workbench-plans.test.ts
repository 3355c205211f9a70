/**
 * The 工作台's reads at a real zone's size: one round trip for everything (counts and oldest items of
 * every kind, the policy beside them), and no statement walks a big table — the applications, the
 * loan applications, 入驻 and 资质 claims are each read through an index that holds the filter and,
 * for the oldest items, the list's order (no sort of every waiting row). Checked on the real
 * migrations with SQLite's own EXPLAIN QUERY PLAN.
 */
import type { Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import zone from "../../../tenants/zibo/zone";
import { openMemoryTenantDb } from "../../db/memory-db";
import { plansOf } from "../../db/query-plans";
import { getWorkbench } from "./get-workbench";

let client: Client;
beforeAll(async () => {
  ({ client } = await openMemoryTenantDb());
});
afterAll(() => client.close());

const actor = (role: "zone_admin" | "reviewer") => ({
  id: "u1",
  email: "staff@zibo.test",
  role,
  enterpriseId: null,
  bankId: null,
});
const run = (role: "zone_admin" | "reviewer") =>
  plansOf(client, (db) => getWorkbench({ db, zone, actor: actor(role), now: new Date("2026-06-01T02:00:00Z") }));

const BIG = ["subsidy_applications", "loan_applications", "onboarding_applications", "enterprise_qualifications"];

describe("the 工作台's reads", () => {
  it("are one round trip for a zone admin and for a reviewer", async () => {
    expect((await run("zone_admin")).trips).toBe(1);
    expect((await run("reviewer")).trips).toBe(1);
  });

  it("read every big table through an index, and never sort all waiting rows", async () => {
    const { plans } = await run("zone_admin");
    for (const p of plans) {
      const detail = p.plan.join("\n");
      for (const table of BIG) expect(detail, p.sql).not.toMatch(new RegExp(`SCAN ${table}(?! USING)`));
      expect(detail, p.sql).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    }
    const all = plans.map((p) => p.plan.join("\n")).join("\n---\n");
    expect(all).toMatch(/subsidy_applications USING (COVERING )?INDEX subsidy_applications_queue_stage_idx/);
    expect(all).toMatch(/subsidy_applications USING (COVERING )?INDEX subsidy_applications_queue_status_idx/);
    expect(all).toMatch(/loan_applications USING INDEX loan_applications_accept_due_idx/);
    expect(all).toMatch(/loan_applications USING INDEX loan_applications_decide_due_idx/);
    expect(all).toMatch(/enterprise_qualifications USING (COVERING )?INDEX enterprise_qualifications_status_idx/);
    expect(all).toMatch(/onboarding_applications USING (COVERING )?INDEX onboarding_status_idx/);
    // 风险补偿 claims waiting: through (status, filed_at, id), stopping at the fifth, never sorted.
    expect(all).toMatch(/risk_claims USING (COVERING )?INDEX risk_claims_status_time_idx/);
    expect(all).not.toMatch(/SCAN risk_claims/);
  });
});
