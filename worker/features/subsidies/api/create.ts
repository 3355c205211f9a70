/** POST /applications: a member starts a draft for a programme of the policy in force. */
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../../../env";
import { actingCtx } from "../../../middleware/request-ctx";
import { body, err, json } from "../../../lib/openapi";
import { currentPolicyOf } from "../../policies/current-policy";
import { CreateBody, IdempotencyHeader } from "./request-schemas";
import { applicationJson } from "./response-schemas";
import { createApplication } from "../create-application";
import { Application, denied, titleIn, type SubsidyGuards, type SubsidyRouter } from "./shared";

export function createEndpoint(r: SubsidyRouter, deps: AppDeps, g: SubsidyGuards) {
  r.openapi(
    createRoute({
      method: "post",
      path: "/applications",
      operationId: "createSubsidyApplication",
      tags: ["subsidies"],
      middleware: [g.member] as const,
      summary:
        "Start an application (a draft) for a programme of the policy in force; " +
        "a retry with the same Idempotency-Key returns the first one",
      request: { headers: IdempotencyHeader, ...body(CreateBody) },
      responses: {
        201: json(Application, "Created"),
        200: json(Application, "Already created with this Idempotency-Key (or, from a loan, its draft)"),
        ...denied,
        404: err("No such programme in the policy in force, or no such loan of the enterprise"),
        409: err("The loan is not disbursed, or the programme's limits are used up"),
        422: err("Invalid input, a programme enterprises do not apply for themselves, or one no loan feeds"),
      },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      const policyRead = currentPolicyOf(ctx).then((p) => p.policy);
      policyRead.catch(() => {}); // awaited by the service (its refusals may come first)
      const { programme, facts, formValues, projectCode, loanId } = c.req.valid("json");
      const out = await createApplication(
        ctx,
        policyRead,
        { programme, facts, formValues, projectCode, loanId },
        c.req.valid("header")["idempotency-key"] ?? null,
      );
      const application = applicationJson(out.application, titleIn(await policyRead), ctx.zone);
      return out.created ? c.json({ application }, 201) : c.json({ application }, 200);
    },
  );
}
