/**
 * 催报 by staff (zone_admin): one enterprise, a chosen few, or every covered enterprise that has not
 * filed completely. Refused in Chinese, changing nothing, when the window is not open, when a named
 * enterprise is unknown, filed, without an active member or already chased today (once a day each).
 */
import { eq, inArray, sql } from "drizzle-orm";
import { enterpriseYearlyFigures as f, enterprises, reportChases, reportWindows } from "../../db/schema";
import { insertWhere } from "../../db/only-if-changed";
import { shanghaiDate } from "../../lib/calendar";
import { AppError } from "../../lib/errors";
import { filingStatus } from "../../lib/yearly-report";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { auditInsert } from "../audit/audit";
import { chaseStatements } from "./chase-statements";
import { hasActiveMember, yearJoin } from "./filing-sql";

export async function chaseReport(o: { ctx: RequestCtx<Actor>; year: number; enterpriseIds?: string[] | undefined }) {
  const { ctx, year } = o;
  const { db, now, actor } = ctx;
  const today = shanghaiDate(now);
  const ids = o.enterpriseIds ? [...new Set(o.enterpriseIds)] : undefined;
  const [windows, named] = await db.batch([
    db.select().from(reportWindows).where(eq(reportWindows.year, year)).limit(1),
    db
      .select({
        id: enterprises.id,
        name: enterprises.name,
        status: enterprises.status,
        figures: f,
        reachable: sql<number>`${hasActiveMember}`,
        chasedToday: sql<number>`exists (select 1 from ${reportChases} where ${reportChases.year} = ${year}
          and ${reportChases.enterpriseId} = ${enterprises.id} and ${reportChases.day} = ${today})`,
      })
      .from(enterprises)
      .leftJoin(f, yearJoin(year))
      .where(ids ? inArray(enterprises.id, ids) : sql`0`),
  ]);
  const window = windows[0];
  if (!window) throw new AppError("not_found", `还没有开启 ${year} 年度报表。`);
  if (window.status !== "open") throw new AppError("conflict", `${year} 年度报表已经截止收集,不能再催报。`);
  if (ids) {
    const missing = ids.filter((id) => !named.some((e) => e.id === id));
    if (missing.length) throw new AppError("not_found", "本园区没有所选的企业,请刷新后重试。");
    if (ids.length === 1) refuseOne(named[0]!);
  }

  const { eventKey, items } = chaseStatements(db, {
    db,
    zone: ctx.zone,
    now,
    origin: ctx.origin,
    year,
    dueOn: window.dueOn,
    enterpriseIds: ids,
    source: "staff",
    by: actor.id,
  });
  const audit = insertWhere(
    db,
    auditInsert(
      db,
      {
        actorId: actor.id,
        actor: actor.email,
        action: "report.chased",
        target: String(year),
        result: "ok",
        ip: ctx.ip,
        detail: { year, scope: ids ? ids.length : "pending" },
      },
      now,
    ),
    sql`exists (select 1 from ${reportChases} where ${reportChases.eventKey} = ${eventKey})`,
  );
  const [inserted] = (await db.batch([items[0]!, ...items.slice(1), audit])) as unknown as [{ rowsAffected: number }];
  const chased = inserted.rowsAffected;
  if (chased === 0)
    throw new AppError(
      ids?.length === 1 ? "rate_limited" : "conflict",
      ids?.length === 1
        ? "今天已经催报过这家企业,请明天再催。"
        : "没有需要催报的企业:所选企业都已填报齐全、今天已催报过,或没有可通知的成员账号。",
    );
  return { chased };
}

/** Why one named enterprise cannot be chased now, said before anything is written. */
function refuseOne(e: {
  name: string;
  status: string;
  figures: Parameters<typeof filingStatus>[0];
  reachable: number;
  chasedToday: number;
}) {
  if (e.status !== "active") throw new AppError("conflict", `${e.name}已被暂停,不在本次年报范围内。`);
  if (filingStatus(e.figures) === "filed") throw new AppError("conflict", `${e.name}已填报齐全,无需催报。`);
  if (!e.reachable) throw new AppError("conflict", `${e.name}没有可用的成员账号,无法通知,请电话联系。`);
  if (e.chasedToday) throw new AppError("rate_limited", `今天已经催报过${e.name},请明天再催。`);
}
