/**
 * Cross-site request forgery and content-type rules for every state change.
 * - Forms (pages): Hono's `csrf` admits only the zone's own origin, so a sibling
 *   zone's subdomain (a different origin) is refused like any other site.
 * - JSON API: a body must be `application/json` (forms and text/plain, the types a
 *   cross-site page can send without a preflight, are refused with 415), and a
 *   browser-sent Origin must be the zone's own. File uploads to the API (UPLOAD_API)
 *   are the one exception to JSON: multipart/form-data, still behind the Origin check
 *   (browsers send Origin on every cross-origin POST) and the SameSite=Lax session cookie.
 * - API token requests (Authorization: Bearer on a zone's /api/v1/*) skip the Origin check: no
 *   cookie is read for them, and browsers never send that header cross-site without a preflight.
 * - GET never changes state (routes are written so; nothing here can enforce it).
 */
import { createMiddleware } from "hono/factory";
import { csrf } from "hono/csrf";
import type { AppDeps, AppEnv } from "../env";
import { platformOrigin } from "../env";
import { AppError } from "../lib/errors";
import { bearerTokenOf } from "./bearer";
import { isApiPath } from "./headers";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
/** API paths that take a file as multipart/form-data (a subsidy application's or a 风险补偿 claim's materials). */
const UPLOAD_API = /^\/api\/v1\/(subsidies\/applications|bank\/risk-pool\/claims)\/[^/]+\/materials$/;
/** The zone's logo: the image itself as the body of a PUT (features/zone-settings/logo-api.ts). */
const LOGO_API = "/api/v1/admin/zone/settings/logo";
const LOGO_TYPES = new Set(["image/png", "image/jpeg", "image/webp"]);

export function requestGuards(deps: AppDeps) {
  // The one origin rule (env.ts zoneOrigin): the scheme and port served, and the zone's hostname
  // this request came on (its custom one, else its primary). The platform site has its own rule.
  const ownOrigin = (c: Parameters<Parameters<typeof createMiddleware<AppEnv>>[0]>[0]) => {
    const site = c.get("site");
    return site.kind === "zone" ? site.origin : platformOrigin(deps.config);
  };
  const forms = csrf({ origin: (origin, c) => origin === ownOrigin(c) });
  return createMiddleware<AppEnv>(async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    if (!isApiPath(c.req.path)) {
      // hono/csrf answers 403 itself; map it into our error envelope and page.
      return forms(c, next).catch((e: unknown) => {
        if (e instanceof Error && "status" in e && (e as { status: number }).status === 403) {
          throw new AppError("forbidden", "这个表单不是从本园区网站提交的,已拒绝。请回到页面重新提交。");
        }
        throw e;
      });
    }
    const origin = c.req.header("origin");
    // An API token's request (middleware/bearer.ts) reads no cookie, so a forged one carries nothing to abuse.
    if (origin !== undefined && origin !== ownOrigin(c) && bearerTokenOf(c) === null)
      throw new AppError("forbidden", "跨站请求已拒绝:请求来源不是本园区。");
    const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
    const hasBody =
      c.req.header("content-length") !== "0" &&
      (c.req.header("content-length") !== undefined ||
        c.req.header("transfer-encoding") !== undefined ||
        type !== undefined);
    if (hasBody && type === "multipart/form-data" && UPLOAD_API.test(c.req.path)) return next();
    // A cross-site page cannot send image/* without a CORS preflight, which is never granted.
    if (hasBody && c.req.path === LOGO_API && type !== undefined && LOGO_TYPES.has(type)) return next();
    if (hasBody && type !== "application/json")
      throw new AppError("unsupported_media_type", "请求体必须是 JSON(Content-Type: application/json)。");
    await next();
  });
}
