/**
 * GET /admin/statistics?year=&quarter= (zone_admin, reviewer): the 数据看板. A bad year or quarter
 * is a 422 page saying which; the figures are one batch (./get-statistics.ts).
 */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { actingCtx } from "../../middleware/request-ctx";
import { requireZone } from "../../middleware/zone";
import { StatisticsPage } from "../../../web/pages/statistics/statistics-page";
import { signedIn } from "../auth/guard";
import { pageGuard } from "../auth/page-forms";
import { getStatistics, thisYear } from "./get-statistics";
import { StatisticsQuery } from "./period";

/** The years the selector offers: this year back to 2017 (the seeds' baseline year), newest first. */
const FIRST_YEAR = 2017;

export function statisticsPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, pageGuard(deps, "zone_admin", "reviewer"));
  r.get("/", async (c) => {
    const ctx = actingCtx(c, deps);
    const parsed = StatisticsQuery.safeParse(c.req.query());
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError("validation_failed", `查询条件有误:${issue.message}`, {
        [String(issue.path[0] ?? "_")]: issue.message,
      });
    }
    const now = thisYear(ctx.now);
    const year = parsed.data.year ?? now;
    const stats = await getStatistics({ ctx, year, quarter: parsed.data.quarter });
    const newest = Math.max(now, year);
    const years = Array.from({ length: newest - Math.min(FIRST_YEAR, year) + 1 }, (_, i) => newest - i);
    c.header("Cache-Control", "private, no-store");
    return c.html(
      <StatisticsPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        stats={stats}
        years={years}
      />,
    );
  });
  return r;
}
