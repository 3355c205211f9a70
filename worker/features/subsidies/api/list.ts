/**
 * GET /applications: a member's own applications, or for zone staff the queue
 * of submitted ones with its filters and counts.
 */
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../../../env";
import { applicationNumber } from "../../../lib/application-number";
import { AppError } from "../../../lib/errors";
import { err } from "../../../lib/openapi";
import { ExportFormat, jsonOrXlsx } from "../../../lib/xlsx/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { STATUS_ZH } from "../../../../web/labels/subsidies";
import { ListSchema } from "./response-schemas";
import { exportApplicationsXlsx } from "../export-xlsx";
import { listMyApplications, listQueue, QueueQuery, queueFilters } from "../list-applications";
import { denied, titles, type SubsidyGuards, type SubsidyRouter } from "./shared";

export function listEndpoint(r: SubsidyRouter, deps: AppDeps, g: SubsidyGuards) {
  r.openapi(
    createRoute({
      method: "get",
      path: "/applications",
      operationId: "listSubsidyApplications",
      tags: ["subsidies"],
      middleware: [g.memberOrStaff] as const,
      summary:
        "A member: its enterprise's applications (every status; the filters are for the staff queue). " +
        "Zone staff: the queue of submitted applications, filtered by status, stage, programme, " +
        "or enterprise name or application number (q, e.g. ZB-2026-000123), or back in review after a correction " +
        "(resubmitted=1, the 工作台's 补正后重新提交), with counts per status and stage. " +
        "A page at a time (limit, default 50): the answer's nextCursor, passed as ?after=, gives the next; " +
        "total counts every page. " +
        "format=xlsx (zone staff): every application matching the filters as an Excel workbook (申报), " +
        "in submission order, streamed; audited",
      request: { query: QueueQuery.extend({ format: ExportFormat }) },
      responses: {
        200: jsonOrXlsx(ListSchema, "Applications, those due first (staff) or most recently changed first (member)"),
        ...denied,
        422: err("Invalid filter"),
      },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      const { format, ...query } = c.req.valid("query");
      if (format === "xlsx") {
        if (ctx.actor.role === "enterprise") throw new AppError("forbidden", "导出 Excel 仅供园区工作人员使用。");
        const filter = queueFilters(ctx.zone, query);
        // A workbook is not the typed JSON answer: the OpenAPI document describes both.
        return (await exportApplicationsXlsx({ ctx, filter, query: new URL(c.req.url).search })) as never;
      }
      // The titles and the page do not depend on each other: one round trip for both.
      const [title, list] = await Promise.all([
        titles(c, deps),
        ctx.actor.role === "enterprise"
          ? listMyApplications(ctx, { after: query.after, limit: query.limit })
          : listQueue(ctx, query),
      ]);
      const item = ({ numberYear, numberSeq, ...a }: (typeof list.rows)[number]) => ({
        ...a,
        number: applicationNumber(ctx.zone, "subsidy", { numberYear, numberSeq }),
        programme: title(a.programmeId),
        statusZh: STATUS_ZH[a.status],
        submittedAt: a.submittedAt === null ? null : new Date(a.submittedAt).toISOString(),
        updatedAt: new Date(a.updatedAt).toISOString(),
      });
      return c.json(
        { applications: list.rows.map(item), counts: list.counts, total: list.total, nextCursor: list.nextCursor },
        200,
      );
    },
  );
}
