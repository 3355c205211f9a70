/**
 * Zone admins: preview a new policy set (validation, cases, diff; changes nothing) and publish it.
 * Both answers say in Chinese what they report: the preview its problems, failures and changes (`zh`),
 * the publication its changes (`zh.diff`) or, refused, the same sentences as the preview in
 * `error.fields` (`errors.N`, `cases.N`).
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { describePolicyDiff } from "../../../engines/policy/describe-diff";
import { validationHook } from "../../../lib/api-errors";
import { AppError } from "../../../lib/errors";
import { body, err, json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { zoneOf } from "../../../middleware/zone";
import { previewInChinese } from "../describe-preview";
import { PolicySetInput, previewPolicyVersion, PublishBody } from "../preview-policy-version";
import { publishPolicyVersion } from "../publish-policy-version";
import { adminErrors } from "./admin-errors";

const Preview = z
  .object({
    publishable: z.boolean(),
    unchanged: z.boolean(),
    errors: z.array(z.string()),
    cases: z.object({
      total: z.number().int(),
      passed: z.number().int(),
      failures: z.array(
        z.object({
          name: z.string(),
          programme: z.string(),
          problems: z.array(z.string()),
          /** The failure in one Chinese sentence: the case's facts, what it expects, what the rules give. */
          zh: z.string(),
        }),
      ),
    }),
    baseVersion: z.number().int().nullable(),
    diff: z.unknown(),
    /** The same in Chinese for people: each format problem and each change of the diff as a sentence. */
    zh: z.object({ errors: z.array(z.string()), diff: z.array(z.string()) }),
  })
  .openapi("PolicyPreview");

const Published = z.object({
  version: z.object({ id: z.number().int(), label: z.string(), effectiveFrom: z.string() }),
  /** 0: the notices are sent by the job, after this answer. */
  notified: z.number().int(),
  /** The 免申即享 job (GET /api/v1/admin/jobs/{id} for its progress); null for a version effective later. */
  job: z.object({ id: z.number().int() }).nullable(),
  diff: z.unknown(),
  /** Each change of `diff` as a sentence, as the preview says it (previews' `zh.diff`). */
  zh: z.object({ diff: z.array(z.string()) }),
});

/**
 * A refusal to publish an invalid set or one whose cases fail, with the preview's Chinese sentences as
 * its fields: `errors.N` each format problem, `cases.N` each failing case (N: its place in the set's
 * `cases`). Read on the refusal path only — nothing is written, so the extra read keeps a refused
 * publication within the write's three round trips — and through the preview itself, so the
 * sentences are exactly those the admin previewed.
 */
async function refusalInChinese(c: Parameters<typeof zoneOf>[0], raw: unknown, e: AppError): Promise<AppError> {
  const zoned = zoneOf(c);
  const zh = previewInChinese(zoned.zone, raw, await previewPolicyVersion(zoned, raw), { proposals: false });
  const fields = Object.fromEntries([
    ...zh.errors.map((sentence, i) => [`errors.${i}`, sentence]),
    ...zh.failures.map((f) => [`cases.${f.index}`, f.zh]),
  ]);
  return Object.keys(fields).length ? new AppError(e.code, e.message, { ...e.fields, ...fields }) : e;
}

/** Guarded by the assembling router (zone_admin, body limit). */
export function adminPublishApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  r.openapi(
    createRoute({
      method: "post",
      path: "/previews",
      operationId: "previewPolicyVersion",
      tags: ["policy admin"],
      summary: "Check a policy set without publishing: format errors, test cases, diff against the newest version",
      request: body(z.object({ policySet: PolicySetInput })),
      responses: { 200: json(Preview, "The preview"), ...adminErrors },
    }),
    async (c) => {
      const raw = c.req.valid("json").policySet;
      const p = await previewPolicyVersion(zoneOf(c), raw);
      const { publishable, unchanged, errors, diff } = p;
      const zh = previewInChinese(zoneOf(c).zone, raw, p, { proposals: false });
      const failures = p.cases.failures.map((f, i) => ({ ...f, zh: zh.failures[i]?.zh ?? f.problems.join(";") }));
      const cases = { ...p.cases, failures };
      const baseVersion = p.base?.id ?? null;
      return c.json(
        { publishable, unchanged, errors, cases, baseVersion, diff, zh: { errors: zh.errors, diff: zh.diff } },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/versions",
      operationId: "publishPolicyVersion",
      tags: ["policy admin"],
      summary:
        "Publish a new policy version (valid, all cases passing, changed, previewed against the newest version); " +
        "the 免申即享 notices are queued as a job",
      request: body(PublishBody),
      responses: {
        201: json(Published, "Published"),
        ...adminErrors,
        422: err(
          "Invalid policy set or failing cases; error.fields says each in Chinese, as the preview's zh: " +
            "errors.N each format problem, cases.N each failing case (N: its place in policySet.cases)",
        ),
      },
    }),
    async (c) => {
      const { policySet, baseVersion, note } = c.req.valid("json");
      const out = await publishPolicyVersion(actingCtx(c, deps), policySet, { baseVersion, note }).catch(
        async (e: unknown) => {
          throw e instanceof AppError && e.code === "validation_failed" ? await refusalInChinese(c, policySet, e) : e;
        },
      );
      const { id, label, effectiveFrom } = out.version;
      const { notified, job } = out;
      const { diff, set } = out.preview;
      const zh = { diff: diff && set ? describePolicyDiff(diff, set) : [] };
      return c.json({ version: { id, label, effectiveFrom }, notified, job, diff, zh }, 201);
    },
  );
  return r;
}
