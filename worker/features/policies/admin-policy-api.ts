/**
 * Zone admins' policy versions in the JSON API: list, read one (to edit and
 * re-upload), preview a new set (validation, cases, diff; changes nothing) and
 * publish it. The same services back the admin pages and `npm run policy:publish`.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { AppDeps, AppEnv } from "../../env";
import { ErrorEnvelope, validationHook } from "../../lib/api-errors";
import { AppError } from "../../lib/errors";
import { requireZone, zoneOf } from "../../middleware/zone";
import { requestCtx } from "../../middleware/request-ctx";
import { requireRole, signedIn } from "../auth/guard";
import { shanghaiDate } from "../../lib/calendar";
import { getPolicyVersion, listPolicyVersions } from "./list-policy-versions";
import { PolicySetInput, previewPolicyVersion, PublishBody } from "./preview-policy-version";
import { publishPolicyVersion } from "./publish-policy-version";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const errors = {
  401: json(ErrorEnvelope, "No session"),
  403: json(ErrorEnvelope, "Zone admins only"),
  404: json(ErrorEnvelope, "No such version"),
  409: json(ErrorEnvelope, "Unchanged, or another version was published meanwhile"),
  413: json(ErrorEnvelope, "Policy set over 2 MB"),
  422: json(ErrorEnvelope, "Invalid policy set or failing cases"),
};

/** Policy sets are a few hundred KB at most; anything larger is a mistake. */
export const POLICY_BODY_LIMIT = 2 * 1024 * 1024;
export const policyBodyLimit = bodyLimit({
  maxSize: POLICY_BODY_LIMIT,
  onError: () => {
    throw new AppError("payload_too_large", "政策数据超过 2 MB,请检查上传的文件。");
  },
});

const VersionItem = z
  .object({
    id: z.number().int(),
    label: z.string(),
    effectiveFrom: z.string(),
    publishedAt: z.string(),
    publishedVia: z.enum(["admin", "cli"]),
    publishedBy: z.string().nullable(),
    programmeCount: z.number().int(),
    caseCount: z.number().int(),
    note: z.string().nullable(),
    status: z.enum(["current", "scheduled", "superseded"]),
  })
  .openapi("PolicyVersionItem");
const Preview = z
  .object({
    publishable: z.boolean(),
    unchanged: z.boolean(),
    errors: z.array(z.string()),
    cases: z.object({
      total: z.number().int(),
      passed: z.number().int(),
      failures: z.array(z.object({ name: z.string(), programme: z.string(), problems: z.array(z.string()) })),
    }),
    baseVersion: z.number().int().nullable(),
    diff: z.unknown(),
  })
  .openapi("PolicyPreview");

export function adminPolicyApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("/api/v1/admin/policy/versions", requireZone, requireRole(deps, "zone_admin"), policyBodyLimit);
  r.use("/api/v1/admin/policy/versions/*", requireZone, requireRole(deps, "zone_admin"), policyBodyLimit);
  r.use("/api/v1/admin/policy/previews", requireZone, requireRole(deps, "zone_admin"), policyBodyLimit);

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/admin/policy/versions",
      tags: ["policy admin"],
      summary: "Published policy versions, newest first",
      responses: { 200: json(z.object({ versions: z.array(VersionItem) }), "Versions"), ...errors },
    }),
    async (c) => {
      const versions = await listPolicyVersions(zoneOf(c), shanghaiDate(deps.now()));
      return c.json(
        { versions: versions.map((v) => ({ ...v, publishedAt: new Date(v.publishedAt).toISOString() })) },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/admin/policy/versions/{id}",
      tags: ["policy admin"],
      summary: "One version's policy set (as stored) and what it changed",
      request: {
        params: z.object({
          id: z.coerce
            .number()
            .int()
            .min(1)
            .max(2_147_483_647)
            .openapi({ param: { name: "id", in: "path" } }),
        }),
      },
      responses: {
        200: json(
          z.object({
            id: z.number().int(),
            label: z.string(),
            effectiveFrom: z.string(),
            publishedAt: z.string(),
            policySet: z.unknown(),
            changes: z.unknown(),
          }),
          "The version",
        ),
        ...errors,
      },
    }),
    async (c) => {
      const v = await getPolicyVersion(zoneOf(c), c.req.valid("param").id);
      return c.json({ ...v, publishedAt: new Date(v.publishedAt).toISOString() }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/admin/policy/previews",
      tags: ["policy admin"],
      summary: "Check a policy set without publishing: format errors, test cases, diff against the newest version",
      request: {
        body: { required: true, content: { "application/json": { schema: z.object({ policySet: PolicySetInput }) } } },
      },
      responses: { 200: json(Preview, "The preview"), ...errors },
    }),
    async (c) => {
      const p = await previewPolicyVersion(zoneOf(c), c.req.valid("json").policySet);
      return c.json(
        {
          publishable: p.publishable,
          unchanged: p.unchanged,
          errors: p.errors,
          cases: p.cases,
          baseVersion: p.base?.id ?? null,
          diff: p.diff,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/admin/policy/versions",
      tags: ["policy admin"],
      summary: "Publish a new policy version (valid, all cases passing, changed, previewed against the newest version)",
      request: { body: { required: true, content: { "application/json": { schema: PublishBody } } } },
      responses: {
        201: json(
          z.object({
            version: z.object({ id: z.number().int(), label: z.string(), effectiveFrom: z.string() }),
            notified: z.number().int(),
            diff: z.unknown(),
          }),
          "Published",
        ),
        ...errors,
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const ctx = requestCtx(c, deps);
      const { user } = signedIn(c);
      const out = await publishPolicyVersion(
        {
          db: ctx.db,
          zone: ctx.zone,
          now: ctx.now,
          ip: ctx.ip,
          actor: { id: user.id, email: user.email },
          origin: ctx.origin,
        },
        body.policySet,
        { baseVersion: body.baseVersion, note: body.note },
      );
      return c.json(
        {
          version: { id: out.version.id, label: out.version.label, effectiveFrom: out.version.effectiveFrom },
          notified: out.notified,
          diff: out.preview.diff,
        },
        201,
      );
    },
  );
  return r;
}
