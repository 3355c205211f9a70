/**
 * Response times: an application not accepted or declined by its accept-by day,
 * or not decided by its decide-by day, is flagged overdue to the bank's staff once
 * (escalated_at), and escalated to the zone admins once (admin_escalated_at) when the
 * zone's finance.escalation.afterWorkingDays working days after that day have passed
 * with it still not acted on — in the same run as the bank's notice when that is 0, as
 * before the setting existed. Run by the scheduled job (Workers cron, Node timer), a bounded chunk
 * (OVERDUE_CHUNK) per run, in two round trips whatever the zone's size, each half of its
 * read on its own due-day index (migration 0014). The statistics: ./finance-statistics.ts.
 */
import { and, eq, getTableColumns, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { ZoneConfig } from "../../../tenants/schema";
import { CHAINED, onlyIfChanged } from "../../db/only-if-changed";
import { banks, enterprises, loanApplications, loanEvents, users, type LoanApplicationRow } from "../../db/schema";
import { addDays, lastOfWorkingDays, type WorkCalendar } from "../../lib/working-days";
import { noticeStatements, type NoticeGroup } from "../notices/write-notices";
import { calendarOf, shanghaiDate } from "../../lib/calendar";
import type { RequestCtx } from "../../middleware/request-ctx";
import { numberLine } from "./loan-applications";
import { escalatedLoanNotice } from "./loan-notices";

/** An application as the run reads it: with the names its notices give. */
type OverdueRow = LoanApplicationRow & { bankName: string; enterpriseName: string };

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

/** SQLite's order for ASCII text (the due days and ids), which localeCompare need not follow. */
const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Applications handled per run: the rest (a backlog after an outage) are the next minute's. */
export const OVERDUE_CHUNK = 200;

/**
 * One bounded chunk per run: the applications that need a notice today, with their bank's and
 * enterprise's names, in one batch (the filter is SQL, so every row read is acted on, and each one
 * leaves the set once noticed: the next run takes the next ones, no cursor needed), then every
 * application's guarded notices in one batch — the bank's staff (`loan_overdue`) and the zone admins
 * (`loan_escalated`) chosen in SQL as they are written. Returns how many were flagged or escalated.
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
  // Two halves, one per status, each walking its index (status, due day, id) and stopping at `limit`: an OR across
  // the two due columns would read every application. The run takes the first `limit` of both by due day, then id.
  // The names are subqueries on primary keys, per row read, so they do not change the walk. Who is told is
  // chosen in SQL when the notices are written (write-notices.ts), not read here.
  const half = (status: "submitted" | "accepted", dueOn: SQLiteColumn) =>
    db
      .select({
        ...getTableColumns(la),
        bankName: sql<string>`coalesce((select ${banks.name} from ${banks} where ${banks.id} = ${la.bankId}), '')`,
        enterpriseName: sql<string>`coalesce((select ${enterprises.name} from ${enterprises}
          where ${enterprises.id} = ${la.enterpriseId}), '')`,
      })
      .from(la)
      .where(notice(status, dueOn))
      .orderBy(dueOn, la.id)
      .limit(limit);
  const [toAccept, toDecide] = await db.batch([half("submitted", la.acceptDueOn), half("accepted", la.decideDueOn)]);
  const dueDay = (a: LoanApplicationRow) => (a.status === "submitted" ? a.acceptDueOn : a.decideDueOn!);
  const candidates = [...toAccept, ...toDecide]
    .sort((x, y) => byText(dueDay(x), dueDay(y)) || byText(x.id, y.id))
    .slice(0, limit);
  const work = candidates
    .map((app) => {
      const day = dueDay(app);
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
}: Pick<RequestCtx, "db" | "now" | "origin"> & {
  zone: ZoneConfig;
  app: OverdueRow;
  flag: boolean;
  escalate: boolean;
  after: number;
}) {
  const what =
    app.status === "submitted" ? `受理或拒绝(应于 ${app.acceptDueOn} 前)` : `授信决定(应于 ${app.decideDueOn} 前)`;
  const t = now.getTime();
  const event = (action: string, note: string) =>
    onlyIfChanged(db, db.insert(loanEvents).values({ applicationId: app.id, at: t, actor: "system", action, note }));
  // Told together (0 days, or a run that catches up), the admins' mail is the bank's, as before the
  // setting — but with their own link: /bank/loans/* is the bank's and answers a zone admin 403.
  const overdueSubject = `【${zone.shortName.zh}】贷款申请超时未办理`;
  const overdueBody = (link: string) => `${numberLine(zone, app)}一笔贷款申请超时未${what}。\n\n${origin}${link}`;
  const late = after > 0 ? `超过时限 ${after} 个工作日仍未${what}` : `超时未${what}`;
  const groups: NoticeGroup[] = [];
  if (flag)
    groups.push({
      recipients: and(eq(users.role, "bank"), eq(users.bankId, app.bankId))!,
      kind: "loan_overdue",
      title: "贷款申请超时未办理",
      body: `一笔贷款申请超时未${what},请尽快办理。`,
      link: `/bank/loans/${app.id}`,
      deliver: {
        subject: overdueSubject,
        mail: overdueBody(`/bank/loans/${app.id}`),
        sms: `【${zone.shortName.zh}】一笔贷款申请超时未${what},请尽快办理:${origin}/bank/loans/${app.id}`,
      },
    });
  if (escalate)
    groups.push(
      escalatedLoanNotice({
        zone,
        origin,
        app,
        bankName: app.bankName,
        enterpriseName: app.enterpriseName,
        late,
        withBank: flag,
        mail: flag
          ? { subject: overdueSubject, body: overdueBody("/admin/finance") }
          : {
              subject: `【${zone.shortName.zh}】贷款申请逾期未办理,已上报园区`,
              body:
                `${numberLine(zone, app)}一笔贷款申请${late},银行已收到超时提醒。` +
                `各银行的超时笔数见金融超市统计:\n\n${origin}/admin/finance`,
            },
      }),
    );
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
    // The bank's staff and the zone admins (found in SQL): their 消息中心, and mail or SMS as each chose;
    // last, as a multi-row insert ends a chain. The next application's statements start with their own UPDATE.
    ...noticeStatements(db, { now, guard: CHAINED, groups }),
  ];
}
