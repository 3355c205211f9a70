/**
 * Zone admins' settings API (mounted at /api/v1/admin/zone/settings): the settings in
 * force (version in the ETag), a deep-merging PUT (If-Match honoured: 412 when stale),
 * the logo (logo-api.ts), the versions, and restoring one. The role is checked before
 * any body is read, so a reviewer's bad body is a 403, not a 422.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { zoneSettingsPatchSchema, zoneSettingsSchema } from "../../../tenants/settings";
import type { AppDeps, AppEnv } from "../../env";
import { validationHook } from "../../lib/api-errors";
import { err, json } from "../../lib/openapi";
import { actingCtx, requestCtx } from "../../middleware/request-ctx";
import { requireZone } from "../../middleware/zone";
import { requireRole } from "../auth/guard";
import { getZoneSettings } from "./get-zone-settings";
import { expectedVersionOf, IfMatchHeader } from "./if-match";
import { listSettingsVersions } from "./list-settings-versions";
import { restoreSettingsVersion } from "./restore-settings-version";
import { logoEndpoints } from "./logo-api";
import { refusals, settingsReply, stale } from "./settings-reply";
import { updateZoneSettings } from "./update-zone-settings";

const settingsResponse = json(zoneSettingsSchema, "The zone's settings in force; the version is the ETag");

const VersionItem = z
  .object({
    version: z.number().int(),
    changedAt: z.string(),
    changedBy: z.string().nullable(),
    restoredFrom: z.number().int().nullable(),
    changed: z.array(z.string()),
  })
  .openapi("ZoneSettingsVersion");

const VersionParam = z.object({
  version: z.coerce
    .number()
    .int()
    .min(0)
    .max(2_147_483_647)
    // `required` said outright: coerce turns null into 0, which min(0) admits, so the generator
    // would otherwise call the parameter optional (a path parameter never is; OpenAPI 3.1 refuses it).
    .openapi({
      param: { name: "version", in: "path", required: true },
      description: "0 restores the code's defaults",
    }),
});

export function zoneSettingsApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone, requireRole(deps, "zone_admin"));

  r.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "getZoneSettings",
      tags: ["zone settings"],
      summary: "The zone's settings in force (the code's defaults until the zone changes one)",
      responses: { 200: settingsResponse, ...refusals },
    }),
    async (c) => settingsReply(c, await getZoneSettings(requestCtx(c, deps))),
  );

  r.openapi(
    createRoute({
      method: "put",
      path: "/",
      operationId: "updateZoneSettings",
      tags: ["zone settings"],
      summary:
        "Change any subset of the settings: objects merge, lists replace; the whole is validated. " +
        "With If-Match (GET's ETag) a change made on an older version is refused with 412; " +
        "without it, last writer wins",
      request: {
        headers: IfMatchHeader,
        body: { required: true, content: { "application/json": { schema: zoneSettingsPatchSchema } } },
      },
      responses: {
        200: settingsResponse,
        ...refusals,
        400: err("If-Match is not one of this API's ETags"),
        ...stale,
        422: err("A value is invalid; fields names each one"),
      },
    }),
    async (c) => {
      const expectedVersion = expectedVersionOf(c.req.valid("header")["if-match"]);
      const change = { patch: c.req.valid("json"), expectedVersion };
      return settingsReply(c, await updateZoneSettings(actingCtx(c, deps), change));
    },
  );

  logoEndpoints(r, deps);

  r.openapi(
    createRoute({
      method: "get",
      path: "/versions",
      operationId: "listZoneSettingsVersions",
      tags: ["zone settings"],
      summary: "Settings versions, newest first: who, when, which top-level keys changed",
      responses: { 200: json(z.object({ versions: z.array(VersionItem) }), "Versions"), ...refusals },
    }),
    async (c) => {
      const versions = await listSettingsVersions(requestCtx(c, deps));
      return c.json({ versions: versions.map((v) => ({ ...v, changedAt: new Date(v.changedAt).toISOString() })) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/versions/{version}/restore",
      operationId: "restoreZoneSettingsVersion",
      tags: ["zone settings"],
      summary: "Put an earlier version back in force, as a new version",
      request: { params: VersionParam },
      responses: {
        200: settingsResponse,
        ...refusals,
        404: err("No such version"),
        409: err("That version no longer passes the settings rules"),
      },
    }),
    async (c) => settingsReply(c, await restoreSettingsVersion(actingCtx(c, deps), c.req.valid("param").version)),
  );
  return r;
}
