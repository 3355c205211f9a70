/** POST /objections/{id}/resolve (staff API): the zone admin dismisses or upholds an objection. */
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../../../env";
import { body, err, json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { ObjectionIdParam } from "./request-schemas";
import { applicationJson } from "./response-schemas";
import { ResolveInput, resolveObjection } from "../publicity";
import { Application, denied, titles, type SubsidyGuards, type SubsidyRouter } from "./shared";

export function resolveObjectionEndpoint(r: SubsidyRouter, deps: AppDeps, g: SubsidyGuards) {
  r.openapi(
    createRoute({
      method: "post",
      path: "/objections/{id}/resolve",
      operationId: "resolveSubsidyObjection",
      tags: ["subsidies"],
      middleware: [g.admin] as const,
      summary:
        "Zone admin: resolve an objection — dismiss (公示 goes on; the period over, it moves on) " +
        "or uphold (the application is rejected)",
      request: { params: ObjectionIdParam, ...body(ResolveInput) },
      responses: {
        200: json(Application, "Resolved"),
        ...denied,
        404: err("No such objection"),
        409: err("Already resolved, or the application changed meanwhile"),
        422: err("Resolution missing"),
      },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      // Titles are read beside the objection and its application: one round trip of reads, one write.
      const title = titles(c, deps);
      const row = await resolveObjection(ctx, c.req.valid("param").id, c.req.valid("json"), title);
      return c.json({ application: applicationJson(row, await title, ctx.zone) }, 200);
    },
  );
}
