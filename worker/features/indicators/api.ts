/**
 * 指标与目标 as JSON, mounted at /api/v1/admin/indicators: the table for a year (zone_admin and
 * reviewer; `format=xlsx` for the same table as a workbook), and for zone admins adding,
 * editing and entering actuals. Each zone's own database: no other zone's indicators exist here.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { zoneStaffRouter } from "../auth/api/zone-admin-router";
import type { AppDeps } from "../../env";
import { body, err, json } from "../../lib/openapi";
import { actingCtx } from "../../middleware/request-ctx";
import { indicatorTableXlsx } from "./indicator-xlsx";
import { listIndicators } from "./list-indicators";
import { createIndicator, updateIndicator } from "./save-indicator";
import { IdParam, IndicatorCreateBody, IndicatorPatchBody, IndicatorValueBody, SOURCES, Year } from "./schemas";
import { setIndicatorValue } from "./set-indicator-value";

const Point = z.object({ year: z.number().int(), value: z.number() });
const Indicator = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    unit: z.string(),
    direction: z.enum(["higher", "lower"]),
    baseline: z.object({ year: z.number().int(), value: z.number().nullable() }),
    targets: z.array(Point),
    target: Point.nullable().openapi({ description: "The target that applies to the year asked for" }),
    source: z.enum(SOURCES),
    sourceNote: z.string(),
    sortOrder: z.number().int(),
    active: z.boolean(),
    actual: z
      .object({
        year: z.number().int(),
        value: z.number(),
        origin: z.enum(["entered", "computed"]),
        note: z.string(),
        enteredAt: z.string().nullable().openapi({ description: "ISO 8601; null for a computed figure" }),
      })
      .nullable(),
    progress: z
      .object({
        met: z.boolean(),
        fraction: z.number().nullable(),
        percent: z.number().nullable(),
        label: z.string().openapi({ example: "完成 63%" }),
      })
      .nullable(),
    behind: z.string().nullable().openapi({ description: "The list a computed figure counts" }),
    byYear: z.array(z.object({ year: z.number().int(), value: z.number().nullable() })),
    entries: z
      .array(
        z.object({
          year: z.number().int(),
          value: z.number(),
          note: z.string(),
          enteredBy: z.string().nullable(),
          enteredAt: z.string().openapi({ description: "ISO 8601" }),
        }),
      )
      .openapi({ description: "Every entered actual, newest year first (corrections: the audit log)" }),
  })
  .openapi("Indicator");

const Table = z.object({ year: z.number().int(), years: z.array(z.number().int()), indicators: z.array(Indicator) });

const Query = z.object({
  year: Year.optional(),
  format: z.enum(["json", "xlsx"]).optional().openapi({ description: "xlsx: the table as an Excel workbook" }),
});
const IdPath = z.object({ id: IdParam });
const ValuePath = z.object({ id: IdParam, year: Year });

const ADMIN_ERRORS = {
  401: err("No session"),
  403: err("Zone admins only"),
  422: err("Invalid input; nothing changed"),
};

export function indicatorsApi(deps: AppDeps) {
  const r = zoneStaffRouter(deps, { changesBy: "zone_admin" });

  r.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listIndicators",
      tags: ["admin"],
      summary: "The zone's indicators for a year: definitions, actuals (entered or computed), targets, progress",
      request: { query: Query },
      responses: {
        200: {
          ...json(Table, "The indicator table"),
          content: {
            ...json(Table, "").content,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
              schema: z.string().openapi({ format: "binary" }),
            },
          },
        },
        401: err("No session"),
        403: err("Zone admins and reviewers only"),
        422: err("The year is invalid"),
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const table = await listIndicators(actingCtx(c, deps), { year: q.year });
      if (q.format === "xlsx") return indicatorTableXlsx(table) as never;
      return c.json(
        {
          ...table,
          indicators: table.indicators.map((i) => ({
            ...i,
            source: i.source as (typeof SOURCES)[number],
            entries: i.entries.map((e) => ({ ...e, enteredAt: new Date(e.enteredAt).toISOString() })),
            actual: i.actual && {
              ...i.actual,
              enteredAt: i.actual.enteredAt === null ? null : new Date(i.actual.enteredAt).toISOString(),
            },
          })),
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: "put",
      path: "/{id}/values/{year}",
      operationId: "updateIndicatorValue",
      tags: ["admin"],
      summary: "Enter or correct an indicator's actual for a year (zone admin; audited with the value before)",
      request: { params: ValuePath, ...body(IndicatorValueBody) },
      responses: {
        200: json(z.object({ year: z.number().int(), value: z.number(), note: z.string() }), "Saved"),
        404: err("No such indicator"),
        ...ADMIN_ERRORS,
      },
    }),
    async (c) => {
      const { id, year } = c.req.valid("param");
      const saved = await setIndicatorValue(actingCtx(c, deps), { id, year, ...c.req.valid("json") });
      return c.json({ year: saved.year, value: saved.value, note: saved.note }, 200);
    },
  );

  const Saved = z.object({ id: z.string(), code: z.string() });
  r.openapi(
    createRoute({
      method: "post",
      path: "/",
      operationId: "createIndicator",
      tags: ["admin"],
      summary: "Add an indicator (zone admin): name, unit, direction, baseline, targets by year, source",
      request: body(IndicatorCreateBody),
      responses: { 201: json(Saved, "Created"), 409: err("The code is taken"), ...ADMIN_ERRORS },
    }),
    async (c) => {
      const row = await createIndicator(actingCtx(c, deps), c.req.valid("json"));
      return c.json({ id: row.id, code: row.code }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: "patch",
      path: "/{id}",
      operationId: "updateIndicator",
      tags: ["admin"],
      summary: "Edit an indicator's definition (zone admin); the code stays",
      request: { params: IdPath, ...body(IndicatorPatchBody) },
      responses: {
        200: json(Saved, "Saved"),
        404: err("No such indicator"),
        409: err("Changed meanwhile"),
        ...ADMIN_ERRORS,
      },
    }),
    async (c) => {
      const row = await updateIndicator(actingCtx(c, deps), c.req.valid("param").id, c.req.valid("json"));
      return c.json({ id: row.id, code: row.code }, 200);
    },
  );
  return r;
}
