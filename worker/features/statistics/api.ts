/**
 * GET /api/v1/admin/statistics?year=&quarter=[&format=xlsx] (zone_admin, reviewer): the 数据看板's
 * figures as JSON for a zone's own BI, or as an Excel workbook (one sheet per table). Read-only; one
 * batch (./get-statistics.ts).
 */
import { createRoute } from "@hono/zod-openapi";
import { zoneStaffRouter } from "../auth/api/zone-admin-router";
import type { AppDeps } from "../../env";
import { err, json } from "../../lib/openapi";
import { requestCtx } from "../../middleware/request-ctx";
import { getStatistics, thisYear } from "./get-statistics";
import { StatisticsQuery } from "./period";
import { StatisticsSchema } from "./schemas";
import { statisticsWorkbook } from "./statistics-xlsx";

export function statisticsApi(deps: AppDeps) {
  const r = zoneStaffRouter(deps);
  r.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "getStatistics",
      tags: ["admin"],
      summary:
        "The zone's figures for a year or a quarter (数据看板): enterprises, 申请入驻, 政策兑现, 金融超市, " +
        "免申即享 reach; money in fen. format=xlsx answers the same figures as an Excel workbook",
      request: { query: StatisticsQuery },
      responses: {
        200: {
          ...json(StatisticsSchema, "The figures"),
          content: {
            ...json(StatisticsSchema, "The figures").content,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
              schema: { type: "string", format: "binary" },
            },
          },
        },
        401: err("No session"),
        403: err("Zone admins and reviewers only"),
        422: err("Invalid year, quarter or format"),
      },
    }),
    async (c) => {
      const ctx = requestCtx(c, deps);
      const query = c.req.valid("query");
      const stats = await getStatistics({ ctx, year: query.year ?? thisYear(ctx.now), quarter: query.quarter });
      if (query.format === "xlsx") return statisticsWorkbook(stats) as never;
      return c.json(stats, 200);
    },
  );
  return r;
}
