/**
 * A bank's staff see the open needs their published products fit, each
 * explained criterion by criterion; an enterprise's financial data only where
 * it consented for this bank.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { err, json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { BankNeedsQuery, needsForBank } from "../bank-needs";
import { bankNeedJson, BankNeedSchema } from "./need-schemas";
import { denied } from "./schema-parts";

/** GET /needs, relative to /api/v1/bank. */
export function bankNeedEndpoints(r: OpenAPIHono<AppEnv>, deps: AppDeps) {
  r.openapi(
    createRoute({
      method: "get",
      path: "/needs",
      operationId: "listBankNeeds",
      tags: ["finance", "bank"],
      summary:
        "Bank staff: open, unexpired financing needs, a page at a time (`after`: the previous page's nextCursor), " +
        "best fit first — a published product holding the need's amount and term and accepting a guarantee it " +
        "offers, then one accepting such a guarantee, then the rest; newest first within each — each explained " +
        "by its best product criterion by criterion. None while the bank has no published product. An " +
        "enterprise's qualifications, years in operation and revenue are null (and those criteria unknown) " +
        "unless it consented to this bank seeing them. `guarantee` keeps needs offering that form; `fit=full` " +
        "only those a product holds on amount, term and guarantee",
      request: { query: BankNeedsQuery },
      responses: {
        200: json(
          z.object({
            needs: z.array(BankNeedSchema),
            total: z.number().int().openapi({ description: "Needs in the whole list (every page)" }),
            nextCursor: z.string().nullable().openapi({ description: "Pass as `after` for the next page; null: last" }),
          }),
          "Needs, ranked",
        ),
        ...denied,
        422: err("Invalid query (or a cursor from another list)"),
      },
    }),
    async (c) => {
      const page = await needsForBank(actingCtx(c, deps), c.req.valid("query"));
      return c.json({ needs: page.rows.map(bankNeedJson), total: page.total, nextCursor: page.nextCursor }, 200);
    },
  );
}
