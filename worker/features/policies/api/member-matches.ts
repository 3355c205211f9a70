/** 政策找企业 for the signed-in enterprise: every programme ranked by fit. */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { validationHook } from "../../../lib/api-errors";
import { shanghaiDate } from "../../../lib/calendar";
import { json } from "../../../lib/openapi";
import { requestCtx } from "../../../middleware/request-ctx";
import { memberOf } from "../../enterprises/member-guard";
import { currentPolicyOf } from "../current-policy";
import { matchProgrammesForEnterprise } from "../match-programmes";
import { VersionSchema } from "../programme-schemas";
import { viewOf } from "../search-programmes";
import { denied, FitSchema, notFound, versionJson } from "./shared";

/** Guarded by the assembling router (requireMember). */
export function memberMatchesApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.openapi(
    createRoute({
      method: "get",
      path: "/matches",
      operationId: "listPolicyMatches",
      tags: ["policy"],
      summary:
        "政策找企业 for the signed-in enterprise: every programme ranked by fit, with conditions met, missed and untold",
      responses: {
        200: json(
          z.object({ version: VersionSchema, figuresYear: z.number().int().nullable(), matches: z.array(FitSchema) }),
          "Ranked programmes",
        ),
        ...denied,
        ...notFound,
      },
    }),
    async (c) => {
      const ctx = requestCtx(c, deps);
      const today = shanghaiDate(ctx.now);
      const read = currentPolicyOf(ctx).then((p) => p.policy);
      const [policy, m] = await Promise.all([
        read,
        matchProgrammesForEnterprise(ctx, read, memberOf(c).enterpriseId, today),
      ]);
      return c.json(
        {
          version: versionJson(policy.version),
          figuresYear: m.figuresYear,
          matches: m.fits.map((f) => ({
            programme: viewOf(policy.compiled, f.programme.id)!,
            result: { ...f.result, policyVersion: policy.version.id },
            tier: f.tier,
            met: f.met,
            missed: f.missed,
            untold: f.untold,
          })),
        },
        200,
      );
    },
  );
  return r;
}
