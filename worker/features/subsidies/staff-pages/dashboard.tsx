/** GET /admin/subsidies/dashboard: a year's applications, amounts, budget use and days per stage. */
import type { AppDeps } from "../../../env";
import { shanghaiDate } from "../../../lib/calendar";
import { AppError } from "../../../lib/errors";
import { actingCtx } from "../../../middleware/request-ctx";
import { DashboardPage } from "../../../../web/pages/subsidies/staff-dashboard";
import { signedIn } from "../../auth/guard";
import { subsidyDashboard } from "../dashboard";
import { programmeTitles, type StaffPages } from "./shared";

export function dashboardPage(r: StaffPages, deps: AppDeps) {
  r.get("/dashboard", async (c) => {
    const ctx = actingCtx(c, deps);
    const thisYear = Number(shanghaiDate(ctx.now).slice(0, 4));
    const asked = c.req.query("year");
    const year = asked === undefined || asked === "" ? thisYear : Number(asked);
    if (!Number.isInteger(year) || year < 2000 || year > thisYear + 1)
      throw new AppError("validation_failed", `年度须为 2000 至 ${thisYear + 1} 之间的年份。`, { year: "年度有误" });
    // The policy (titles, budgets) is read beside the figures: one round trip.
    const compiled = programmeTitles(ctx).then((t) => t.policy?.compiled ?? null);
    const dashboard = await subsidyDashboard(ctx, compiled, year);
    const years = Array.from({ length: 5 }, (_, i) => thisYear - i);
    if (!years.includes(year)) years.push(year);
    return c.html(
      <DashboardPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        dashboard={dashboard}
        years={years}
      />,
    );
  });
}
