/**
 * Turns the 数据看板's aggregate rows (statistics-queries.ts) into the figures (schemas.ts). Pure: no
 * I/O, so every definition is tested on plain rows (summarise-statistics.test.ts). What counts:
 * - enterprises: in the directory (any status) admitted before the period's end; `new` admitted in it.
 * - onboarding: 申请入驻 submitted in the period, by where each stands now; days to decide from
 *   submission to the decision, over those of them decided.
 * - subsidies: applications first submitted in the period, by where each stands now; awarded: the
 *   amounts of applications approved (decided) in the period; paid: the ledger's payments dated in it;
 *   days per stage over the zone's whole history (the kept sums hold no dates).
 * - finance: needs posted and loan applications submitted in the period, by where each stands now;
 *   response days in the zone's working days (national calendar plus the zone's additions).
 * - reach: 免申即享 mails sent in the period; applications that followed one (see the query).
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { LOAN_STATUSES, type LoanStatus } from "../../db/schema";
import type { WorkCalendar } from "../../lib/working-days";
import { workingDaysBetween } from "../../lib/working-days";
import { LOAN_STATUS_ZH } from "../../../web/labels/finance";
import { STATUS_ZH } from "../../../web/labels/subsidies";
import type { StatisticsPeriod } from "./period";
import type { Statistics } from "./schemas";
import type { StatisticsRows } from "./statistics-queries";

/** What the policy in force says of programmes: titles (a retired one has a neutral name) and annual budgets. */
export interface ProgrammeNames {
  title(id: string): string;
  budgetFen(id: string): number | null;
  /** The programmes in force, in the policy's order: listed even with nothing yet. */
  ids: string[];
}

export interface SummariseInput {
  rows: StatisticsRows;
  period: StatisticsPeriod;
  zone: Pick<ZoneConfig, "priorityIndustries" | "qualifications" | "subsidy" | "finance">;
  calendar: WorkCalendar;
  programmes: ProgrammeNames;
}

const num = (v: unknown) => Number(v ?? 0);
/** A sum SQL gives as null when no row had the figure: kept null ("not reported"), not 0. */
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

type ReportRow = StatisticsRows[14][number] | undefined;

/** The yearly report's figures for `year`, summed over the enterprises the report covers. */
function yearlyReportOf(year: number, r: ReportRow): Statistics["yearlyReport"] {
  return {
    year,
    filed: num(r?.filed),
    incomplete: num(r?.incomplete),
    revenueFen: numOrNull(r?.revenueFen),
    rdExpenseFen: numOrNull(r?.rdExpenseFen),
    taxPaidFen: numOrNull(r?.taxPaidFen),
    exportsFen: numOrNull(r?.exportsFen),
    employees: numOrNull(r?.employees),
    rdStaff: numOrNull(r?.rdStaff),
    inventionPatentsFiled: numOrNull(r?.inventionPatentsFiled),
    inventionPatentsGranted: numOrNull(r?.inventionPatentsGranted),
    validInventionPatents: numOrNull(r?.validInventionPatents),
  };
}
const sum = <T>(xs: readonly T[], f: (x: T) => unknown) => xs.reduce((a, x) => a + num(f(x)), 0);
const oneDecimal = (v: number) => Number(v.toFixed(1));
/** The statuses after review, in the order a reader follows an application. */
const AFTER_REVIEW = ["returned", "awarded", "paid", "rejected", "withdrawn"] as const;

