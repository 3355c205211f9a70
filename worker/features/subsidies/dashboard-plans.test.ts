/**
 * The subsidy dashboard at a real zone's size (20,000 applications, ~100,000 timeline events):
 * one round trip, every sum read from a covering index and time per stage from the table the
 * timeline's trigger keeps — never the applications' rows, never the timeline.
 */
import type { Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import zone from "../../../tenants/zibo/zone";
import { openMemoryTenantDb } from "../../db/memory-db";
import { plansOf } from "../../db/query-plans";
import { subsidyDashboard } from "./dashboard";

let client: Client;
beforeAll(async () => {
  ({ client } = await openMemoryTenantDb());
});
afterAll(() => client.close());

describe("the dashboard's reads", () => {
  it("are one batch of index-only reads, none of them over the timeline", async () => {
    const { plans, trips } = await plansOf(client, (db) => subsidyDashboard({ db, zone }, null, 2026));
    expect(trips).toBe(1);
    expect(plans).toHaveLength(4);
    const all = plans.map((p) => p.plan.join("\n")).join("\n---\n");
    expect(all).not.toMatch(/subsidy_events/);
    // No statement reads application or payment rows: each uses a covering index (or the small stage table).
    expect(all).not.toMatch(/(SCAN|SEARCH) subsidy_(applications|payments)(?! USING COVERING INDEX)/);
    expect(all).toMatch(/subsidy_applications USING COVERING INDEX subsidy_applications_dashboard_idx/);
    expect(all).toMatch(/subsidy_applications USING COVERING INDEX subsidy_applications_award_year_idx/);
    expect(all).toMatch(/subsidy_payments USING COVERING INDEX subsidy_payments_programme_idx/);
    expect(all).toMatch(/SCAN subsidy_stage_times/);
  });
});
