/** What the settings API's endpoints share: the router type, the refusals, and the reply with its ETag. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../env";
import { err } from "../../lib/openapi";
import type { CurrentZoneSettings } from "./get-zone-settings";

export type SettingsRouter = OpenAPIHono<AppEnv>;

export const refusals = { 401: err("No session"), 403: err("Zone admins only") };

/** For writes: If-Match named an older version (the message says who changed it, and when). */
export const stale = { 412: err("If-Match names an older version: someone else saved since; nothing written") };

/** The settings as the response body, the version as a strong ETag. */
export function settingsReply(c: Context<AppEnv>, current: CurrentZoneSettings) {
  c.header("ETag", `"${current.version}"`);
  return c.json(current.settings, 200);
}
