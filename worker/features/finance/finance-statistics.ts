/**
 * The zone's 金融超市 statistics (the admin page and API): needs posted and met, amounts approved
 * and disbursed, and each bank's response times in working days (national calendar plus the
 * zone's additions, see calendarOf).
 */
import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { banks, financingNeeds, loanApplications } from "../../db/schema";
import { calendarOf } from "../../lib/calendar";
import { workingDaysBetween } from "../../lib/working-days";
import type { RequestCtx } from "../../middleware/request-ctx";
import type { FinanceStatistics } from "../../../web/pages/finance/rows";

/** A moment (epoch ms) as its day in Asia/Shanghai, in SQL: UTC+8 all year, as shanghaiDate says. */
const dayOf = (ms: SQL | SQLiteColumn) => sql<string>`date(${ms} / 1000 + 28800, 'unixepoch')`;

/**
 * The zone's finance statistics, aggregated in SQL in one batch: a zone's thousands of loans are
 * never shipped to the Worker. Response times need the working-day calendar (JS), so those come as
 * (bank, from day, to day, count) groups, far fewer than the loans, and are averaged here.
 */
export async function financeStatistics({ db, zone }: Pick<RequestCtx, "db" | "zone">): Promise<FinanceStatistics> {
  const la = loanApplications;
  const approved = inArray(la.status, ["approved", "disbursed"]);
  const dayPairs = (to: SQL, where: SQL | undefined) =>
    db
      .select({ bankId: la.bankId, from: dayOf(la.submittedAt), to: dayOf(to), n: sql<number>`count(*)` })
      .from(la)
      .where(where)
      .groupBy(la.bankId, dayOf(la.submittedAt), dayOf(to));
  const [needs, perBankRows, responded, decided, bankRows] = await db.batch([
    db
      .select({
        status: financingNeeds.status,
        n: sql<number>`count(*)`,
        amountFen: sql<number>`coalesce(sum(${financingNeeds.amountFen}), 0)`,
      })
      .from(financingNeeds)
      .groupBy(financingNeeds.status),
    db
      .select({
        bankId: la.bankId,
        applications: sql<number>`count(*)`,
        approved: sql<number>`coalesce(sum(${approved}), 0)`,
        declined: sql<number>`coalesce(sum(${eq(la.status, "declined")}), 0)`,
        overdue: sql<number>`coalesce(sum(${la.escalatedAt} is not null), 0)`,
        pending: sql<number>`coalesce(sum(${inArray(la.status, ["submitted", "accepted"])}), 0)`,
        approvedFen: sql<number>`coalesce(sum(case when ${approved} then ${la.approvedAmountFen} end), 0)`,
        disbursedFen: sql<number>`coalesce(sum(${la.disbursedAmountFen}), 0)`,
        latestDueOn: sql<string | null>`max(case ${la.status} when 'submitted' then ${la.acceptDueOn}
          when 'accepted' then ${la.decideDueOn} end)`,
      })
      .from(la)
      .groupBy(la.bankId),
    dayPairs(
      sql`coalesce(${la.acceptedAt}, ${la.decidedAt})`,
      or(sql`${la.acceptedAt} is not null`, and(eq(la.status, "declined"), sql`${la.decidedAt} is not null`)),
    ),
    dayPairs(sql`${la.decidedAt}`, sql`${la.decidedAt} is not null`),
    db.select({ id: banks.id, name: banks.name }).from(banks),
  ]);
  const cal = calendarOf(zone);
  type Pair = { bankId: string; from: string; to: string; n: number };
  const avgDays = (pairs: Pair[], bankId: string) => {
    const mine = pairs.filter((p) => p.bankId === bankId);
    const n = mine.reduce((a, p) => a + Number(p.n), 0);
    if (n === 0) return null;
    const days = mine.reduce((a, p) => a + workingDaysBetween(p.from, p.to, cal) * Number(p.n), 0);
    return Number((days / n).toFixed(1));
  };
  const perBank = new Map(perBankRows.map((r) => [r.bankId, r]));
  const total = (k: "applications" | "pending" | "approvedFen" | "disbursedFen") =>
    perBankRows.reduce((a, r) => a + Number(r[k]), 0);
  const count = (s: string) => Number(needs.find((n) => n.status === s)?.n ?? 0);
  return {
    needs: {
      posted: needs.reduce((n, r) => n + Number(r.n), 0),
      open: count("open"),
      met: count("met"),
      closed: count("closed"),
      amountPostedFen: needs.reduce((n, r) => n + Number(r.amountFen), 0),
    },
    loans: {
      applications: total("applications"),
      approvedFen: total("approvedFen"),
      disbursedFen: total("disbursedFen"),
      pending: total("pending"),
      /**
       * The latest day a pending application must be answered by: staff are told when it falls in a year not yet
       * announced.
       */
      latestDueOn: perBankRows.reduce<string | null>(
        (m, r) => (r.latestDueOn !== null && (m === null || r.latestDueOn > m) ? r.latestDueOn : m),
        null,
      ),
    },
    banks: bankRows.map((b) => {
      const r = perBank.get(b.id);
      return {
        bankId: b.id,
        bank: b.name,
        applications: Number(r?.applications ?? 0),
        approved: Number(r?.approved ?? 0),
        declined: Number(r?.declined ?? 0),
        overdue: Number(r?.overdue ?? 0),
        avgDaysToRespond: avgDays(responded, b.id),
        avgDaysToDecide: avgDays(decided, b.id),
      };
    }),
  };
}
