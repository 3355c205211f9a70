/**
 * The scheduled reminder: on the 7th and the 1st working day before an open window's due date (the
 * zone's working calendar), the members of every covered enterprise that has not filed completely
 * get the 催报 notice and mail. The job runs every minute; the window's `reminded_on` claims the day
 * in the same batch as the chase, so the day's reminder goes out once however often the job runs —
 * and an enterprise staff chased earlier that day is not told twice (the chase's key).
 */
import { and, eq, isNull, ne, or, sql } from "drizzle-orm";
import type { ZoneConfig } from "../../../tenants/schema";
import type { TenantDb } from "../../db/open";
import { reportWindows } from "../../db/schema";
import { CHAINED } from "../../db/only-if-changed";
import { calendarOf, shanghaiDate } from "../../lib/calendar";
import { reminderDays } from "../../lib/yearly-report";
import { chaseStatements } from "./chase-statements";

/** Answers how many enterprises were reminded this run. */
export async function remindUnfiled(o: { db: TenantDb; zone: ZoneConfig; now: Date; origin: string }) {
  const { db, zone, now } = o;
  const today = shanghaiDate(now);
  const open = await db
    .select()
    .from(reportWindows)
    .where(
      and(eq(reportWindows.status, "open"), or(isNull(reportWindows.remindedOn), ne(reportWindows.remindedOn, today))),
    );
  const cal = calendarOf(zone);
  let reminded = 0;
  for (const w of open) {
    if (!reminderDays(w.dueOn, cal).includes(today)) continue;
    // The claim of the day first; the chase runs only if this run made it (CHAINED inside its WHERE).
    const claim = db
      .update(reportWindows)
      .set({ remindedOn: today })
      .where(
        and(
          eq(reportWindows.year, w.year),
          eq(reportWindows.status, "open"),
          or(isNull(reportWindows.remindedOn), ne(reportWindows.remindedOn, today)),
        ),
      );
    const { items } = chaseStatements(db, {
      db,
      zone,
      now,
      origin: o.origin,
      year: w.year,
      dueOn: w.dueOn,
      source: "reminder",
      by: null,
      guard: sql`(${CHAINED})`,
    });
    const [, inserted] = (await db.batch([claim, items[0]!, ...items.slice(1)])) as unknown as [
      unknown,
      { rowsAffected: number },
    ];
    reminded += inserted.rowsAffected;
  }
  return reminded;
}