export function summariseStatistics({ rows, period, zone, calendar, programmes }: SummariseInput): Statistics {
  const [industries, quals, onboarding, subsidyGroups, awards, payments, stageTimes, needs, loans] = rows;
  const [, , , , , , , , , responded, decided, bankRows, [sent], [followed], [report]] = rows;
  const industryZh = new Map(zone.priorityIndustries.map((i) => [i.code, i.zh]));
  const onb = (s: string) => num(onboarding.find((r) => r.status === s)?.n);
  const decidedN = sum(onboarding, (r) => r.decided);

  const byStage: Statistics["subsidies"]["byStage"] = [];
  const groupOf = (keep: (g: (typeof subsidyGroups)[number]) => boolean) => {
    const mine = subsidyGroups.filter(keep);
    const per = new Map<string, number>();
    for (const g of mine) per.set(g.programmeId, (per.get(g.programmeId) ?? 0) + num(g.n));
    return { n: sum(mine, (g) => g.n), byProgramme: [...per].map(([programmeId, n]) => ({ programmeId, n })) };
  };
  for (const s of zone.subsidy.stages)
    byStage.push({
      status: "in_review",
      stage: s.key,
      zh: s.zh,
      ...groupOf((g) => g.status === "in_review" && g.stage === s.key),
    });
  // In review at a stage the zone has since removed: still counted, never lost from the total.
  const known = new Set(zone.subsidy.stages.map((s) => s.key));
  const orphan = groupOf((g) => g.status === "in_review" && !known.has(g.stage ?? ""));
  if (orphan.n) byStage.push({ status: "in_review", stage: null, zh: "审核中(已调整的环节)", ...orphan });
  for (const st of AFTER_REVIEW)
    byStage.push({ status: st, stage: null, zh: STATUS_ZH[st], ...groupOf((g) => g.status === st) });

  const programmeIds = [
    ...new Set([
      ...programmes.ids,
      ...subsidyGroups.map((g) => g.programmeId),
      ...awards.map((a) => a.programmeId),
      ...payments.map((p) => p.programmeId),
    ]),
  ];
  const byProgramme = programmeIds.map((id) => ({
    programmeId: id,
    title: programmes.title(id),
    applications: sum(
      subsidyGroups.filter((g) => g.programmeId === id),
      (g) => g.n,
    ),
    awardedFen: sum(
      awards.filter((a) => a.programmeId === id),
      (a) => a.awardedFen,
    ),
    paidFen: sum(
      payments.filter((p) => p.programmeId === id),
      (p) => p.paidFen,
    ),
    budgetFen: programmes.budgetFen(id),
  }));
  const budgets = byProgramme.map((p) => p.budgetFen).filter((b): b is number => b !== null);
  const times = new Map(stageTimes.map((t) => [t.stage, t]));

  type Pair = { bankId: string; from: string; to: string; n: number };
  const avgDays = (pairs: readonly Pair[]) => {
    const total = sum(pairs, (p) => p.n);
    if (!total) return null;
    return oneDecimal(sum(pairs, (p) => workingDaysBetween(p.from, p.to, calendar) * num(p.n)) / total);
  };
  const sla = zone.finance;
  const answered = sum(responded, (p) => p.n);
  const inTime = sum(
    responded.filter((p) => workingDaysBetween(p.from, p.to, calendar) <= sla.acceptWorkingDays),
    (p) => p.n,
  );
  const loansOf = (bankId: string | null, statuses?: readonly LoanStatus[]) =>
    loans.filter((l) => (bankId === null || l.bankId === bankId) && (!statuses || statuses.includes(l.status)));
  const needN = (s: string) => num(needs.find((r) => r.status === s)?.n);

  return {
    year: period.year,
    quarter: period.quarter,
    period: { from: period.from, to: period.to },
    enterprises: {
      total: sum(industries, (r) => r.n),
      new: sum(industries, (r) => r.new),
      byIndustry: [
        ...zone.priorityIndustries.map((i) => ({
          key: i.code,
          zh: i.zh,
          n: num(industries.find((r) => r.industry === i.code)?.n),
        })),
        ...industries
          .filter((r) => !industryZh.has(r.industry ?? ""))
          .map((r) => ({ key: r.industry ?? "", zh: r.industry ? `其他(${r.industry})` : "未填写", n: num(r.n) })),
      ],
      byQualification: zone.qualifications.map((q) => ({
        key: q.code,
        zh: q.zh,
        n: num(quals.find((r) => r.code === q.code)?.n),
      })),
    },
    onboarding: {
      received: sum(onboarding, (r) => r.n),
      approved: onb("approved"),
      returned: onb("returned"),
      rejected: onb("rejected"),
      waiting: onb("submitted"),
      averageDaysToDecide: decidedN ? oneDecimal(sum(onboarding, (r) => r.decideMs) / decidedN / 86_400_000) : null,
    },
    subsidies: {
      applications: sum(subsidyGroups, (g) => g.n),
      byStage,
      byProgramme,
      awardedFen: sum(awards, (a) => a.awardedFen),
      paidFen: sum(payments, (p) => p.paidFen),
      budgetFen: budgets.length ? budgets.reduce((a, b) => a + b, 0) : null,
      byMonth: period.months.map((month) => ({
        month,
        awardedFen: sum(
          awards.filter((a) => a.month === month),
          (a) => a.awardedFen,
        ),
        paidFen: sum(
          payments.filter((p) => p.month === month),
          (p) => p.paidFen,
        ),
      })),
      averageDaysPerStage: zone.subsidy.stages.map((s) => {
        const t = times.get(s.key);
        const completed = num(t?.completed);
        return {
          stage: s.key,
          zh: s.zh,
          completed,
          averageDays: completed ? oneDecimal(num(t?.totalMs) / completed / 86_400_000) : null,
        };
      }),
    },
    finance: {
      needsPosted: sum(needs, (r) => r.n),
      needsMet: needN("met"),
      needsOpen: needN("open"),
      loanApplications: {
        total: sum(loans, (l) => l.n),
        byOutcome: LOAN_STATUSES.map((s) => ({
          key: s,
          zh: LOAN_STATUS_ZH[s],
          n: sum(loansOf(null, [s]), (l) => l.n),
        })),
      },
      askedFen: sum(loans, (l) => l.askedFen),
      grantedFen: sum(loans, (l) => l.grantedFen),
      disbursedFen: sum(loans, (l) => l.disbursedFen),
      responseDays: {
        accept: avgDays(responded),
        decide: avgDays(decided),
        slaAccept: sla.acceptWorkingDays,
        slaDecide: sla.decideWorkingDays,
        withinSla: answered ? oneDecimal((inTime / answered) * 100) : null,
      },
      byBank: bankRows.map((b) => ({
        bankId: b.id,
        bank: b.name,
        applications: sum(loansOf(b.id), (l) => l.n),
        approved: sum(loansOf(b.id, ["approved", "disbursed"]), (l) => l.n),
        declined: sum(loansOf(b.id, ["declined"]), (l) => l.n),
        pending: sum(loansOf(b.id, ["submitted", "accepted"]), (l) => l.n),
        overdue: sum(loansOf(b.id), (l) => l.overdue),
        grantedFen: sum(loansOf(b.id), (l) => l.grantedFen),
        disbursedFen: sum(loansOf(b.id), (l) => l.disbursedFen),
        avgDaysToRespond: avgDays(responded.filter((p) => p.bankId === b.id)),
        avgDaysToDecide: avgDays(decided.filter((p) => p.bankId === b.id)),
      })),
    },
    yearlyReport: yearlyReportOf(period.year, report),
    reach: { noticesSent: num(sent?.n), applicationsFollowed: num(followed?.n) },
  };
}
