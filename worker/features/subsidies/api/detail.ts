/** GET /applications/{id}: one application as its reader may see it. */
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../../../env";
import { json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { ApplicationIdParam } from "./request-schemas";
import { DetailSchema, detailJson } from "./response-schemas";
import { getApplication } from "../get-application";
import { denied, missing, titleIn, type SubsidyGuards, type SubsidyRouter } from "./shared";

export function detailEndpoint(r: SubsidyRouter, deps: AppDeps, g: SubsidyGuards) {
  r.openapi(
    createRoute({
      method: "get",
      path: "/applications/{id}",
      operationId: "getSubsidyApplication",
      tags: ["subsidies"],
      middleware: [g.memberOrStaff] as const,
      summary:
        "One application: facts, the engine's result and explanation, materials, timeline, payments, " +
        "where it stands and what is expected by when (objections: staff only)",
      request: { params: ApplicationIdParam },
      responses: { 200: json(DetailSchema, "The application"), ...denied, ...missing },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      // The policy in force (titles) comes in the application's own batch: one round trip.
      const detail = await getApplication(ctx, c.req.valid("param").id);
      return c.json(detailJson(detail, titleIn(detail.policy), ctx.zone), 200);
    },
  );
}
