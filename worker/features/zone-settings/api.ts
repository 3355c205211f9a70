/**
 * Zone admins' settings API (mounted at /api/v1/admin/zone/settings): the settings in
 * force (version in the ETag), a deep-merging PUT, the versions, and restoring one. The
 * role is checked before any body is read, so a reviewer's bad body is a 403, not a 422.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { zoneSettingsPatchSchema, zoneSettingsSchema } from "../../../tenants/settings";
import type { AppDeps, AppEnv } from "../../env";
import { validationHook } from "../../lib/api-errors";
import { body, err, json } from "../../lib/openapi";
import { actingCtx, requestCtx } from "../../middleware/request-ctx";
import { requireZone } from "../../middleware/zone";
import { requireRole } from "../auth/guard";
import { type CurrentZoneSettings, getZoneSettings } from "./get-zone-settings";
import { listSettingsVersions } from "./list-settings-versions";
import { restoreSettingsVersion } from "./restore-settings-version";
import { updateZoneSettings } from "./update-zone-settings";

const refusals = { 401: err("No session"), 403: err("Zone admins only") };
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
    .openapi({ param: { name: "version", in: "path" }, description: "0 restores the code's defaults" }),
});

/** The settings as the response body, the version as a strong ETag. */
function settingsReply(c: Context<AppEnv>, current: CurrentZoneSettings) {
  c.header("ETag", `"${current.version}"`);
  return c.json(current.settings, 200);
}

export function zoneSettingsApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone, requireRole(deps, "zone_admin"));

  r.openapi(
    createRoute({
      method: "get",
      path: "/",
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
      tags: ["zone settings"],
      summary: "Change any subset of the settings: objects merge, lists replace; the whole is validated",
      request: body(zoneSettingsPatchSchema),
      responses: { 200: settingsResponse, ...refusals, 422: err("A value is invalid; fields names each one") },
    }),
    async (c) => settingsReply(c, await updateZoneSettings(actingCtx(c, deps), c.req.valid("json"))),
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/versions",
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
