/**
 * Response times: an application not accepted or declined by its accept-by day,
 * or not decided by its decide-by day, is flagged overdue to the bank's staff once
 * (escalated_at), and escalated to the zone admins once (admin_escalated_at) when the
 * zone's finance.escalation.afterWorkingDays working days after that day have passed
 * with it still not acted on — in the same run as the bank's notice when that is 0, as
 * before the setting existed. Run by the scheduled job (Workers cron, Node timer), a bounded chunk
 * (OVERDUE_CHUNK) per run, in two round trips whatever the zone's size. Zone
 * statistics: needs posted and met, amounts approved and disbursed, and each bank's
 * response times in working days (national calendar plus the zone's additions, see calendarOf).
 */
import { and, eq, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { ZoneConfig } from "../../../tenants/schema";
import { onlyIfChanged } from "../../db/only-if-changed";
import { banks, financingNeeds, loanApplications, loanEvents, users, type LoanApplicationRow } from "../../db/schema";
import { addDays, lastOfWorkingDays, workingDaysBetween, type WorkCalendar } from "../../lib/working-days";
import { outboxInsert } from "../outbox/enqueue-message";
import { calendarOf, shanghaiDate } from "../../lib/calendar";
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

/**
 * The latest due day whose zone-admin escalation has come by `today`: escalationDay only grows with
 * the due day, so "escalate now" is "due on or before this day", a condition SQL can filter on.
 */
export function lastEscalatableDue(today: string, after: number, cal: WorkCalendar): string {
  let due = addDays(today, -1);
  // Bounded: 30 working days (the setting's maximum) with every holiday lie within a few months.
  for (let i = 0; i < 400 && escalationDay(due, after, cal) > today; i++) due = addDays(due, -1);
  return due;
}

/** Applications handled per run: the rest (a backlog after an outage) are the next minute's. */
export const OVERDUE_CHUNK = 200;

/**
 * One bounded chunk per run: the applications that need a notice today, read with their banks'
 * staff and the zone admins in one batch (the filter is SQL, so every row read is acted on, and
 * each one leaves the set once noticed: the next run takes the next ones, no cursor needed), then
 * every application's guarded notices in one batch. Returns how many were flagged or escalated.
 */
export async function flagOverdueLoans({
  db,
  zone,
  now,
  origin,
  limit = OVERDUE_CHUNK,
}: Pick<RequestCtx, "db" | "zone" | "now" | "origin"> & { limit?: number }): Promise<number> {
  const today = shanghaiDate(now);
  const after = zone.finance.escalation.afterWorkingDays;
  const cal = calendarOf(zone);
  const escalateBy = lastEscalatableDue(today, after, cal);
  const la = loanApplications;
  const notice = (status: "submitted" | "accepted", dueOn: SQLiteColumn) =>
    and(
      eq(la.status, status),
      lt(dueOn, today),
      or(
        isNull(la.escalatedAt),
        and(or(isNull(la.adminEscalatedAt), lt(la.adminEscalatedAt, la.escalatedAt)), lte(dueOn, escalateBy)),
      ),
    );
  const due = or(notice("submitted", la.acceptDueOn), notice("accepted", la.decideDueOn));
  const chunk = db.select({ bankId: la.bankId }).from(la).where(due).orderBy(la.id).limit(limit);
  const [candidates, admins, bankers] = await db.batch([
    db.select().from(la).where(due).orderBy(la.id).limit(limit),
    db
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.role, "zone_admin"), eq(users.status, "active"))),
    db
      .select({ email: users.email, bankId: users.bankId })
      .from(users)
      // Bank staff by role (an index), then their bank: the zone's other users are never read.
      .where(and(eq(users.role, "bank"), inArray(users.bankId, chunk), eq(users.status, "active"))),
  ]);
  const work = candidates
    .map((app) => {
      const day = app.status === "submitted" ? app.acceptDueOn : app.decideDueOn!;
      const escalate = adminPending(app) && today >= escalationDay(day, after, cal);
      return { app, flag: app.escalatedAt === null, escalate };
    })
    .filter((x) => x.flag || x.escalate);
  if (!work.length) return 0;
  const statements = work.map(({ app, flag, escalate }) =>
    noticeOverdue({
      db,
      zone,
      now,
      origin,
      app,
      flag,
      escalate,
      after,
      admins: escalate ? admins : [],
      bankers: flag ? bankers.filter((u) => u.bankId === app.bankId) : [],
    }),
  );
  // Each application's chain starts with its own guarded UPDATE, so one batch holds them all.
  const results = (await db.batch(
    statements.flat() as unknown as Parameters<typeof db.batch>[0],
  )) as unknown as unknown[];
  let at = 0;
  let changed = 0;
  for (const s of statements) {
    if ((results[at] as unknown[]).length > 0) changed++;
    at += s.length;
  }
  return changed;
}

/**
 * One application's notices, for the run's batch: the columns set only if still as read (and the
 * revision unchanged: the bank did not act meanwhile), the events and mails only if they were.
 */
function noticeOverdue({
  db,
  zone,
  now,
  origin,
  app,
  flag,
  escalate,
  after,
  admins,
  bankers,
}: Pick<RequestCtx, "db" | "now" | "origin"> & {
  zone: ZoneConfig;
  app: LoanApplicationRow;
  flag: boolean;
  escalate: boolean;
  after: number;
  admins: { email: string }[];
  bankers: { email: string }[];
}) {
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
  return [
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
  ];
}

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
