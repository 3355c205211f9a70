/** Zone staff: the enterprises that match a programme (basis of 免申即享 notices). */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { validationHook } from "../../../lib/api-errors";
import { shanghaiDate } from "../../../lib/calendar";
import { json } from "../../../lib/openapi";
import { requestCtx } from "../../../middleware/request-ctx";
import { currentPolicyOf } from "../current-policy";
import { matchEnterprisesForProgramme } from "../match-programmes";
import { EvaluationSchema, ProgrammeIdParam, VersionSchema } from "../programme-schemas";
import { denied, notFound, Tier, versionJson } from "./shared";

const Counts = z.object({
  eligible: z.number().int(),
  confirm: z.number().int(),
  unknown: z.number().int(),
  ineligible: z.number().int(),
});

/** Guarded by the assembling router (zone_admin and reviewer). */
export function adminMatchesApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.openapi(
    createRoute({
      method: "get",
      path: "/programmes/{id}/matches",
      tags: ["policy"],
      summary: "Zone staff: the enterprises that match a programme (basis of 免申即享 notices)",
      request: { params: ProgrammeIdParam },
      responses: {
        200: json(
          z.object({
            version: VersionSchema,
            counts: Counts,
            enterprises: z.array(z.object({ id: z.string(), name: z.string(), tier: Tier, result: EvaluationSchema })),
          }),
          "Enterprises, qualifying first",
        ),
        ...denied,
        ...notFound,
      },
    }),
    async (c) => {
      const ctx = requestCtx(c, deps);
      const read = currentPolicyOf(ctx).then((p) => p.policy);
      const [policy, m] = await Promise.all([
        read,
        matchEnterprisesForProgramme(ctx, read, c.req.valid("param").id, shanghaiDate(ctx.now)),
      ]);
      return c.json(
        {
          version: versionJson(policy.version),
          counts: m.counts,
          enterprises: m.rows.map((row) => ({
            ...row.enterprise,
            tier: row.fit.tier,
            result: { ...row.fit.result, policyVersion: policy.version.id },
          })),
        },
        200,
      );
    },
  );
  return r;
}
