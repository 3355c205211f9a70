/**
 * The public side of 公示 (no sign-in): the applications on notice, and
 * lodging an objection to one of them.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../../env";
import { applicationNumber } from "../../../lib/application-number";
import { body, err, json } from "../../../lib/openapi";
import { requestCtx } from "../../../middleware/request-ctx";
import { ApplicationIdParam } from "./request-schemas";
import { PublicitySchema } from "./response-schemas";
import { listPublicity, PublicityQuery } from "../list-publicity";
import { lodgeObjection, ObjectionInput } from "../publicity";
import { titles, type SubsidyRouter } from "./shared";

const LODGED = "异议已提交。园区管理员核实处理前,这份申报暂停推进;处理结果会通过你留下的联系方式告知。";

export function publicityEndpoints(r: SubsidyRouter, deps: AppDeps) {
  r.openapi(
    createRoute({
      method: "get",
      path: "/publicity",
      operationId: "listSubsidyPublicity",
      security: [],
      tags: ["subsidies"],
      summary:
        "Public (no sign-in): the applications on public notice (公示) — enterprise, programme, amount " +
        "and the notice period; nothing personal",
      request: { query: PublicityQuery },
      responses: {
        200: json(PublicitySchema, "On notice, ending soonest first, a page at a time"),
        422: err("Invalid page"),
      },
    }),
    async (c) => {
      const ctx = requestCtx(c, deps);
      // Titles (the policy in force) and the page are read together: one round trip.
      const [title, list] = await Promise.all([titles(c, deps), listPublicity(ctx, c.req.valid("query"))]);
      const items = list.rows.map((p) => ({
        id: p.id,
        number: applicationNumber(ctx.zone, "subsidy", p),
        enterprise: p.enterprise,
        programmeId: p.programmeId,
        programme: title(p.programmeId),
        amountFen: p.amountFen,
        from: p.from,
        to: p.to,
      }));
      return c.json({ items, total: list.total, nextCursor: list.nextCursor }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/publicity/{id}/objections",
      operationId: "lodgeSubsidyObjection",
      security: [],
      tags: ["subsidies"],
      summary:
        "Public (no sign-in): lodge an objection (异议) to an application on notice, with contact details; " +
        "it holds the application until a zone admin resolves it",
      request: { params: ApplicationIdParam, ...body(ObjectionInput) },
      responses: {
        201: json(z.object({ id: z.string(), message: z.string() }), "Lodged"),
        404: err("Not on public notice"),
        409: err("The notice period has ended"),
        422: err("Name, contact or content missing"),
      },
    }),
    async (c) => {
      const out = await lodgeObjection(requestCtx(c, deps), c.req.valid("param").id, c.req.valid("json"));
      return c.json({ id: out.id, message: LODGED }, 201);
    },
  );
}
