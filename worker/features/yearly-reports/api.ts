/**
 * /api/v1/admin/reports: the yearly enterprise report for the zone's own tools. Zone admins open and
 * close windows and chase; reviewers may read. Reads are one batch; writes are one guarded batch.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { zoneStaffRouter } from "../auth/api/zone-admin-router";
import type { AppDeps } from "../../env";
import { body, err, json } from "../../lib/openapi";
import { actingCtx } from "../../middleware/request-ctx";
import { missingFields } from "../../lib/yearly-report";
import { chaseReport } from "./chase-report";
import { getReportCompletion, listReportWindows, type Counts } from "./get-report-completion";
import { closeReportWindow } from "./close-report-window";
import { openReportWindow } from "./open-report-window";
import {
  ChaseBody,
  ChaseResultJson,
  CompletionJson,
  CompletionQuery,
  OpenWindowBody,
  WindowJson,
  YearPath,
} from "./schemas";

const denied = { 401: err("No session"), 403: err("Not allowed for this role") };
const adminErrors = { 401: err("No session"), 403: err("Zone admins only") };

type WindowRow = {
  year: number;
  dueOn: string;
  status: "open" | "closed";
  openedAt: number;
  closedAt: number | null;
};
const windowJson = (w: WindowRow, counts: Counts): z.infer<typeof WindowJson> => ({
  year: w.year,
  dueOn: w.dueOn,
  status: w.status,
  openedAt: new Date(w.openedAt).toISOString(),
  closedAt: w.closedAt === null ? null : new Date(w.closedAt).toISOString(),
  counts,
});
const noCounts: Counts = { enterprises: 0, filed: 0, incomplete: 0, unfiled: 0 };

export function yearlyReportsApi(deps: AppDeps) {
  const r = zoneStaffRouter(deps, { changesBy: "zone_admin" });

  r.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listYearlyReports",
      tags: ["admin"],
      summary: "The yearly report windows, newest year first, each with its completion counts",
      responses: { 200: json(z.object({ windows: z.array(WindowJson) }), "Windows"), ...denied },
    }),
    async (c) => {
      const windows = await listReportWindows({ ctx: actingCtx(c, deps) });
      return c.json({ windows: windows.map((w) => windowJson(w, w.counts)) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/",
      operationId: "openYearlyReport",
      tags: ["admin"],
      summary: "Open the yearly report for a year with its due date (a closed year opens again)",
      request: body(OpenWindowBody),
      responses: {
        201: json(WindowJson, "Opened"),
        409: err("Already open"),
        422: err("Bad year or due date"),
        ...adminErrors,
      },
    }),
    async (c) => {
      const { year, dueOn } = c.req.valid("json");
      const w = await openReportWindow({ ctx: actingCtx(c, deps), year, dueOn });
      return c.json(windowJson(w, noCounts), 201);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/{year}/close",
      operationId: "closeYearlyReport",
      tags: ["admin"],
      summary: "Close an open window: members are no longer asked and reminders stop; figures stay",
      request: { params: YearPath },
      responses: {
        200: json(WindowJson, "Closed"),
        404: err("No window for that year"),
        409: err("Already closed"),
        ...adminErrors,
      },
    }),
    async (c) => {
      const { year } = c.req.valid("param");
      const w = await closeReportWindow({ ctx: actingCtx(c, deps), year });
      return c.json(windowJson(w, noCounts), 200);
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/{year}/enterprises",
      operationId: "listYearlyReportEnterprises",
      tags: ["admin"],
      summary:
        "Completion by enterprise (admitted, active): filed / incomplete / unfiled, filtered, 50 a page, name order",
      request: { params: YearPath, query: CompletionQuery },
      responses: { 200: json(CompletionJson, "Completion"), 404: err("No window for that year"), ...denied },
    }),
    async (c) => {
      const { year } = c.req.valid("param");
      const done = await getReportCompletion({ ctx: actingCtx(c, deps), year, ...c.req.valid("query") });
      return c.json(
        {
          window: windowJson(done.window, done.window.counts),
          total: done.total,
          page: done.page,
          pageSize: done.pageSize,
          enterprises: done.rows.map((e) => ({
            enterpriseId: e.id,
            name: e.name,
            uscc: e.uscc,
            status: e.status,
            missing: e.status === "unfiled" ? [] : missingFields(e.figures),
            updatedAt: e.figures ? new Date(e.figures.updatedAt).toISOString() : null,
            lastChasedOn: e.lastChasedOn,
            chasedToday: e.chasedToday,
          })),
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/{year}/reminders",
      operationId: "sendYearlyReportReminders",
      tags: ["admin"],
      summary:
        "催报: notify the members (消息中心 + mail) of the named enterprises, or of every one not filed " +
        "completely; at most once a day per enterprise",
      request: { params: YearPath, ...body(ChaseBody) },
      responses: {
        200: json(ChaseResultJson, "Chased"),
        404: err("No window, or an unknown enterprise"),
        409: err("Window closed, or nobody to chase"),
        422: err("Bad input"),
        429: err("Already chased today"),
        ...adminErrors,
      },
    }),
    async (c) => {
      const { year } = c.req.valid("param");
      const { enterpriseIds } = c.req.valid("json");
      return c.json(await chaseReport({ ctx: actingCtx(c, deps), year, enterpriseIds }), 200);
    },
  );
  return r;
}
