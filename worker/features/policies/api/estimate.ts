/** The public calculator (no sign-in): one programme estimated from stated facts. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { validationHook } from "../../../lib/api-errors";
import { AppError } from "../../../lib/errors";
import { lprSeries } from "../../../lib/lpr";
import { body, err, json } from "../../../lib/openapi";
import { requestCtx } from "../../../middleware/request-ctx";
import { currentPolicyOf } from "../current-policy";
import { estimateProgramme } from "../estimate-programme";
import { EstimateBody, EvaluationSchema } from "../programme-schemas";
import { notFound } from "./shared";

const EXPECTED_BODY =
  '请求体应为 {"programme": "<项目编号>", "facts": {...}},可另附已获奖励 "history": ' +
  '[{"programme", "awardedOn": "YYYY-MM-DD", "amountFen"}] 和测算日期 "date": "YYYY-MM-DD"。';

export function estimateApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.openapi(
    createRoute({
      method: "post",
      path: "/estimate",
      operationId: "estimatePolicyProgramme",
      security: [],
      tags: ["policy"],
      summary:
        "Estimate one programme from stated facts (no sign-in): eligibility with a reason per condition, " +
        "amount with cited steps; optionally against awards already made (history) on an evaluation date",
      request: body(EstimateBody),
      responses: {
        200: json(EvaluationSchema, "The engine's result"),
        400: err("Malformed facts, history or date; `fields` names each (e.g. history.2.awardedOn)"),
        ...notFound,
      },
    }),
    async (c) => {
      const ctx = requestCtx(c, deps);
      const { policy, today } = await currentPolicyOf(ctx);
      return c.json(estimateProgramme(policy, today, c.req.valid("json"), lprSeries(ctx.zone.finance.lpr)), 200);
    },
    // The contract promises 400 for a malformed body, not the API's usual 422.
    (result) => {
      if (result.success) return;
      const fields: Record<string, string> = {};
      for (const i of result.error.issues) fields[i.path.join(".") || "body"] ??= i.message;
      const listed = Object.entries(fields)
        .map(([k, v]) => `${k}:${v}`)
        .join(";");
      throw new AppError("bad_request", `请求有误:${listed}。${EXPECTED_BODY}`, fields);
    },
  );
  return r;
}
