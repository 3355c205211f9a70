/**
 * The zone admin opens the yearly report for a year with its due date. One row per year: a closed
 * year opens again (with the new due date), an open one is refused; the write itself is guarded, so
 * two admins opening the same year at once leave one window and one audit row.
 */
import { eq, sql } from "drizzle-orm";
import { reportWindows } from "../../db/schema";
import { onlyIfChanged } from "../../db/only-if-changed";
import { shanghaiDate } from "../../lib/calendar";
import { formatDateZh } from "../../../web/format";
import { AppError } from "../../lib/errors";
import { auditInsert } from "../audit/audit";
import { FIRST_YEAR } from "../enterprises/schemas";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";

/** How far ahead a due date may be set: a year's report is collected within the next year. */
const MAX_DAYS_AHEAD = 400;

export async function openReportWindow(o: { ctx: RequestCtx<Actor>; year: number; dueOn: string }) {
  const { ctx, year, dueOn } = o;
  const { db, now, actor } = ctx;
  const today = shanghaiDate(now);
  const thisYear = Number(today.slice(0, 4));
  if (year < FIRST_YEAR || year > thisYear)
    throw new AppError("validation_failed", `年度应在 ${FIRST_YEAR} 到 ${thisYear} 年之间。`, {
      year: `请填写 ${FIRST_YEAR}–${thisYear} 之间的年度`,
    });
  const latest = new Date(Date.parse(`${today}T00:00:00Z`) + MAX_DAYS_AHEAD * 86_400_000).toISOString().slice(0, 10);
  if (dueOn < today || dueOn > latest)
    throw new AppError("validation_failed", "截止日期应在今天到 400 天之内。", {
      dueOn: `请填写 ${today} 到 ${latest} 之间的日期`,
    });

  const [existing] = await db.select().from(reportWindows).where(eq(reportWindows.year, year)).limit(1);
  if (existing?.status === "open")
    throw new AppError("conflict", `${year} 年度报表已在收集中(截止 ${formatDateZh(existing.dueOn)}),不能重复开启。`);

  const t = now.getTime();
  const [rows] = await db.batch([
    db
      .insert(reportWindows)
      .values({ year, dueOn, status: "open", openedAt: t, openedBy: actor.id })
      .onConflictDoUpdate({
        target: reportWindows.year,
        set: {
          dueOn,
          status: "open",
          openedAt: t,
          openedBy: actor.id,
          closedAt: null,
          closedBy: null,
          remindedOn: null,
        },
        // Only a closed window opens again: an open one (a concurrent opening) stays as it is.
        setWhere: sql`${reportWindows.status} = 'closed'`,
      })
      .returning(),
    onlyIfChanged(
      db,
      auditInsert(
        db,
        {
          actorId: actor.id,
          actor: actor.email,
          action: existing ? "report.window_reopened" : "report.window_opened",
          target: String(year),
          result: "ok",
          ip: ctx.ip,
          detail: { year, dueOn },
        },
        now,
      ),
    ),
  ]);
  const row = rows[0];
  if (!row) throw new AppError("conflict", `${year} 年度报表刚被他人开启,请刷新后查看。`);
  return row;
}
