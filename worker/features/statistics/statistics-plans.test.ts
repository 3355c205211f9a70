/**
 * The 数据看板's reads at a real zone's size: one batch, and every statement over a table that grows
 * with the zone (enterprises, 申请入驻, subsidy applications and payments, needs, loans, the outbox)
 * seeks an index on the date it filters by — none walks the table.
 */
import type { Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMemoryTenantDb } from "../../db/memory-db";
import { plansOf } from "../../db/query-plans";
import { periodOf } from "./period";
import { statisticsQueries } from "./statistics-queries";

let client: Client;
beforeAll(async () => {
  ({ client } = await openMemoryTenantDb());
});
afterAll(() => client.close());

const BIG =
  "enterprises|onboarding_applications|subsidy_applications|subsidy_payments|financing_needs|loan_applications|outbox";

describe("the statistics' reads", () => {
  it("are one batch, each seeking the index on its period's date", async () => {
    const { plans, trips } = await plansOf(client, (db) => {
      const q = statisticsQueries(db, periodOf(2026, 2));
      return db.batch([q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7], q[8], q[9], q[10], q[11], q[12], q[13], q[14]]);
    });
    expect(trips).toBe(1);
    expect(plans).toHaveLength(15);
    const all = plans.map((p) => p.plan.join("\n")).join("\n---\n");
    // A full pass over a growing table is a SCAN; only the stock count of enterprises (every one admitted by the
    // period's end, as the directory counts them) passes over one, and that on a covering index.
    const scans = all.split("\n").filter((l) => new RegExp(`^SCAN (${BIG})\\b`).test(l));
    expect(scans).toEqual(["SCAN enterprises USING COVERING INDEX enterprises_industry_created_idx"]);
    // The reach query goes from the enterprise's members to their mails, never through every mail.
    const members = "SEARCH users USING INDEX users_enterprise_idx (enterprise_id=?)";
    const mails = "SEARCH outbox USING INDEX outbox_kind_idx (kind=? AND recipient=? AND created_at<?)";
    expect(all).toContain(`${members}\n${mails}`);
    const awards = "subsidy_applications_decided_idx (status=? AND decided_at>? AND decided_at<?)";
    expect(all).toContain(`subsidy_applications USING COVERING INDEX ${awards}`);
    for (const idx of [
      "enterprises_industry_created_idx",
      "onboarding_created_idx",
      "subsidy_applications_submitted_idx",
      "subsidy_applications_decided_idx",
      "subsidy_payments_paid_on_idx",
      "financing_needs_created_idx",
      "loan_applications_time_idx",
      "outbox_kind_idx",
      "enterprise_yearly_figures_year_idx",
    ])
      expect(all).toContain(idx);
  });
});
