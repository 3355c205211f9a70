/** POST /applications/{id}/move-stage (staff API): the zone admin moves an application out of a removed stage. */
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../../../env";
import { body, err, json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { MoveStageInput, moveApplicationStage } from "../move-application-stage";
import { ApplicationIdParam } from "./request-schemas";
import { applicationJson } from "./response-schemas";
import { Application, denied, missing, titles, type SubsidyGuards, type SubsidyRouter } from "./shared";

export function moveStageEndpoint(r: SubsidyRouter, deps: AppDeps, g: SubsidyGuards) {
  r.openapi(
    createRoute({
      method: "post",
      // Under applications/: a parameter beside the static /dashboard would leave Hono's RegExpRouter.
      path: "/applications/{id}/move-stage",
      operationId: "moveSubsidyApplicationStage",
      tags: ["subsidies"],
      middleware: [g.admin] as const,
      summary:
        "Zone admin: move an application left in a stage the zone removed from its review flow (园区设置) " +
        "to one of today's stages; on the timeline and audited",
      request: { params: ApplicationIdParam, ...body(MoveStageInput) },
      responses: {
        200: json(Application, "Moved"),
        ...denied,
        ...missing,
        409: err("Its stage still exists, or it changed meanwhile"),
        422: err("Not one of the zone's stages, or no amount yet for 公示/拨付"),
      },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      // Titles are read beside the application: one round trip of reads, then one guarded write.
      const title = titles(c, deps);
      title.catch(() => {}); // awaited below (the service's refusals may come first)
      const row = await moveApplicationStage(ctx, c.req.valid("param").id, c.req.valid("json"));
      return c.json({ application: applicationJson(row, await title, ctx.zone) }, 200);
    },
  );
}
