/**
 * Moving a loan application on: the product's bank 受理 → 授信 → 放款 or 拒绝
 * (with an optional referral); the applicant enterprise's member withdraws it
 * while pending. The other side is told of each step.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { body, err, json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { actOnLoan, BankAction } from "../act-on-loan";
import { WithdrawInput, withdrawLoan } from "../withdraw-loan";
import { loanJson, LoanSchema } from "./loan-schemas";
import { missingLoan } from "./read-loans";
import { denied, LoanIdParam } from "./schema-parts";

const Loan = z.object({ application: LoanSchema });

/** POST /loans/{id}/actions (`bank`) and /loans/{id}/withdraw (`member`), relative to /api/v1/finance. */
export function loanStepEndpoints(
  r: OpenAPIHono<AppEnv>,
  deps: AppDeps,
  guards: { bank: MiddlewareHandler<AppEnv>; member: MiddlewareHandler<AppEnv> },
) {
  r.openapi(
    createRoute({
      method: "post",
      path: "/loans/{id}/actions",
      operationId: "actOnLoanApplication",
      tags: ["finance", "bank"],
      middleware: [guards.bank] as const,
      summary:
        "The product's bank: accept (受理), approve (授信: amount, rate and term within the product's ranges), " +
        "disburse (放款: at most the approved amount, on a day not in the future) or decline (拒绝: a reason, " +
        "optionally a referral to another published product). The enterprise is told of each step",
      request: { params: LoanIdParam, ...body(BankAction) },
      responses: {
        200: json(Loan, "Done; the enterprise is notified"),
        ...denied,
        ...missingLoan,
        409: err("Not possible from its current status, or changed by a colleague since `revision`"),
        422: err(
          "Outside the product's ranges, over the approved amount, a future date, or a referral not in the 金融超市",
        ),
      },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      // The step's write batch ends by reading the row back: the answer costs no round trip of its own.
      return c.json({ application: loanJson(await actOnLoan(ctx, c.req.valid("param").id, c.req.valid("json"))) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/loans/{id}/withdraw",
      operationId: "withdrawLoanApplication",
      tags: ["finance"],
      middleware: [guards.member] as const,
      summary:
        "A member of the applicant enterprise: withdraw (撤回) an application not yet disbursed, declined or " +
        "withdrawn, optionally with a reason. The bank's staff are told and can no longer act on it; the " +
        "timeline shows it. Withdrawing a withdrawn application returns it as it is",
      request: {
        params: LoanIdParam,
        body: { required: false, content: { "application/json": { schema: WithdrawInput } } },
      },
      responses: {
        200: json(Loan, "Withdrawn (or already was); the bank is notified"),
        ...denied,
        ...missingLoan,
        409: err("Already disbursed or declined, or changed by the bank since `revision`"),
        422: err("A reason over 200 characters"),
      },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      const row = await withdrawLoan(ctx, c.req.valid("param").id, c.req.valid("json") ?? {});
      return c.json({ application: loanJson(row) }, 200);
    },
  );
}
