/**
 * The zone admin closes an open window: members are no longer asked and reminders stop; the figures
 * stay, and the year can be opened again. Guarded: a second close (another admin) is a 409.
 */
import { and, eq } from "drizzle-orm";
import { reportWindows } from "../../db/schema";
import { onlyIfChanged } from "../../db/only-if-changed";
import { AppError } from "../../lib/errors";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { auditInsert } from "../audit/audit";

export async function closeReportWindow(o: { ctx: RequestCtx<Actor>; year: number }) {
  const { ctx, year } = o;
  const { db, now, actor } = ctx;
  const [rows, , [found]] = await db.batch([
    db
      .update(reportWindows)
      .set({ status: "closed", closedAt: now.getTime(), closedBy: actor.id })
      .where(and(eq(reportWindows.year, year), eq(reportWindows.status, "open")))
      .returning(),
    onlyIfChanged(
      db,
      auditInsert(
        db,
        {
          actorId: actor.id,
          actor: actor.email,
          action: "report.window_closed",
          target: String(year),
          result: "ok",
          ip: ctx.ip,
          detail: { year },
        },
        now,
      ),
    ),
    // Read after the write: why nothing changed, when nothing did.
    db.select({ status: reportWindows.status }).from(reportWindows).where(eq(reportWindows.year, year)).limit(1),
  ]);
  if (rows[0]) return rows[0];
  if (!found) throw new AppError("not_found", `还没有开启 ${year} 年度报表。`);
  throw new AppError("conflict", `${year} 年度报表已经截止收集。`);
}
