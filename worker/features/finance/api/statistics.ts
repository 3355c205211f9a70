/** Zone staff: the 金融超市's statistics (needs, amounts, each bank's response times). */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { json } from "../../../lib/openapi";
import { requestCtx } from "../../../middleware/request-ctx";
import { financeStatistics } from "../finance-statistics";
import { StatisticsSchema } from "./loan-schemas";
import { denied } from "./schema-parts";

/** GET /statistics, relative to /api/v1/admin/finance. */
export function statisticsEndpoint(r: OpenAPIHono<AppEnv>, deps: AppDeps) {
  r.openapi(
    createRoute({
      method: "get",
      path: "/statistics",
      operationId: "getFinanceStatistics",
      tags: ["finance", "admin"],
      summary:
        "Zone staff: needs posted, open, met and closed; amounts applied for, approved and disbursed; each " +
        "bank's applications, decisions, overdue ones and average working days to respond and to decide",
      responses: { 200: json(StatisticsSchema, "The statistics"), ...denied },
    }),
    async (c) => c.json(await financeStatistics(requestCtx(c, deps)), 200),
  );
}
