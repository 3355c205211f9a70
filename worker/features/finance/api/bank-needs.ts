/**
 * A bank's staff see the open needs their published products fit, each
 * explained criterion by criterion; an enterprise's financial data only where
 * it consented for this bank.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { needsForBank } from "../needs";
import { bankNeedJson, BankNeedSchema } from "./need-schemas";
import { denied } from "./schema-parts";

/** GET /needs, relative to /api/v1/bank. */
export function bankNeedEndpoints(r: OpenAPIHono<AppEnv>, deps: AppDeps) {
  r.openapi(
    createRoute({
      method: "get",
      path: "/needs",
      tags: ["finance", "bank"],
      summary:
        "Bank staff: open, unexpired financing needs that their published products fit, best fit first, each " +
        "explained criterion by criterion. An enterprise's qualifications, years in operation and revenue are " +
        "null (and those criteria unknown) unless it consented to this bank seeing them",
      responses: { 200: json(z.object({ needs: z.array(BankNeedSchema) }), "Needs, ranked"), ...denied },
    }),
    async (c) => c.json({ needs: (await needsForBank(actingCtx(c, deps))).map(bankNeedJson) }, 200),
  );
}
