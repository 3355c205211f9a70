/** Zone admins: the published policy versions, and one version's set (to edit and re-upload). */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { validationHook } from "../../../lib/api-errors";
import { shanghaiDate } from "../../../lib/calendar";
import { json } from "../../../lib/openapi";
import { zoneOf } from "../../../middleware/zone";
import { getPolicyVersion, listPolicyVersions } from "../list-policy-versions";
import { adminErrors } from "./admin-errors";

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

const VersionId = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2_147_483_647)
    .openapi({ param: { name: "id", in: "path" } }),
});

const StoredVersion = z.object({
  id: z.number().int(),
  label: z.string(),
  effectiveFrom: z.string(),
  publishedAt: z.string(),
  policySet: z.unknown(),
  changes: z.unknown(),
});

/** Guarded by the assembling router (zone_admin). */
export function adminVersionsApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  r.openapi(
    createRoute({
      method: "get",
      path: "/versions",
      operationId: "listPolicyVersions",
      tags: ["policy admin"],
      summary: "Published policy versions, newest first",
      responses: { 200: json(z.object({ versions: z.array(VersionItem) }), "Versions"), ...adminErrors },
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
      path: "/versions/{id}",
      operationId: "getPolicyVersion",
      tags: ["policy admin"],
      summary: "One version's policy set (as stored) and what it changed",
      request: { params: VersionId },
      responses: { 200: json(StoredVersion, "The version"), ...adminErrors },
    }),
    async (c) => {
      const v = await getPolicyVersion(zoneOf(c), c.req.valid("param").id);
      return c.json({ ...v, publishedAt: new Date(v.publishedAt).toISOString() }, 200);
    },
  );
  return r;
}
