/**
 * The zone staff's view of 政策兑现: applications and amounts by programme and
 * stage, budget used against each programme's annual budget, average days per
 * stage (from the timeline), and the CSV export that opens in Excel.
 */
import { toCsv } from "../../lib/csv";
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { ZoneConfig } from "../../../tenants/schema";
import type { TenantDb } from "../../db/open";
import { enterprises, subsidyApplications, subsidyEvents, subsidyPayments } from "../../db/schema";
import type { CompiledPolicySet } from "../../engines/policy/compile";
import { applicationNumber } from "../../lib/application-number";
import { fenToPlainYuan } from "../../lib/money";
import { shanghaiDateTime } from "../../lib/calendar";
import { STATUS_ZH } from "../../../web/labels/subsidies";
import { titleFrom } from "./programme-title";

export async function subsidyDashboard(
  { db, zone }: { db: TenantDb; zone: ZoneConfig },
  compiled: CompiledPolicySet | null,
  year: number,
) {
  const [byGroup, paid, events, awardedThisYear] = await db.batch([
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
    db
      .select({
        applicationId: subsidyEvents.applicationId,
        at: subsidyEvents.at,
        stage: subsidyEvents.stage,
        toStage: subsidyEvents.toStage,
        action: subsidyEvents.action,
      })
      .from(subsidyEvents)
      .where(
        inArray(subsidyEvents.action, [
          "submitted",
          "resubmitted",
          "passed",
          "advanced",
          "awarded",
          "returned",
          "rejected",
        ]),
      )
      .orderBy(asc(subsidyEvents.applicationId), asc(subsidyEvents.id)),
    db
      .select({
        programmeId: subsidyApplications.programmeId,
        awardedFen: sql<number>`coalesce(sum(${subsidyApplications.amountFen}), 0)`,
      })
      .from(subsidyApplications)
      .where(sql`${subsidyApplications.status} in ('awarded','paid') and ${subsidyApplications.awardYear} = ${year}`)
      .groupBy(subsidyApplications.programmeId),
  ]);
  const title = titleFrom(compiled);
  const stageZh = (key: string | null) => zone.subsidy.stages.find((s) => s.key === key)?.zh ?? "";

  // Days per stage: from entering a stage (submitted into it, or passed/advanced to it) to leaving it.
  const spent = new Map<string, number[]>();
  const entered = new Map<string, { stage: string; at: number }>();
  for (const e of events) {
    const open = entered.get(e.applicationId);
    if (open && (e.stage === open.stage || e.action === "returned" || e.action === "rejected"))
      spent.set(open.stage, [...(spent.get(open.stage) ?? []), (e.at - open.at) / 86_400_000]);
    if (e.toStage && e.action !== "returned") entered.set(e.applicationId, { stage: e.toStage, at: e.at });
    else entered.delete(e.applicationId);
  }
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
      const days = spent.get(s.key) ?? [];
      return {
        key: s.key,
        zh: s.zh,
        waiting: byGroup
          .filter((g) => g.stage === s.key && g.status === "in_review")
          .reduce((n, g) => n + Number(g.n), 0),
        averageDays: days.length ? Number((days.reduce((a, b) => a + b, 0) / days.length).toFixed(1)) : null,
        completed: days.length,
      };
    }),
  };
}

/** Every non-draft application as CSV (UTF-8 with BOM, CRLF) for Excel. */
export async function applicationsCsv(
  { db, zone }: { db: TenantDb; zone: ZoneConfig },
  compiled: CompiledPolicySet | null,
): Promise<string> {
  const rows = await db
    .select({ a: subsidyApplications, enterprise: enterprises.name, uscc: enterprises.uscc })
    .from(subsidyApplications)
    .innerJoin(enterprises, eq(enterprises.id, subsidyApplications.enterpriseId))
    .where(sql`${subsidyApplications.status} <> 'draft'`)
    .orderBy(asc(subsidyApplications.submittedAt));
  const header = [
    "申报编号",
    "企业名称",
    "统一社会信用代码",
    "项目编号",
    "项目名称",
    "状态",
    "环节",
    "测算金额(元)",
    "核定金额(元)",
    "申报年度",
    "政策版本",
    "提交时间(北京时间)",
  ];
  const lines = rows.map(({ a, enterprise, uscc }) => [
    applicationNumber(zone, "subsidy", a) ?? "",
    enterprise,
    uscc,
    a.programmeId,
    compiled?.programmes.get(a.programmeId)?.title.zh ?? "",
    STATUS_ZH[a.status],
    zone.subsidy.stages.find((s) => s.key === a.stage)?.zh ?? "",
    a.requestedFen === null ? "" : fenToPlainYuan(a.requestedFen),
    a.amountFen === null ? "" : fenToPlainYuan(a.amountFen),
    a.awardYear,
    a.policyVersion,
    a.submittedAt ? shanghaiDateTime(a.submittedAt) : "",
  ]);
  return toCsv([header, ...lines]);
}
