/**
 * A bank's staff and the 风险补偿资金池, mounted at /api/v1/bank/risk-pool: their own exposure, loans
 * and claims; file a claim for one of their registered loans; read one of their claims; withdraw it
 * while it waits. Another bank's loan or claim answers 404 (scoped in SQL); a suspended bank is
 * refused by the guard.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { validationHook } from "../../../lib/api-errors";
import { body, err, json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { requireZone } from "../../../middleware/zone";
import { requireRole } from "../../auth/guard";
import { fileClaim, withdrawClaim } from "../file-claim";
import { readBankView } from "../read-bank";
import { readClaim } from "../read-claim";
import { ClaimIdParam, ClaimInput } from "../schemas";
import { BankViewSchema, ClaimDetailSchema, claimDetailJson, claimJson, denied } from "./shapes";

export function riskPoolBankApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone, requireRole(deps, "bank"));
  r.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["risk-pool", "bank"],
      summary: "Bank staff: the pools their bank is in, their own exposure, registered loans and claims",
      responses: { 200: json(BankViewSchema, "The bank's own view"), ...denied },
    }),
    async (c) => {
      const view = await readBankView(actingCtx(c, deps));
      return c.json({ ...view, claims: view.claims.map(claimJson) }, 200);
    },
  );
  r.openapi(
    createRoute({
      method: "post",
      path: "/claims",
      tags: ["risk-pool", "bank"],
      summary:
        "Bank staff: claim compensation for one of their registered loans that defaulted (outstanding principal " +
        "≤ registered principal; default date between 放款 and today; filed within the pool's working days)",
      request: body(ClaimInput),
      responses: {
        201: json(z.object({ claim: z.object({ id: z.string(), reviewDueOn: z.string() }) }), "Filed"),
        ...denied,
        404: err("No such registered loan of this bank"),
        409: err("A live claim exists, the pool is closed, or the filing deadline has passed"),
        422: err("Invalid input (fields name it)"),
      },
    }),
    async (c) => {
      const row = await fileClaim(actingCtx(c, deps), c.req.valid("json"));
      return c.json({ claim: { id: row.id, reviewDueOn: row.reviewDueOn } }, 201);
    },
  );
  r.openapi(
    createRoute({
      method: "get",
      path: "/claims/{id}",
      tags: ["risk-pool", "bank"],
      summary: "Bank staff: one of their bank's claims with its ledger rows",
      request: { params: ClaimIdParam },
      responses: {
        200: json(z.object({ claim: ClaimDetailSchema }), "The claim"),
        ...denied,
        404: err("No such claim of this bank"),
      },
    }),
    async (c) => c.json({ claim: claimDetailJson(await readClaim(actingCtx(c, deps), c.req.valid("param").id)) }, 200),
  );
  r.openapi(
    createRoute({
      method: "post",
      path: "/claims/{id}/withdraw",
      tags: ["risk-pool", "bank"],
      summary: "Bank staff: withdraw one of their claims while it waits for review",
      request: { params: ClaimIdParam },
      responses: {
        200: json(z.object({ ok: z.literal(true) }), "Withdrawn"),
        ...denied,
        404: err("No such claim of this bank"),
        409: err("Already decided or withdrawn"),
      },
    }),
    async (c) => {
      await withdrawClaim(actingCtx(c, deps), c.req.valid("param").id);
      return c.json({ ok: true as const }, 200);
    },
  );
  return r;
}
