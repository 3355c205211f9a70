/**
 * Response times: an application not accepted or declined by its accept-by day,
 * or not decided by its decide-by day, is flagged overdue once — to the bank's
 * staff, and escalated to the zone admins — by the scheduled job (Workers cron,
 * Node timer). Zone statistics: needs posted and met, amounts approved and
 * disbursed, and each bank's response times in working days (national
 * calendar plus the zone's additions, see calendarOf).
 */
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { onlyIfChanged } from "../../db/only-if-changed";
import { banks, financingNeeds, loanApplications, loanEvents, users } from "../../db/schema";
import { workingDaysBetween } from "../../lib/working-days";
import { outboxInsert } from "../outbox/enqueue-message";
import { shanghaiDate } from "../../lib/calendar";
import { calendarOf } from "../../lib/calendar";
import type { RequestCtx } from "../../middleware/request-ctx";
import type { FinanceStatistics } from "../../../web/pages/finance/rows";
import { numberLine } from "./loan-applications";

export async function flagOverdueLoans({
  db,
  zone,
  now,
  origin,
}: Pick<RequestCtx, "db" | "zone" | "now" | "origin">): Promise<number> {
  const today = shanghaiDate(now);
  const overdue = await db
    .select()
    .from(loanApplications)
    .where(
      and(
        isNull(loanApplications.escalatedAt),
        or(
          and(eq(loanApplications.status, "submitted"), lt(loanApplications.acceptDueOn, today)),
          and(eq(loanApplications.status, "accepted"), lt(loanApplications.decideDueOn, today)),
        ),
      ),
    );
  if (!overdue.length) return 0;
  const admins = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.role, "zone_admin"), eq(users.status, "active")));
  let flagged = 0;
  for (const app of overdue) {
    const bankers = await db
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.bankId, app.bankId), eq(users.status, "active")));
    const what =
      app.status === "submitted" ? `受理或拒绝(应于 ${app.acceptDueOn} 前)` : `授信决定(应于 ${app.decideDueOn} 前)`;
    const [rows] = (await db.batch([
      db
        .update(loanApplications)
        .set({ escalatedAt: now.getTime() })
        .where(
          and(
            eq(loanApplications.id, app.id),
            isNull(loanApplications.escalatedAt),
            eq(loanApplications.revision, app.revision),
          ),
        )
        .returning({ id: loanApplications.id }),
      onlyIfChanged(
        db,
        db.insert(loanEvents).values({
          applicationId: app.id,
          at: now.getTime(),
          actor: "system",
          action: "overdue",
          note: `超时未${what}`,
        }),
      ),
      ...[...bankers, ...admins].map((u) =>
        onlyIfChanged(
          db,
          outboxInsert(
            db,
            {
              channel: "email",
              recipient: u.email,
              subject: `【${zone.shortName.zh}】贷款申请超时未办理`,
              body: `${numberLine(zone, app)}一笔贷款申请超时未${what}。\n\n${origin}/bank/loans/${app.id}`,
              kind: "loan_overdue",
            },
            now,
          ),
        ),
      ),
    ])) as unknown as [{ id: string }[]];
    if (rows.length) flagged++;
  }
  return flagged;
}

export async function financeStatistics({ db, zone }: Pick<RequestCtx, "db" | "zone">): Promise<FinanceStatistics> {
  const [needs, loans, bankRows] = await db.batch([
    db
      .select({
        status: financingNeeds.status,
        n: sql<number>`count(*)`,
        amountFen: sql<number>`coalesce(sum(${financingNeeds.amountFen}), 0)`,
      })
      .from(financingNeeds)
      .groupBy(financingNeeds.status),
    db.select().from(loanApplications),
    db.select({ id: banks.id, name: banks.name }).from(banks),
  ]);
  const cal = calendarOf(zone);
  const day = (ms: number) => shanghaiDate(new Date(ms));
  const avg = (xs: number[]) => (xs.length ? Number((xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1)) : null);
  const perBank = bankRows.map((b) => {
    const mine = loans.filter((l) => l.bankId === b.id);
    const firstResponse = mine
      .filter((l) => l.acceptedAt !== null || (l.status === "declined" && l.decidedAt !== null))
      .map((l) => workingDaysBetween(day(l.submittedAt), day(l.acceptedAt ?? l.decidedAt!), cal));
    const decision = mine
      .filter((l) => l.decidedAt !== null)
      .map((l) => workingDaysBetween(day(l.submittedAt), day(l.decidedAt!), cal));
    return {
      bankId: b.id,
      bank: b.name,
      applications: mine.length,
      approved: mine.filter((l) => l.status === "approved" || l.status === "disbursed").length,
      declined: mine.filter((l) => l.status === "declined").length,
      overdue: mine.filter((l) => l.escalatedAt !== null).length,
      avgDaysToRespond: avg(firstResponse),
      avgDaysToDecide: avg(decision),
    };
  });
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
      applications: loans.length,
      approvedFen: loans
        .filter((l) => l.approvedAmountFen !== null && (l.status === "approved" || l.status === "disbursed"))
        .reduce((n, l) => n + (l.approvedAmountFen ?? 0), 0),
      disbursedFen: loans.reduce((n, l) => n + (l.disbursedAmountFen ?? 0), 0),
      pending: loans.filter((l) => l.status === "submitted" || l.status === "accepted").length,
      /**
       * The latest day a pending application must be answered by: staff are told when it falls in a year not yet
       * announced.
       */
      latestDueOn: loans
        .map((l) => (l.status === "submitted" ? l.acceptDueOn : l.status === "accepted" ? l.decideDueOn : null))
        .reduce<string | null>((m, d) => (d !== null && (m === null || d > m) ? d : m), null),
    },
    banks: perBank,
  };
}
