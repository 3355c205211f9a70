/**
 * The policy JSON API: programmes of the version in force, the public
 * calculator (no sign-in), and 政策找企业 for enterprises and staff.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppDeps, AppEnv } from "../../env";
import { ErrorEnvelope, validationHook } from "../../lib/api-errors";
import { AppError } from "../../lib/errors";
import { requireZone, zoneOf } from "../../middleware/zone";
import { requireRole } from "../auth/guard";
import { memberOf, requireMember } from "../enterprises/member-guard";
import { shanghaiDate } from "../../lib/calendar";
import { loadCurrentPolicy, type LoadedPolicy } from "./current-policy";
import { estimateProgramme } from "./estimate-programme";
import { matchEnterprisesForProgramme, matchProgrammesForEnterprise } from "./match-programmes";
import {
  EstimateBody,
  EvaluationSchema,
  ProgrammeIdParam,
  ProgrammeQuery,
  ProgrammeSchema,
  VersionSchema,
} from "./programme-schemas";
import { searchProgrammes, viewOf } from "./search-programmes";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const notFound = { 404: json(ErrorEnvelope, "No such programme, or no policy published yet") };
const denied = { 401: json(ErrorEnvelope, "No session"), 403: json(ErrorEnvelope, "Not allowed for this account") };

/** The version in force today; a zone that has published none answers 404 with a sentence saying so. */
export async function currentPolicyOf(
  c: Context<AppEnv>,
  deps: AppDeps,
): Promise<{ policy: LoadedPolicy; today: string }> {
  const today = shanghaiDate(deps.now());
  const policy = await loadCurrentPolicy(zoneOf(c), today);
  if (!policy) throw new AppError("not_found", "本园区尚未发布政策。");
  return { policy, today };
}

export const versionJson = (v: LoadedPolicy["version"]) => ({
  id: v.id,
  label: v.label,
  effectiveFrom: v.effectiveFrom,
  publishedAt: new Date(v.publishedAt).toISOString(),
});

const Tier = z.enum(["eligible", "confirm", "unknown", "ineligible"]).openapi({
  description:
    "eligible: its records prove a condition; confirm: nothing fails but only who-may-apply must be confirmed; unknown: a fact is missing; ineligible: a condition fails",
});
const FitSchema = z.object({
  programme: ProgrammeSchema,
  result: EvaluationSchema,
  tier: Tier,
  met: z.number().int(),
  missed: z.number().int(),
  untold: z.number().int(),
});

export function programmeApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("/api/v1/policy/*", requireZone);
  r.use("/api/v1/policy/matches", requireMember(deps));
  r.use("/api/v1/admin/policy/programmes/*", requireZone, requireRole(deps, "zone_admin", "reviewer"));

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/policy/programmes",
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
      const { policy } = await currentPolicyOf(c, deps);
      return c.json(
        { version: versionJson(policy.version), programmes: searchProgrammes(policy.compiled, c.req.valid("query")) },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/policy/programmes/{id}",
      tags: ["policy"],
      summary: "One programme: clause text, who may apply, facts, conditions, amount, materials",
      request: { params: ProgrammeIdParam },
      responses: {
        200: json(ProgrammeSchema.extend({ policyVersion: z.number().int() }), "The programme"),
        ...notFound,
      },
    }),
    async (c) => {
      const { policy } = await currentPolicyOf(c, deps);
      const id = c.req.valid("param").id;
      const view = viewOf(policy.compiled, id);
      if (!view) throw new AppError("not_found", `本园区当前政策(第${policy.version.id}版)没有编号为 ${id} 的项目。`);
      return c.json({ ...view, policyVersion: policy.version.id }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/policy/estimate",
      tags: ["policy"],
      summary:
        "Estimate one programme from stated facts (no sign-in): eligibility with a reason per condition, amount with cited steps; optionally against awards already made (history) on an evaluation date",
      request: { body: { required: true, content: { "application/json": { schema: EstimateBody } } } },
      responses: {
        200: json(EvaluationSchema, "The engine's result"),
        400: json(ErrorEnvelope, "Malformed facts, history or date; `fields` names each (e.g. history.2.awardedOn)"),
        ...notFound,
      },
    }),
    async (c) => {
      const { policy, today } = await currentPolicyOf(c, deps);
      return c.json(estimateProgramme(policy, today, c.req.valid("json")), 200);
    },
    // The contract promises 400 for a malformed body, not the API's usual 422.
    (result) => {
      if (result.success) return;
      const fields: Record<string, string> = {};
      for (const i of result.error.issues) fields[i.path.join(".") || "body"] ??= i.message;
      throw new AppError(
        "bad_request",
        `请求有误:${Object.entries(fields)
          .map(([k, v]) => `${k}:${v}`)
          .join(
            ";",
          )}。请求体应为 {"programme": "<项目编号>", "facts": {...}},可另附已获奖励 "history": [{"programme", "awardedOn": "YYYY-MM-DD", "amountFen"}] 和测算日期 "date": "YYYY-MM-DD"。`,
        fields,
      );
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/policy/matches",
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
      const { policy, today } = await currentPolicyOf(c, deps);
      const m = await matchProgrammesForEnterprise(zoneOf(c), policy, memberOf(c).enterpriseId, today);
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

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/admin/policy/programmes/{id}/matches",
      tags: ["policy"],
      summary: "Zone staff: the enterprises that match a programme (basis of 免申即享 notices)",
      request: { params: ProgrammeIdParam },
      responses: {
        200: json(
          z.object({
            version: VersionSchema,
            counts: z.object({
              eligible: z.number().int(),
              confirm: z.number().int(),
              unknown: z.number().int(),
              ineligible: z.number().int(),
            }),
            enterprises: z.array(z.object({ id: z.string(), name: z.string(), tier: Tier, result: EvaluationSchema })),
          }),
          "Enterprises, qualifying first",
        ),
        ...denied,
        ...notFound,
      },
    }),
    async (c) => {
      const { policy, today } = await currentPolicyOf(c, deps);
      const m = await matchEnterprisesForProgramme(zoneOf(c), policy, c.req.valid("param").id, today);
      return c.json(
        {
          version: versionJson(policy.version),
          counts: m.counts,
          enterprises: m.rows.map((r) => ({
            ...r.enterprise,
            tier: r.fit.tier,
            result: { ...r.fit.result, policyVersion: policy.version.id },
          })),
        },
        200,
      );
    },
  );
  return r;
}
