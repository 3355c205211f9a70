/** Programmes of the version in force: the searchable list and one programme. */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { validationHook } from "../../../lib/api-errors";
import { AppError } from "../../../lib/errors";
import { json } from "../../../lib/openapi";
import { requestCtx } from "../../../middleware/request-ctx";
import { currentPolicyOf } from "../current-policy";
import { ProgrammeIdParam, ProgrammeQuery, ProgrammeSchema, VersionSchema } from "../programme-schemas";
import { searchProgrammes, viewOf } from "../search-programmes";
import { notFound, versionJson } from "./shared";

export function programmesApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  r.openapi(
    createRoute({
      method: "get",
      path: "/programmes",
      operationId: "listPolicyProgrammes",
      security: [],
      tags: ["policy"],
      summary: "Programmes of the policy version in force (id, title, clause, facts with types)",
      request: { query: ProgrammeQuery },
      responses: {
        200: json(
          z.object({ version: VersionSchema, programmes: z.array(ProgrammeSchema) }),
          "Programmes in policy order",
        ),
        ...notFound,
      },
    }),
    async (c) => {
      const { policy } = await currentPolicyOf(requestCtx(c, deps));
      return c.json(
        { version: versionJson(policy.version), programmes: searchProgrammes(policy.compiled, c.req.valid("query")) },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/programmes/{id}",
      operationId: "getPolicyProgramme",
      security: [],
      tags: ["policy"],
      summary: "One programme: clause text, who may apply, facts, conditions, amount, materials",
      request: { params: ProgrammeIdParam },
      responses: {
        200: json(ProgrammeSchema.extend({ policyVersion: z.number().int() }), "The programme"),
        ...notFound,
      },
    }),
    async (c) => {
      const { policy } = await currentPolicyOf(requestCtx(c, deps));
      const id = c.req.valid("param").id;
      const view = viewOf(policy.compiled, id);
      if (!view) throw new AppError("not_found", `本园区当前政策(第${policy.version.id}版)没有编号为 ${id} 的项目。`);
      return c.json({ ...view, policyVersion: policy.version.id }, 200);
    },
  );
  return r;
}
