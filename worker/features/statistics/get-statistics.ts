/**
 * The zone's figures for a year or a quarter (the 数据看板, its API and its workbook): every
 * aggregate in ONE db.batch, read beside the policy in force (titles, budgets), so a view costs one
 * round trip after the session's.
 */
import { calendarOf, shanghaiDate } from "../../lib/calendar";
import type { RequestCtx } from "../../middleware/request-ctx";
import { loadCurrentPolicy } from "../policies/current-policy";
import { titleFrom } from "../subsidies/programme-title";
import { periodOf } from "./period";
import type { Statistics } from "./schemas";
import { statisticsQueries } from "./statistics-queries";
import { summariseStatistics } from "./summarise-statistics";

export async function getStatistics({
  ctx,
  year,
  quarter,
}: {
  ctx: Pick<RequestCtx, "db" | "zone" | "now">;
  year: number;
  quarter: number | null;
}): Promise<Statistics> {
  const period = periodOf(year, quarter);
  const q = statisticsQueries(ctx.db, period);
  const [rows, policy] = await Promise.all([
    ctx.db.batch([q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7], q[8], q[9], q[10], q[11], q[12], q[13], q[14]]),
    loadCurrentPolicy(ctx, shanghaiDate(ctx.now)),
  ]);
  const compiled = policy?.compiled ?? null;
  return summariseStatistics({
    rows,
    period,
    zone: ctx.zone,
    calendar: calendarOf(ctx.zone),
    programmes: {
      title: titleFrom(compiled),
      budgetFen: (id) => compiled?.programmes.get(id)?.annualBudgetFen ?? null,
      ids: compiled ? [...compiled.programmes.keys()] : [],
    },
  });
}

/** This year in Asia/Shanghai: the default period. */
export const thisYear = (now: Date) => Number(shanghaiDate(now).slice(0, 4));
