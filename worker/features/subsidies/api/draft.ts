/** PUT /applications/{id}/draft: the form's autosave. */
import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../../env";
import { body, err, json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { currentPolicyOf } from "../../policies/current-policy";
import { ApplicationIdParam, DraftBody } from "./request-schemas";
import { applicationJson, SubsidyApplicationSchema } from "./response-schemas";
import { saveDraft } from "../save-draft";
import { denied, missing, titleIn, type SubsidyGuards, type SubsidyRouter } from "./shared";

const Saved = z.object({ application: SubsidyApplicationSchema, errors: z.record(z.string(), z.string()) });

export function draftEndpoint(r: SubsidyRouter, deps: AppDeps, g: SubsidyGuards) {
  r.openapi(
    createRoute({
      method: "put",
      path: "/applications/{id}/draft",
      operationId: "saveSubsidyApplicationDraft",
      tags: ["subsidies"],
      middleware: [g.member] as const,
      summary:
        "Autosave a draft (or a returned application being corrected): valid facts are stored, " +
        "invalid ones reported in `errors`; the form as typed is kept",
      request: { params: ApplicationIdParam, ...body(DraftBody) },
      responses: {
        200: json(Saved, "Saved"),
        ...denied,
        ...missing,
        409: err("Already submitted, or changed since `revision`"),
        422: err("Invalid input"),
      },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      // The policy in force is read beside the application: one round trip of reads, then the save.
      const policyRead = currentPolicyOf(ctx).then((p) => p.policy);
      policyRead.catch(() => {}); // awaited by the service (its refusals may come first)
      const out = await saveDraft(ctx, policyRead, c.req.valid("param").id, c.req.valid("json"));
      return c.json(
        { application: applicationJson(out.application, titleIn(await policyRead), ctx.zone), errors: out.errors },
        200,
      );
    },
  );
}
