/**
 * 金融超市统计 for the zone's staff (zone_admin and reviewer): needs posted,
 * open and met; amounts approved and disbursed; and each bank's applications,
 * decisions, overdue count and average working days to respond and to decide.
 * Anonymous visitors go to 登录, other roles get the 403 page.
 */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../env";
import { requireZone } from "../../middleware/zone";
import { FinanceStatisticsPage } from "../../../web/pages/finance/admin-statistics";
import { signedIn } from "../auth/guard";
import { pageGuard } from "../auth/page-forms";
import { requestCtx } from "../../middleware/request-ctx";
import { privatePage } from "./bank-pages";
import { financeStatistics } from "./response-times";

export function financeAdminPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("/admin/finance", requireZone, pageGuard(deps, "zone_admin", "reviewer"), privatePage);

  r.get("/admin/finance", async (c) => {
    const { db, zone } = requestCtx(c, deps);
    const stats = await financeStatistics({ db, zone });
    return c.html(
      <FinanceStatisticsPage zone={zone} nonce={c.get("secureHeadersNonce")} user={signedIn(c).user} stats={stats} />,
    );
  });

  return r;
}
