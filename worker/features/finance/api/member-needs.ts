/**
 * An admitted enterprise's financing needs (its own only — another
 * enterprise's id answers 404) and the products ranked for one of them, each
 * criterion explained.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { body, err, json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { closeNeed, listMyNeeds, NeedInput, postNeed, productsForNeed } from "../needs";
import { CloseNeedBody, matchesJson, MatchesSchema, needJson, NeedSchema } from "./need-schemas";
import { denied, NeedIdParam } from "./schema-parts";

const Need = z.object({ need: NeedSchema });
const missingNeed = { 404: err("No such need (or not yours)") };

/** /needs, /needs/{id}/matches and /needs/{id}/close, relative to /api/v1/finance; `member` guards each. */
export function memberNeedEndpoints(r: OpenAPIHono<AppEnv>, deps: AppDeps, member: MiddlewareHandler<AppEnv>) {
  r.openapi(
    createRoute({
      method: "get",
      path: "/needs",
      operationId: "listFinancingNeeds",
      tags: ["finance"],
      middleware: [member] as const,
      summary: "A member: its enterprise's financing needs, newest first",
      responses: { 200: json(z.object({ needs: z.array(NeedSchema) }), "The needs"), ...denied },
    }),
    async (c) => c.json({ needs: (await listMyNeeds(actingCtx(c, deps))).map(needJson) }, 200),
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/needs",
      operationId: "createFinancingNeed",
      tags: ["finance"],
      middleware: [member] as const,
      summary:
        "A member: post a financing need (amount in fen, term in months, purpose, the guarantees it can offer, " +
        "when the money is needed, until when the need stands). Posting shares nothing with banks beyond the " +
        "need itself and the enterprise's name and industry",
      request: body(NeedInput),
      responses: {
        201: json(Need, "Posted (open)"),
        ...denied,
        422: err("Invalid input, or a valid-until day already past"),
      },
    }),
    async (c) => c.json({ need: needJson(await postNeed(actingCtx(c, deps), c.req.valid("json"))) }, 201),
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/needs/{id}/matches",
      operationId: "listFinancingNeedMatches",
      tags: ["finance"],
      middleware: [member] as const,
      summary:
        "A member: every product in the 金融超市 ranked for one of its needs, from its own profile and yearly " +
        "figures, each criterion (amount, term, guarantee, industry, qualifications, years, revenue) meets / " +
        "partly / fails / unknown with the reason",
      request: { params: NeedIdParam },
      responses: { 200: json(MatchesSchema, "Ranked products"), ...denied, ...missingNeed },
    }),
    async (c) => c.json(matchesJson(await productsForNeed(actingCtx(c, deps), c.req.valid("param").id)), 200),
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/needs/{id}/close",
      operationId: "closeFinancingNeed",
      tags: ["finance"],
      middleware: [member] as const,
      summary:
        "A member: close one of its open needs — met (the money was found) or closed (no longer needed, the " +
        "default); banks stop seeing it. Closing a closed need returns it as it is",
      request: {
        params: NeedIdParam,
        body: { required: false, content: { "application/json": { schema: CloseNeedBody } } },
      },
      responses: { 200: json(Need, "Closed (or already was)"), ...denied, ...missingNeed, 422: err("Unknown status") },
    }),
    async (c) => {
      const status = c.req.valid("json").status ?? "closed";
      return c.json({ need: needJson(await closeNeed(actingCtx(c, deps), c.req.valid("param").id, status)) }, 200);
    },
  );
}
