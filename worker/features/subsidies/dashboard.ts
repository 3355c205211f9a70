/**
 * The zone staff's view of 政策兑现: applications and amounts by programme and
 * stage, budget used against each programme's annual budget, average days per
 * stage (from the timeline), and the CSV export that opens in Excel.
 */
import { toCsv } from "../../lib/csv";
import { asc, eq, sql } from "drizzle-orm";
import type { ZoneConfig } from "../../../tenants/schema";
import type { TenantDb } from "../../db/open";
import { enterprises, subsidyApplications, subsidyPayments, subsidyStageTimes } from "../../db/schema";
import type { CompiledPolicySet } from "../../engines/policy/compile";
import { csvValues } from "../../lib/xlsx/csv-values";
import { STATUS_ZH } from "../../../web/labels/subsidies";
import { APPLICATION_COLUMNS, applicationRow } from "./export-tables";
import { titleFrom } from "./programme-title";

/**
 * `policy` may still be reading: the dashboard's own reads go beside it, one round trip for both.
 * Every figure is summed in SQL, days per stage too, so the page reads a row per programme and
 * stage, not the zone's timeline.
 */
export async function subsidyDashboard(
  { db, zone }: { db: TenantDb; zone: ZoneConfig },
  policy: CompiledPolicySet | null | Promise<CompiledPolicySet | null>,
  year: number,
) {
  const [[byGroup, paid, stageDays, awardedThisYear], compiled] = await Promise.all([dashboardBatch(db, year), policy]);
  const title = titleFrom(compiled);
  const stageZh = (key: string | null) => zone.subsidy.stages.find((s) => s.key === key)?.zh ?? "";
  const days = new Map(stageDays.map((d) => [d.stage, d]));
  const programmes = [...new Set(byGroup.map((g) => g.programmeId))].map((id) => {
    const budget = compiled?.programmes.get(id)?.annualBudgetFen ?? null;
    const awarded = Number(awardedThisYear.find((a) => a.programmeId === id)?.awardedFen ?? 0);
    return {
      id,
      title: title(id),
      byStatus: byGroup
        .filter((g) => g.programmeId === id)
        .map((g) => ({
          status: g.status,
          statusZh: STATUS_ZH[g.status],
          stage: g.stage,
          stageZh: stageZh(g.stage),
          n: Number(g.n),
          amountFen: Number(g.amountFen),
        })),
      budgetFen: budget,
      awardedThisYearFen: awarded,
      paidFen: Number(paid.find((p) => p.programmeId === id)?.paidFen ?? 0),
    };
  });
  return {
    year,
    programmes,
    stages: zone.subsidy.stages.map((s) => {
      const d = days.get(s.key);
      const completed = Number(d?.completed ?? 0);
      return {
        key: s.key,
        zh: s.zh,
        waiting: byGroup
          .filter((g) => g.stage === s.key && g.status === "in_review")
          .reduce((n, g) => n + Number(g.n), 0),
        averageDays: completed ? Number((Number(d!.totalMs) / completed / 86_400_000).toFixed(1)) : null,
        completed,
      };
    }),
  };
}

/**
 * The dashboard's reads, one batch. The sums come from covering indexes; time per stage from
 * subsidy_stage_times, which a trigger keeps as the timeline grows (migration 0015): a stage is entered
 * by a move naming it as `to_stage` and left by the application's next move — one from that stage, a
 * return or a rejection. Nothing here reads a row per application or per event.
 */
function dashboardBatch(db: TenantDb, year: number) {
  return db.batch([
    db
      .select({
        programmeId: subsidyApplications.programmeId,
        status: subsidyApplications.status,
        stage: subsidyApplications.stage,
        n: sql<number>`count(*)`,
        amountFen: sql<number>`coalesce(sum(${subsidyApplications.amountFen}), 0)`,
      })
      .from(subsidyApplications)
      .where(sql`${subsidyApplications.status} <> 'draft'`)
      .groupBy(subsidyApplications.programmeId, subsidyApplications.status, subsidyApplications.stage),
    db
      .select({
        programmeId: subsidyPayments.programmeId,
        paidFen: sql<number>`coalesce(sum(${subsidyPayments.amountFen}), 0)`,
      })
      .from(subsidyPayments)
      .groupBy(subsidyPayments.programmeId),
    db.select().from(subsidyStageTimes),
    db
      .select({
        programmeId: subsidyApplications.programmeId,
        awardedFen: sql<number>`coalesce(sum(${subsidyApplications.amountFen}), 0)`,
      })
      .from(subsidyApplications)
      .where(sql`${subsidyApplications.status} in ('awarded','paid') and ${subsidyApplications.awardYear} = ${year}`)
      .groupBy(subsidyApplications.programmeId),
  ]);
}

/** Every non-draft application as CSV (UTF-8 with BOM, CRLF) for Excel: the columns of export-tables.ts. */
export async function applicationsCsv(
  { db, zone }: { db: TenantDb; zone: ZoneConfig },
  policy: CompiledPolicySet | null | Promise<CompiledPolicySet | null>,
): Promise<string> {
  const [rows, compiled] = await Promise.all([
    db
      .select({ a: subsidyApplications, enterprise: enterprises.name, uscc: enterprises.uscc })
      .from(subsidyApplications)
      .innerJoin(enterprises, eq(enterprises.id, subsidyApplications.enterpriseId))
      .where(sql`${subsidyApplications.status} <> 'draft'`)
      .orderBy(asc(subsidyApplications.submittedAt)),
    policy,
  ]);
  const row = applicationRow(zone, (id) => compiled?.programmes.get(id)?.title.zh ?? "");
  return toCsv([APPLICATION_COLUMNS.map((c) => c.header), ...rows.map((r) => csvValues(APPLICATION_COLUMNS, row(r)))]);
}
