/** POST /applications/{id}/review: zone staff pass, return or reject at the application's stage. */
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../../../env";
import { body, err, json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { ApplicationIdParam } from "./request-schemas";
import { applicationJson } from "./response-schemas";
import { ReviewInput, reviewApplication } from "../review-application";
import { Application, denied, missing, titles, type SubsidyGuards, type SubsidyRouter } from "./shared";

export function reviewEndpoint(r: SubsidyRouter, deps: AppDeps, g: SubsidyGuards) {
  r.openapi(
    createRoute({
      method: "post",
      path: "/applications/{id}/review",
      operationId: "reviewSubsidyApplication",
      tags: ["subsidies"],
      middleware: [g.staff] as const,
      summary:
        "Zone staff at the application's stage: pass (amount lowered, or set within the review range, " +
        "with a reason), return for correction (reason = what to fix) or reject (reason required). " +
        "Whoever passed the previous stage may not pass this one; passing 拨付 approves the award, " +
        "re-checking limits and budget",
      request: { params: ApplicationIdParam, ...body(ReviewInput) },
      responses: {
        200: json(Application, "Done; the enterprise is notified"),
        ...denied,
        ...missing,
        409: err("Not at a review stage, changed meanwhile, or over a limit or the budget"),
        422: err("Reason missing, or an amount the rules do not allow"),
      },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      // Titles are read beside the application: one round trip of reads, then the decision's one write.
      const title = titles(c, deps);
      const row = await reviewApplication(ctx, c.req.valid("param").id, c.req.valid("json"), title);
      return c.json({ application: applicationJson(row, await title, ctx.zone) }, 200);
    },
  );
}
