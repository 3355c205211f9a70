/**
 * The 数据看板's reads: aggregate queries only, built for ONE db.batch (get-statistics.ts). Each
 * groups in SQL and returns a row per group (industry, status, programme × month, bank × day pair),
 * never a row per enterprise or application; each walks an index that starts with the date it
 * filters on (migration statistics_indexes; statistics-plans.test.ts checks the plans).
 */
import { and, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { TenantDb } from "../../db/open";
import {
  banks,
  enterpriseQualifications,
  enterpriseYearlyFigures,
  enterprises,
  financingNeeds,
  loanApplications,
  onboardingApplications,
  outbox,
  subsidyApplications,
  subsidyPayments,
  subsidyStageTimes,
  users,
} from "../../db/schema";
import { coveredEnterprise, filingStatusSql } from "../yearly-reports/filing-sql";
import type { StatisticsPeriod } from "./period";

/** A moment (epoch ms) as its day or month in Asia/Shanghai, in SQL: UTC+8 all year. */
const dayOf = (ms: SQL | SQLiteColumn) => sql<string>`date(${ms} / 1000 + 28800, 'unixepoch')`;
const monthOf = (ms: SQLiteColumn) => sql<string>`strftime('%Y-%m', ${ms} / 1000 + 28800, 'unixepoch')`;
const within = (col: SQLiteColumn, p: StatisticsPeriod) => and(gte(col, p.fromMs), lt(col, p.toMs));
const n = sql<number>`count(*)`;

/** The outbox kind of a 免申即享 mail (policies/notify-newly-eligible.ts). */
export const REACH_KIND = "policy_newly_eligible";

export function statisticsQueries(db: TenantDb, p: StatisticsPeriod) {
  const sa = subsidyApplications;
  const la = loanApplications;
  const dayPairs = (to: SQL, where: SQL | undefined) =>
    db
      .select({ bankId: la.bankId, from: dayOf(la.submittedAt), to: dayOf(to), n })
      .from(la)
      .where(and(within(la.submittedAt, p), where))
      .groupBy(la.bankId, dayOf(la.submittedAt), dayOf(to));
  return [
    // Enterprises in the directory at the period's end, by industry, and how many were admitted in it.
    db
      .select({
        industry: enterprises.industry,
        n,
        new: sql<number>`coalesce(sum(${enterprises.createdAt} >= ${p.fromMs}), 0)`,
      })
      .from(enterprises)
      .where(lt(enterprises.createdAt, p.toMs))
      .groupBy(enterprises.industry),
    // Verified qualifications held by those enterprises (the directory's qualification filter counts these).
    db
      .select({ code: enterpriseQualifications.code, n: sql<number>`count(distinct ${enterprises.id})` })
      .from(enterpriseQualifications)
      .innerJoin(enterprises, eq(enterprises.id, enterpriseQualifications.enterpriseId))
      .where(and(eq(enterpriseQualifications.status, "verified"), lt(enterprises.createdAt, p.toMs)))
      .groupBy(enterpriseQualifications.code),
    // 申请入驻 received in the period, by where each stands now, with the days taken by those decided.
    db
      .select({
        status: onboardingApplications.status,
        n,
        decided: sql<number>`coalesce(sum(${onboardingApplications.decidedAt} is not null), 0)`,
        decideMs: sql<number>`coalesce(sum(${onboardingApplications.decidedAt}
          - ${onboardingApplications.createdAt}), 0)`,
      })
      .from(onboardingApplications)
      .where(within(onboardingApplications.createdAt, p))
      .groupBy(onboardingApplications.status),
    // Subsidy applications first submitted in the period, by programme and where each stands now.
    db
      .select({ programmeId: sa.programmeId, status: sa.status, stage: sa.stage, n })
      .from(sa)
      .where(and(within(sa.submittedAt, p), sql`${sa.status} <> 'draft'`))
      .groupBy(sa.programmeId, sa.status, sa.stage),
    // Awards decided in the period (approved, paid or not yet), by programme and month.
    db
      .select({
        programmeId: sa.programmeId,
        month: monthOf(sa.decidedAt),
        n,
        awardedFen: sql<number>`coalesce(sum(${sa.amountFen}), 0)`,
      })
      .from(sa)
      .where(and(within(sa.decidedAt, p), sql`${sa.status} in ('awarded', 'paid')`))
      .groupBy(sa.programmeId, monthOf(sa.decidedAt)),
    // Payments made in the period (the ledger's paid_on), by programme and month.
    db
      .select({
        programmeId: subsidyPayments.programmeId,
        month: sql<string>`substr(${subsidyPayments.paidOn}, 1, 7)`,
        paidFen: sql<number>`coalesce(sum(${subsidyPayments.amountFen}), 0)`,
      })
      .from(subsidyPayments)
      .where(and(gte(subsidyPayments.paidOn, p.from), sql`${subsidyPayments.paidOn} <= ${p.to}`))
      .groupBy(subsidyPayments.programmeId, sql`substr(${subsidyPayments.paidOn}, 1, 7)`),
    // Days per stage, kept by a trigger as stays end (migration 0015): the zone's whole history.
    db.select().from(subsidyStageTimes),
    // Financing needs posted in the period, by where each stands now.
    db
      .select({ status: financingNeeds.status, n })
      .from(financingNeeds)
      .where(within(financingNeeds.createdAt, p))
      .groupBy(financingNeeds.status),
    // Loan applications submitted in the period, by bank and where each stands now.
    db
      .select({
        bankId: la.bankId,
        status: la.status,
        n,
        askedFen: sql<number>`coalesce(sum(${la.amountFen}), 0)`,
        grantedFen: sql<number>`coalesce(sum(case when ${la.status} in ('approved', 'disbursed')
          then ${la.approvedAmountFen} end), 0)`,
        disbursedFen: sql<number>`coalesce(sum(${la.disbursedAmountFen}), 0)`,
        overdue: sql<number>`coalesce(sum(${la.escalatedAt} is not null), 0)`,
      })
      .from(la)
      .where(within(la.submittedAt, p))
      .groupBy(la.bankId, la.status),
    // First answers (受理, or 拒绝 straight away) and decisions, as (bank, from day, to day) groups.
    dayPairs(
      sql`coalesce(${la.acceptedAt}, ${la.decidedAt})`,
      sql`(${la.acceptedAt} is not null or (${la.status} = 'declined' and ${la.decidedAt} is not null))`,
    ),
    dayPairs(sql`${la.decidedAt}`, sql`${la.decidedAt} is not null`),
    db.select({ id: banks.id, name: banks.name }).from(banks),
    // 免申即享 mails sent in the period (one per member address).
    db
      .select({ n })
      .from(outbox)
      .where(and(eq(outbox.kind, REACH_KIND), within(outbox.createdAt, p))),
    // Applications first submitted in the period for a programme a member of the enterprise had been
    // mailed about before (the mail lists each programme's link on a line of its own).
    db
      .select({ n })
      .from(sa)
      .where(
        and(
          within(sa.submittedAt, p),
          sql`${sa.status} <> 'draft'`,
          // CROSS JOIN keeps SQLite's loop order: the enterprise's few members first, then each one's
          // mails of this kind (kind, recipient, created_at) — never every 免申即享 mail per application.
          sql`exists (select 1 from ${users} cross join ${outbox}
            where ${users.enterpriseId} = ${sa.enterpriseId} and ${outbox.kind} = ${REACH_KIND}
            and ${outbox.recipient} = ${users.email} and ${outbox.createdAt} <= ${sa.submittedAt}
            and instr(${outbox.body}, '/policies/programmes/' || ${sa.programmeId} || char(10)) > 0)`,
        ),
      ),
    // The yearly report of the period's year (features/yearly-reports): the figures of the enterprises it
    // covers, summed, and how many have filed them whole (the completion page's rule, in the same SQL).
    db
      .select({
        filed: sql<number>`coalesce(sum(${filingStatusSql} = 'filed'), 0)`,
        incomplete: sql<number>`coalesce(sum(${filingStatusSql} = 'incomplete'), 0)`,
        ...figureSums(),
      })
      .from(enterpriseYearlyFigures)
      .innerJoin(enterprises, eq(enterprises.id, enterpriseYearlyFigures.enterpriseId))
      .where(and(eq(enterpriseYearlyFigures.year, p.year), coveredEnterprise)),
  ] as const;
}

/** The report's figures summed over the zone (null where no enterprise gave one). */
function figureSums() {
  const f = enterpriseYearlyFigures;
  const total = (c: SQLiteColumn) => sql<number | null>`sum(${c})`;
  return {
    revenueFen: total(f.revenueFen),
    rdExpenseFen: total(f.rdExpenseFen),
    taxPaidFen: total(f.taxPaidFen),
    exportsFen: total(f.exportsFen),
    employees: total(f.employees),
    rdStaff: total(f.rdStaff),
    inventionPatentsFiled: total(f.inventionPatentsFiled),
    inventionPatentsGranted: total(f.inventionPatentsGranted),
    validInventionPatents: total(f.validInventionPatents),
  };
}

/** What the batch answers: each query's rows, in order. */
type Answered<T extends readonly unknown[]> = { -readonly [K in keyof T]: Awaited<T[K]> };
export type StatisticsRows = Answered<ReturnType<typeof statisticsQueries>>;
