/**
 * 金融超市统计 for the zone's staff (zone_admin and reviewer), mounted at
 * /admin/finance: needs posted, open and met; amounts approved and disbursed;
 * and each bank's applications, decisions, overdue count and average working
 * days to respond and to decide. Anonymous visitors go to 登录, other roles
 * get the 403 page.
 */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { requestCtx } from "../../../middleware/request-ctx";
import { requireZone } from "../../../middleware/zone";
import { FinanceStatisticsPage } from "../../../../web/pages/finance/admin-statistics";
import { signedIn } from "../../auth/guard";
import { pageGuard } from "../../auth/page-forms";
import { financeStatistics } from "../finance-statistics";

export function financeAdminPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("/", requireZone, pageGuard(deps, "zone_admin", "reviewer"));

  r.get("/", async (c) => {
    const ctx = requestCtx(c, deps);
    const stats = await financeStatistics(ctx);
    const nonce = c.get("secureHeadersNonce");
    return c.html(<FinanceStatisticsPage zone={ctx.zone} nonce={nonce} user={signedIn(c).user} stats={stats} />);
  });

  return r;
}
