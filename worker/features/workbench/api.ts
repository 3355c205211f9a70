/**
 * GET /api/v1/admin/workbench (zone_admin, reviewer): the 工作台 as JSON for the zone's own tools —
 * per kind of waiting work its count, how many are late, its oldest items (id, number, title,
 * since, due day, overdue, link) and the full list's link. Read-only; one batch (./get-workbench.ts).
 */
import { createRoute, z } from "@hono/zod-openapi";
import { zoneStaffRouter } from "../auth/api/zone-admin-router";
import type { AppDeps } from "../../env";
import { err, json } from "../../lib/openapi";
import { actingCtx } from "../../middleware/request-ctx";
import { getWorkbench } from "./get-workbench";

const Item = z.object({
  id: z.string().openapi({ description: "The application's, claim's (资质 or 风险补偿) or 入驻 application's id" }),
  number: z.string().nullable().openapi({ example: "ZB-2026-000123" }),
  title: z.string().openapi({ description: "The enterprise (applying company; for an overdue loan, the bank)" }),
  detail: z.string().openapi({ description: "The programme, qualification, bank or stage, in Chinese" }),
  since: z.string().nullable().openapi({ description: "Waiting since (ISO 8601)" }),
  dueOn: z.string().nullable().openapi({ description: "YYYY-MM-DD, Asia/Shanghai; null where the kind has none" }),
  overdue: z.boolean(),
  link: z.string().openapi({ description: "The page to act on it, relative to the zone's origin" }),
});

const Section = z.object({
  key: z.string().openapi({ example: "stage:first-review" }),
  kind: z.enum([
    "stage",
    "objections",
    "resubmitted",
    "awards",
    "onboarding",
    "qualifications",
    "loans",
    "risk_claims",
  ]),
  title: z.string().openapi({ example: "待初审" }),
  count: z.number().int(),
  late: z.number().int().nullable().openapi({ description: "How many are past their due day; null: no due day" }),
  link: z.string().openapi({ description: "The full filtered list" }),
  empty: z.string(),
  note: z.string().nullable(),
  items: z.array(Item).openapi({ description: "The oldest few, oldest first" }),
});

export const WorkbenchSchema = z.object({ today: z.string(), sections: z.array(Section) }).openapi("Workbench");

export function workbenchApi(deps: AppDeps) {
  const r = zoneStaffRouter(deps);
  r.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "getWorkbench",
      tags: ["admin"],
      summary:
        "The 工作台: what waits for this staff member and the zone, each kind with its count, " +
        "late count and oldest items (reviewers: the stages they act at; zone admins: everything)",
      responses: {
        200: json(WorkbenchSchema, "What waits"),
        401: err("No session"),
        403: err("Zone admins and reviewers only"),
      },
    }),
    async (c) => {
      const wb = await getWorkbench(actingCtx(c, deps));
      return c.json(
        {
          today: wb.today,
          sections: wb.sections.map(({ listHref, items, ...s }) => ({
            ...s,
            link: listHref,
            items: items.map(({ href, since, ...it }) => ({
              ...it,
              since: since === null ? null : new Date(since).toISOString(),
              link: href,
            })),
          })),
        },
        200,
      );
    },
  );
  return r;
}
