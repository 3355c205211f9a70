/**
 * A member applies for a published product, with the separate consent for
 * that bank and an optional Idempotency-Key, so a retry makes no second
 * application.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { body, err, json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { ApplyInput, applyForLoan } from "../loan-applications";
import { IdempotencyHeader, loanJson, LoanSchema } from "./loan-schemas";
import { denied } from "./schema-parts";

const Loan = z.object({ application: LoanSchema });

/** POST /loans, relative to /api/v1/finance; `member` guards it. */
export function applyForLoanEndpoint(r: OpenAPIHono<AppEnv>, deps: AppDeps, member: MiddlewareHandler<AppEnv>) {
  r.openapi(
    createRoute({
      method: "post",
      path: "/loans",
      operationId: "createLoanApplication",
      tags: ["finance"],
      middleware: [member] as const,
      summary:
        "A member: apply for a published product (optionally from one of its needs), with `consent: true` — the " +
        "separate, explicit consent that this bank sees the enterprise's qualifications, years in operation and " +
        "revenue. The bank's staff are told. One open application (submitted, accepted or approved) per " +
        "enterprise and product, held by a unique constraint: of parallel applications one is created and the " +
        "others get 409. A retry with the same Idempotency-Key — after the first or at the same time — returns " +
        "the first application (200), never 409 and never a second one",
      request: { headers: IdempotencyHeader, ...body(ApplyInput) },
      responses: {
        201: json(Loan, "Applied; due to be accepted or declined within the zone's working days"),
        200: json(
          Loan,
          "Already applied with this Idempotency-Key (also when the retry raced the first request): " +
            "the first application",
        ),
        ...denied,
        404: err("No such product in the 金融超市, or no such need of yours"),
        409: err(
          "An application of this enterprise for this product is already in progress " +
            "(你已申请过这个产品,正在办理中), also when it was made a moment ago by a parallel request",
        ),
        422: err(
          "Invalid input, consent not given, or an amount or term outside the product's ranges " +
            "(the message names the range)",
        ),
      },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      const out = await applyForLoan(ctx, c.req.valid("json"), c.req.valid("header")["idempotency-key"] ?? null);
      // Read with the write (or the retry's check): the answer costs no round trip of its own.
      const application = loanJson(out.listed);
      return out.created ? c.json({ application }, 201) : c.json({ application }, 200);
    },
  );
}
