/**
 * Reading loan applications: each reader sees only what is theirs (member:
 * its enterprise's; bank: its own bank's; zone staff: all — anything else 404).
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { err, json } from "../../../lib/openapi";
import { ExportFormat, jsonOrXlsx } from "../../../lib/xlsx/openapi";
import { exportLoansXlsx } from "../export-loans";
import { textField } from "../../../lib/text";
import { actingCtx } from "../../../middleware/request-ctx";
import { listLoansFor, LOANS_PAGE } from "../list-loans";
import { getLoanDetail } from "../loan-detail";
import { CursorParam } from "../paging";
import { LoanDetailSchema, loanJson, LoanSchema } from "./loan-schemas";
import { denied, isoOf, LoanIdParam } from "./schema-parts";

const LoansQuery = z.object({
  q: textField({ label: "搜索词", max: 50 })
    .optional()
    .openapi({
      param: { name: "q", in: "query" },
      description:
        "An application number (ZB-DK-2026-000045, also without the letters), or part of the enterprise's or " +
        "the product's name",
      example: "ZB-DK-2026-000045",
    }),
  after: CursorParam.optional().openapi({
    param: { name: "after", in: "query" },
    description: "The previous page's nextCursor",
  }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(LOANS_PAGE)
    .openapi({ param: { name: "limit", in: "query" }, description: `Rows per page (default ${LOANS_PAGE})` }),
  format: ExportFormat,
});

/** The 404 of a loan id that is not there, or not the reader's. */
export const missingLoan = { 404: err("No such application (or not yours)") };

/** GET /loans and /loans/{id}, relative to /api/v1/finance; `reader` guards both. */
export function readLoanEndpoints(r: OpenAPIHono<AppEnv>, deps: AppDeps, reader: MiddlewareHandler<AppEnv>) {
  r.openapi(
    createRoute({
      method: "get",
      path: "/loans",
      operationId: "listLoanApplications",
      tags: ["finance"],
      middleware: [reader] as const,
      summary:
        "Loan applications, newest first: a member's enterprise's own; a bank's staff their bank's (the queue, " +
        "with overdue flags); zone staff every one in the zone; q finds one by its number. A page at a time " +
        "(`after`: the previous page's nextCursor), with the total. " +
        "format=xlsx: every application the reader may see (with q) as an Excel workbook, streamed; audited",
      request: { query: LoansQuery },
      responses: {
        200: jsonOrXlsx(
          z.object({
            applications: z.array(LoanSchema),
            total: z.number().int().openapi({ description: "Applications in the whole list (every page)" }),
            nextCursor: z.string().nullable().openapi({ description: "Pass as `after` for the next page; null: last" }),
          }),
          "Applications",
        ),
        ...denied,
        422: err("Invalid query"),
      },
    }),
    async (c) => {
      const { format, ...query } = c.req.valid("query");
      // A workbook is not the typed JSON answer: the OpenAPI document describes both.
      if (format === "xlsx") return (await exportLoansXlsx({ ctx: actingCtx(c, deps), q: query.q })) as never;
      const page = await listLoansFor(actingCtx(c, deps), query);
      return c.json({ applications: page.rows.map(loanJson), total: page.total, nextCursor: page.nextCursor }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/loans/{id}",
      operationId: "getLoanApplication",
      tags: ["finance"],
      middleware: [reader] as const,
      summary:
        "One loan application with its timeline (submitted, accepted, approved, disbursed, declined, withdrawn, " +
        "overdue), the product a decline referred to, the enterprise's contact person and phone, the member " +
        "who applied, and the need (资金用途) it came from",
      request: { params: LoanIdParam },
      responses: { 200: json(LoanDetailSchema, "The application"), ...denied, ...missingLoan },
    }),
    async (c) => {
      const d = await getLoanDetail(actingCtx(c, deps), c.req.valid("param").id);
      return c.json(
        {
          application: loanJson(d),
          events: d.events.map((e) => ({ id: e.id, at: isoOf(e.at), actor: e.actor, action: e.action, note: e.note })),
          referral: d.referral,
          contact: d.contact,
          applicant: d.applicant,
          need: d.need,
        },
        200,
      );
    },
  );
}
