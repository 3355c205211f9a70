/**
 * The zone's logo over the API (on the settings router): PUT the image itself as the body
 * (Content-Type image/png, image/jpeg or image/webp; the bytes decide what it is, at most
 * 256 KB, never SVG), DELETE to show none. Each is a settings version like any other
 * change, with the same If-Match.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { zoneSettingsSchema } from "../../../tenants/settings";
import type { AppDeps } from "../../env";
import { AppError } from "../../lib/errors";
import { err, json } from "../../lib/openapi";
import { actingCtx } from "../../middleware/request-ctx";
import { expectedVersionOf, IfMatchHeader } from "./if-match";
import { LOGO_LIMIT_LABEL, logoTooLarge, MAX_LOGO_BYTES } from "./logo-file";
import { removeZoneLogo, setZoneLogo } from "./set-zone-logo";
import { refusals, type SettingsRouter, settingsReply, stale } from "./settings-reply";

/** What a client may declare; what the image really is, the bytes say (logo-file.ts). */
const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
const image = z.string().max(MAX_LOGO_BYTES).openapi({ type: "string", format: "binary", maxLength: MAX_LOGO_BYTES });

const logoLimit = bodyLimit({
  maxSize: MAX_LOGO_BYTES,
  onError: () => {
    throw logoTooLarge();
  },
});

export function logoEndpoints(r: SettingsRouter, deps: AppDeps) {
  const settings = json(
    zoneSettingsSchema,
    "The settings in force, branding.logo naming the new logo; version in ETag",
  );

  r.openapi(
    createRoute({
      method: "put",
      path: "/logo",
      operationId: "uploadZoneLogo",
      tags: ["zone settings"],
      middleware: [logoLimit] as const,
      summary:
        "Upload the zone's logo: the image itself as the body " +
        `(PNG, JPEG or WebP by its bytes, at most ${LOGO_LIMIT_LABEL}; no SVG)`,
      request: {
        headers: IfMatchHeader,
        body: {
          required: true,
          content: Object.fromEntries(LOGO_TYPES.map((t) => [t, { schema: image }])),
        },
      },
      responses: {
        200: settings,
        ...refusals,
        ...stale,
        400: err("If-Match is not one of this API's ETags"),
        413: err(`Over ${LOGO_LIMIT_LABEL}`),
        415: err("Content-Type is not image/png, image/jpeg or image/webp"),
        422: err("Empty, SVG, or not PNG/JPEG/WebP by its bytes"),
      },
    }),
    async (c) => {
      const ctx = actingCtx(c, deps);
      const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
      if (!LOGO_TYPES.includes(type as (typeof LOGO_TYPES)[number]))
        throw new AppError(
          "unsupported_media_type",
          "请把图片本身作为请求体上传,Content-Type 为 image/png、image/jpeg 或 image/webp。",
        );
      const expectedVersion = expectedVersionOf(c.req.valid("header")["if-match"]);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      return settingsReply(c, await setZoneLogo({ ...ctx, blobs: deps.blobs }, { bytes, expectedVersion }));
    },
  );

  r.openapi(
    createRoute({
      method: "delete",
      path: "/logo",
      operationId: "deleteZoneLogo",
      tags: ["zone settings"],
      summary: "Show no logo (a new settings version; an earlier one with the logo can be restored)",
      request: { headers: IfMatchHeader },
      responses: { 200: settings, ...refusals, ...stale, 400: err("If-Match is not one of this API's ETags") },
    }),
    async (c) => {
      const expectedVersion = expectedVersionOf(c.req.valid("header")["if-match"]);
      return settingsReply(c, await removeZoneLogo(actingCtx(c, deps), { expectedVersion }));
    },
  );
}
