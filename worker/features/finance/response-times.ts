/**
 * Response times: an application not accepted or declined by its accept-by day,
 * or not decided by its decide-by day, is flagged overdue to the bank's staff once
 * (escalated_at), and escalated to the zone admins once (admin_escalated_at) when the
 * zone's finance.escalation.afterWorkingDays working days after that day have passed
 * with it still not acted on — in the same run as the bank's notice when that is 0, as
 * before the setting existed. Run by the scheduled job (Workers cron, Node timer). Zone
 * statistics: needs posted and met, amounts approved and disbursed, and each bank's
 * response times in working days (national calendar plus the zone's additions, see calendarOf).
 */
import { and, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { ZoneConfig } from "../../../tenants/schema";
import { onlyIfChanged } from "../../db/only-if-changed";
import { banks, financingNeeds, loanApplications, loanEvents, users, type LoanApplicationRow } from "../../db/schema";
import { addDays, lastOfWorkingDays, workingDaysBetween, type WorkCalendar } from "../../lib/working-days";
import { outboxInsert } from "../outbox/enqueue-message";
import { shanghaiDate } from "../../lib/calendar";
import { calendarOf } from "../../lib/calendar";
import type { RequestCtx } from "../../middleware/request-ctx";
import type { FinanceStatistics } from "../../../web/pages/finance/rows";
import { numberLine } from "./loan-applications";

/**
 * The first day the zone admins are told of an application due on `due`: the day after the
 * `after`-th working day after it (after 2, due Monday: Tuesday and Wednesday pass, Thursday).
 * With 0, the day after `due`, when the bank is told.
 */
export function escalationDay(due: string, after: number, cal: WorkCalendar): string {
  return after === 0 ? addDays(due, 1) : addDays(lastOfWorkingDays(addDays(due, 1), after, cal), 1);
}

/** The column as read: NULL or the value, so a run that lost the race to another changes nothing. */
const asRead = (col: SQLiteColumn, value: number | null): SQL => (value === null ? isNull(col) : eq(col, value));

/**
 * The zone admins' escalation belongs to the current flag: the bank clears escalated_at when it acts
 * (act-on-loan.ts), so a later due day flags again and escalates again; done while at or after the flag.
 */
const adminPending = (a: Pick<LoanApplicationRow, "escalatedAt" | "adminEscalatedAt">) =>
  a.escalatedAt === null || a.adminEscalatedAt === null || a.adminEscalatedAt < a.escalatedAt;

export async function flagOverdueLoans({
  db,
  zone,
  now,
  origin,
}: Pick<RequestCtx, "db" | "zone" | "now" | "origin">): Promise<number> {
  const today = shanghaiDate(now);
  const candidates = await db
    .select()
    .from(loanApplications)
    .where(
      and(
        or(
          isNull(loanApplications.escalatedAt),
          isNull(loanApplications.adminEscalatedAt),
          lt(loanApplications.adminEscalatedAt, loanApplications.escalatedAt),
        ),
        or(
          and(eq(loanApplications.status, "submitted"), lt(loanApplications.acceptDueOn, today)),
          and(eq(loanApplications.status, "accepted"), lt(loanApplications.decideDueOn, today)),
        ),
      ),
    );
  const after = zone.finance.escalation.afterWorkingDays;
  const cal = calendarOf(zone);
  const due = candidates
    .map((app) => {
      const day = app.status === "submitted" ? app.acceptDueOn : app.decideDueOn!;
      const escalate = adminPending(app) && today >= escalationDay(day, after, cal);
      return { app, flag: app.escalatedAt === null, escalate };
    })
    .filter((x) => x.flag || x.escalate);
  if (!due.length) return 0;
  const admins = due.some((x) => x.escalate)
    ? await db
        .select({ email: users.email })
        .from(users)
        .where(and(eq(users.role, "zone_admin"), eq(users.status, "active")))
    : [];
  let changed = 0;
  for (const { app, flag, escalate } of due) {
    if (await noticeOverdue({ db, zone, now, origin, app, flag, escalate, after, admins })) changed++;
  }
  return changed;
}

/**
 * One application's notices, in one batch: the columns set only if still as read (and the
 * revision unchanged: the bank did not act meanwhile), the events and mails only if they were.
 */
async function noticeOverdue({
  db,
  zone,
  now,
  origin,
  app,
  flag,
  escalate,
  after,
  admins,
}: Pick<RequestCtx, "db" | "now" | "origin"> & {
  zone: ZoneConfig;
  app: LoanApplicationRow;
  flag: boolean;
  escalate: boolean;
  after: number;
  admins: { email: string }[];
}): Promise<boolean> {
  const bankers = flag
    ? await db
        .select({ email: users.email })
        .from(users)
        .where(and(eq(users.bankId, app.bankId), eq(users.status, "active")))
    : [];
  const what =
    app.status === "submitted" ? `受理或拒绝(应于 ${app.acceptDueOn} 前)` : `授信决定(应于 ${app.decideDueOn} 前)`;
  const t = now.getTime();
  const event = (action: string, note: string) =>
    onlyIfChanged(db, db.insert(loanEvents).values({ applicationId: app.id, at: t, actor: "system", action, note }));
  const mail = (recipient: string, subject: string, body: string, kind: string) =>
    onlyIfChanged(db, outboxInsert(db, { channel: "email", recipient, subject, body, kind }, now));
  // Told together (0 days, or a run that catches up), the admins get the bank's notice, as before the
  // setting — but with their own link: /bank/loans/* is the bank's and answers a zone admin 403.
  const overdueMail = (email: string, link: string) =>
    mail(
      email,
      `【${zone.shortName.zh}】贷款申请超时未办理`,
      `${numberLine(zone, app)}一笔贷款申请超时未${what}。\n\n${origin}${link}`,
      "loan_overdue",
    );
  const late = after > 0 ? `超过时限 ${after} 个工作日仍未${what}` : `超时未${what}`;
  const [rows] = (await db.batch([
    db
      .update(loanApplications)
      .set({ ...(flag ? { escalatedAt: t } : {}), ...(escalate ? { adminEscalatedAt: t } : {}) })
      .where(
        and(
          eq(loanApplications.id, app.id),
          eq(loanApplications.revision, app.revision),
          inArray(loanApplications.status, ["submitted", "accepted"]),
          asRead(loanApplications.escalatedAt, app.escalatedAt),
          asRead(loanApplications.adminEscalatedAt, app.adminEscalatedAt),
        ),
      )
      .returning({ id: loanApplications.id }),
    ...(flag ? [event("overdue", `超时未${what}${escalate ? ",已同时上报园区管理员" : ""}`)] : []),
    ...(escalate && !flag ? [event("escalated", `${late},已上报园区管理员`)] : []),
    ...bankers.map((u) => overdueMail(u.email, `/bank/loans/${app.id}`)),
    ...(escalate
      ? admins.map((u) =>
          flag
            ? overdueMail(u.email, "/admin/finance")
            : mail(
                u.email,
                `【${zone.shortName.zh}】贷款申请逾期未办理,已上报园区`,
                `${numberLine(zone, app)}一笔贷款申请${late},银行已收到超时提醒。` +
                  `各银行的超时笔数见金融超市统计:\n\n${origin}/admin/finance`,
                "loan_escalated",
              ),
        )
      : []),
  ])) as unknown as [{ id: string }[]];
  return rows.length > 0;
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
