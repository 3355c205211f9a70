/**
 * GET /branding/logo (mounted at /branding): the zone's logo, public, as the settings in
 * force name it. With `?v=<its version>` (the address the pages use) it never changes, so
 * browsers keep it for a year; any other address is the current logo, kept 5 minutes.
 * The type is the one its bytes were checked to be, never sniffed again (nosniff).
 */
import { Hono } from "hono";
import { LOGO_KEY, logoVersion, zoneLogo } from "../../../tenants/settings";
import type { AppDeps, AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { requireZone, zoneOf } from "../../middleware/zone";

const SERVED_TYPES = new Set(["image/png", "image/jpeg", "image/webp"]);
const NO_LOGO = "本园区还没有上传徽标。";

export function brandingRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  r.get("/logo", requireZone, async (c) => {
    const { zone } = zoneOf(c);
    const key = zoneLogo(zone);
    // One bucket serves every zone: only a key under this zone's own prefix is served here.
    if (!key || !LOGO_KEY.test(key) || !key.startsWith(`${zone.slug}/branding/`))
      throw new AppError("not_found", NO_LOGO);
    const version = logoVersion(key);
    const etag = `"${version}"`;
    const cacheControl = c.req.query("v") === version ? "public, max-age=31536000, immutable" : "public, max-age=300";
    const headers = { ETag: etag, "Cache-Control": cacheControl, "X-Content-Type-Options": "nosniff" };
    if (c.req.header("if-none-match") === etag) return c.body(null, 304, headers);
    const blob = await deps.blobs.get(key);
    if (!blob || !SERVED_TYPES.has(blob.contentType)) {
      console.error(
        JSON.stringify({ level: "error", message: "zone logo missing in the blob store", zone: zone.slug, key }),
      );
      throw new AppError("not_found", NO_LOGO);
    }
    return c.body(blob.body as ReadableStream | Uint8Array<ArrayBuffer>, 200, {
      ...headers,
      "Content-Type": blob.contentType,
      "Content-Length": String(blob.size),
      "Content-Disposition": "inline",
    });
  });

  return r;
}
