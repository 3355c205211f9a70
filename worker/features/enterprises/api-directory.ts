/** The zone's enterprise directory as JSON (zone staff), mounted at /api/v1/admin/enterprises. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../env";
import { validationHook } from "../../lib/api-errors";
import { err } from "../../lib/openapi";
import { ExportFormat, jsonOrXlsx } from "../../lib/xlsx/openapi";
import { actingCtx, requestCtx } from "../../middleware/request-ctx";
import { exportDirectoryXlsx } from "./directory-xlsx";
import { requireZone } from "../../middleware/zone";
import { requireStaff } from "./member-guard";
import { listEnterprises } from "./list-enterprises";
import { DirectoryPage, DirectoryQuery } from "./schemas";

export function enterpriseDirectoryApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // The directory itself only: a deeper path is the app's plain 404, as before the prefix.
  r.use("/", requireZone, requireStaff(deps));

  r.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listEnterprises",
      tags: ["admin"],
      summary:
        "The zone's enterprise directory (zone staff): " +
        "search by name/USCC, filter by industry, verified qualification, status; " +
        "paged in name order (after/before cursors; page still works). " +
        "format=xlsx: every match of the filters as an Excel workbook (企业名录), streamed; the export is audited",
      request: { query: DirectoryQuery.extend({ format: ExportFormat }) },
      responses: {
        200: jsonOrXlsx(DirectoryPage, "One page of enterprises"),
        422: err("A filter or cursor is invalid"),
        401: err("No session"),
        403: err("Not allowed for this account"),
      },
    }),
    async (c) => {
      const { format, ...filters } = c.req.valid("query");
      if (format === "xlsx") {
        const query = new URL(c.req.url).search;
        // A workbook is not the typed JSON answer: the OpenAPI document describes both.
        return (await exportDirectoryXlsx({ ctx: actingCtx(c, deps), filters, query })) as never;
      }
      const { pendingQualifications: _p, ...result } = await listEnterprises(requestCtx(c, deps), filters);
      return c.json(
        { ...result, enterprises: result.enterprises.map(({ createdAt: _c, updatedAt: _u, ...e }) => e) },
        200,
      );
    },
  );

  return r;
}
