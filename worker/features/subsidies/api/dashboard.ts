/** GET /dashboard (staff API): the year's applications, amounts, budget use and days per stage. */
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../../../env";
import { shanghaiDate } from "../../../lib/calendar";
import { err, json } from "../../../lib/openapi";
import { requestCtx } from "../../../middleware/request-ctx";
import { loadCurrentPolicy } from "../../policies/current-policy";
import { DashboardQuery } from "./request-schemas";
import { DashboardSchema } from "./response-schemas";
import { subsidyDashboard } from "../dashboard";
import { denied, type SubsidyRouter } from "./shared";

export function dashboardEndpoint(r: SubsidyRouter, deps: AppDeps) {
  r.openapi(
    createRoute({
      method: "get",
      path: "/dashboard",
      operationId: "getSubsidyDashboard",
      tags: ["subsidies"],
      summary:
        "Zone staff: applications and amounts by programme and stage, budget used against each programme's " +
        "annual budget, average days per stage",
      request: { query: DashboardQuery },
      responses: { 200: json(DashboardSchema, "The dashboard"), ...denied, 422: err("Invalid year") },
    }),
    async (c) => {
      const ctx = requestCtx(c, deps);
      const today = shanghaiDate(ctx.now);
      const year = c.req.valid("query").year ?? Number(today.slice(0, 4));
      // The policy (titles, budgets) is read beside the figures: one round trip.
      const compiled = loadCurrentPolicy(ctx, today).then((p) => p?.compiled ?? null);
      return c.json(await subsidyDashboard(ctx, compiled, year), 200);
    },
  );
}
