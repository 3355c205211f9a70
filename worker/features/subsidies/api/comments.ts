/** POST /applications/{id}/comments: staff's 意见 or a member's 留言 on the timeline. */
import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../../env";
import { AppError } from "../../../lib/errors";
import { body, err, json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { ApplicationIdParam } from "./request-schemas";
import { CommentInput, commentOnApplication } from "../comment-application";
import { denied, missing, titles, type SubsidyGuards, type SubsidyRouter } from "./shared";

export function commentsEndpoint(r: SubsidyRouter, deps: AppDeps, g: SubsidyGuards) {
  r.openapi(
    createRoute({
      method: "post",
      path: "/applications/{id}/comments",
      operationId: "createSubsidyApplicationComment",
      tags: ["subsidies"],
      middleware: [g.signedIn] as const,
      summary:
        "Add a comment to the timeline: zone staff's 意见 (the enterprise is told) or a member's 留言; " +
        "changes no state",
      request: { params: ApplicationIdParam, ...body(CommentInput) },
      responses: {
        201: json(z.object({ ok: z.literal(true) }), "Added"),
        ...denied,
        ...missing,
        409: err("Still a draft"),
        422: err("Empty or over 1000 characters"),
      },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      if (ctx.actor.role === "bank") throw new AppError("forbidden", "金融机构用户不能查看或评论政策兑现申报。");
      const id = c.req.valid("param").id;
      // Titles are read beside the application: one round trip of reads, then one write.
      await commentOnApplication(ctx, id, c.req.valid("json"), titles(c, deps));
      return c.json({ ok: true as const }, 201);
    },
  );
}
