/** POST /applications/{id}/submit: submit, or resubmit after correction. */
import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../../env";
import { err, json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { currentPolicyOf } from "../../policies/current-policy";
import { ApplicationIdParam } from "./request-schemas";
import { applicationJson, SubsidyApplicationSchema } from "./response-schemas";
import { submitApplication } from "../submit-application";
import { denied, missing, titleIn, type SubsidyGuards, type SubsidyRouter } from "./shared";

const Submitted = z.object({ application: SubsidyApplicationSchema, alreadySubmitted: z.boolean() });

export function submitEndpoint(r: SubsidyRouter, deps: AppDeps, g: SubsidyGuards) {
  r.openapi(
    createRoute({
      method: "post",
      path: "/applications/{id}/submit",
      operationId: "submitSubsidyApplication",
      tags: ["subsidies"],
      middleware: [g.member] as const,
      summary:
        "Submit (or resubmit after correction): every fact and required material present, the programme open, " +
        "the engine finding the enterprise eligible with its award history; stores facts, result and policy " +
        "version. Submitting again returns it as it is",
      request: { params: ApplicationIdParam },
      responses: {
        200: json(Submitted, "Submitted (or already was)"),
        ...denied,
        ...missing,
        409: err("Cannot be submitted any more"),
        422: err("A fact or material missing, or a condition not met (the message names it)"),
      },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      const policyRead = currentPolicyOf(ctx).then((p) => p.policy);
      policyRead.catch(() => {}); // awaited by the service (its refusals may come first)
      const out = await submitApplication(ctx, policyRead, c.req.valid("param").id);
      const policy = await policyRead;
      return c.json(
        {
          application: applicationJson(out.application, titleIn(policy), ctx.zone),
          alreadySubmitted: out.alreadySubmitted,
        },
        200,
      );
    },
  );
}
