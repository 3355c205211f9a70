/** POST /applications/{id}/payments: the zone admin records a payment of an approved award. */
import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../../env";
import { body, err, json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { ApplicationIdParam } from "./request-schemas";
import { applicationJson, SubsidyApplicationSchema } from "./response-schemas";
import { PaymentInput, recordPayment } from "../record-payment";
import { denied, missing, titles, type SubsidyGuards, type SubsidyRouter } from "./shared";

const Recorded = z.object({ application: SubsidyApplicationSchema, paidFen: z.number().int() });

export function paymentsEndpoint(r: SubsidyRouter, deps: AppDeps, g: SubsidyGuards) {
  r.openapi(
    createRoute({
      method: "post",
      path: "/applications/{id}/payments",
      operationId: "recordSubsidyPayment",
      tags: ["subsidies"],
      middleware: [g.admin] as const,
      summary:
        "Zone admin: record a payment (amount, date, voucher number) of an approved award; " +
        "payments never exceed it, and it is paid when they add up",
      request: { params: ApplicationIdParam, ...body(PaymentInput) },
      responses: {
        201: json(Recorded, "Recorded"),
        ...denied,
        ...missing,
        409: err("Not approved for payment, already paid, or the voucher number is used"),
        422: err("Over the award, or a date in the future"),
      },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      const id = c.req.valid("param").id;
      // Titles are read beside the payment's checks: one round trip of reads, then one guarded write.
      const title = titles(c, deps);
      const row = await recordPayment(ctx, id, c.req.valid("json"), title);
      return c.json({ application: applicationJson(row, await title, ctx.zone), paidFen: row.paidFen }, 201);
    },
  );
}
