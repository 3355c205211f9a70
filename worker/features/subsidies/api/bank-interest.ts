/**
 * 贴息确认 for a bank's staff, mounted at /api/v1/bank/interest-confirmations: the 贴息 applications
 * started from the bank's own loans that wait for the interest paid to be confirmed (and those
 * confirmed, still in progress), and confirming one. A suspended bank is refused by the role guard.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { validationHook } from "../../../lib/api-errors";
import { body, err, json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { requireZone } from "../../../middleware/zone";
import { requireRole } from "../../auth/guard";
import { currentPolicyOf } from "../../policies/current-policy";
import { ConfirmInterestInput, confirmInterest } from "../confirm-interest";
import { listInterestConfirmations } from "../list-interest-confirmations";
import { ApplicationIdParam } from "./request-schemas";
import { applicationJson } from "./response-schemas";
import { Application, denied, titleIn } from "./shared";

const fen = z.number().int().openapi({ description: "Integer fen (1 元 = 100 分)" });
const day = z.string().openapi({ description: "YYYY-MM-DD, Asia/Shanghai", example: "2026-06-09" });

const Row = z
  .object({
    id: z.string(),
    number: z.string().nullable(),
    programme: z.string().openapi({ description: "The programme's title in the policy in force" }),
    enterprise: z.string(),
    statusZh: z.string(),
    submittedOn: day.nullable(),
    loan: z.object({
      id: z.string(),
      number: z.string().nullable(),
      productName: z.string(),
      amountFen: fen.nullable().openapi({ description: "The amount disbursed" }),
      rateBp: z.number().int().nullable().openapi({ description: "The approved annual rate, basis points" }),
      disbursedOn: day.nullable(),
    }),
    period: z
      .object({ from: day, to: day })
      .nullable()
      .openapi({ description: "The interest period the enterprise stated (first and last day, inclusive)" }),
    claimedFen: fen.nullable().openapi({ description: "The interest paid as the enterprise stated it" }),
    confirmed: z
      .object({
        fen,
        by: z.string(),
        at: z.number().int().openapi({ description: "Epoch ms" }),
        note: z.string().nullable(),
      })
      .nullable(),
    revision: z.number().int().openapi({ description: "Send it back with the confirmation" }),
  })
  .openapi("InterestConfirmation");

export function bankInterestApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone, requireRole(deps, "bank"));

  r.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listInterestConfirmations",
      tags: ["subsidies", "bank"],
      summary:
        "Bank staff: 贴息 applications started from this bank's loans, submitted and not yet decided — `pending` " +
        "(the interest paid not yet confirmed, oldest first) and `confirmed` (most recent first), at most 100 each",
      responses: {
        200: json(z.object({ pending: z.array(Row), confirmed: z.array(Row) }), "The bank's 贴息 applications"),
        ...denied,
      },
    }),
    async (c) => c.json(await listInterestConfirmations(actingCtx(c, deps)), 200),
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/{id}",
      operationId: "confirmInterestPaid",
      tags: ["subsidies", "bank"],
      summary:
        "Bank staff: confirm the interest paid on one of the bank's loans for a 贴息 application; the figure " +
        "replaces the programme's interest-paid fact and the amount is computed again (the timeline records it). " +
        "Until then no review stage can be passed",
      request: { params: ApplicationIdParam, ...body(ConfirmInterestInput) },
      responses: {
        200: json(Application, "Confirmed; the application as it now stands (interestPaidFen: integer fen)"),
        ...denied,
        404: err("No such application started from a loan of this bank"),
        409: err("Decided already, changed meanwhile (revision), or a stage was passed on the confirmed figure"),
        422: err("Invalid input"),
      },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      const policyRead = currentPolicyOf(ctx).then((p) => p.policy);
      policyRead.catch(() => {}); // titles only: the service's refusals come first
      const row = await confirmInterest(ctx, c.req.valid("param").id, c.req.valid("json"));
      const application = applicationJson(row, titleIn(await policyRead), ctx.zone);
      return c.json({ application }, 200);
    },
  );
  return r;
}
