/**
 * `Cache-Control: private, no-store` on every page response that is someone's own:
 *  - any response to a request that carries a session cookie or was signed in
 *    (errors and redirects included: a 404 or 403 still names the user in its header);
 *  - any response that sets a cookie (sign-in, sign-out, a refreshed session);
 *  - any response to a form post (it echoes what the person typed);
 *  - anonymous pages whose URL or form carries a token or an applicant's own data
 *    (PERSONAL_PAGES), and every 5xx (an outage page must not outlive the outage in a cache).
 * Anonymous public pages (the zone home, /policy, documents, the favicon) keep whatever
 * they send. A route's own header that already says no-store stands (it is as strict).
 *
 * Decided once here rather than per route, so a new page cannot forget it. API responses
 * are all `no-store` already (headers.ts), so they are left alone and cost nothing here.
 */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { isApiPath } from "./headers";

export const PRIVATE_CACHE_CONTROL = "private, no-store";

/** Both spellings of the session cookie (`__Host-` on secure origins), see ./sessions.ts */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?yq_session=/;

/**
 * Anonymous pages with personal data: a reset or invitation token in the URL, the 申请入驻
 * form (its draft token and, when sent back, what the applicant typed) and its status page.
 */
const PERSONAL_PAGES = /^\/(?:reset-password|invite|apply)(?:\/|$)/;

const SAFE_METHODS = new Set(["GET", "HEAD"]);

export const privateResponses = createMiddleware<AppEnv>(async (c, next) => {
  const path = c.req.path;
  if (isApiPath(path)) return next();
  // Read before the session middleware runs: if it fails (database down), the cookie still says whose request this is.
  const cookie = c.req.header("cookie");
  const carriesSession = cookie !== undefined && SESSION_COOKIE.test(cookie);
  await next();
  const res = c.res;
  const personal =
    carriesSession ||
    c.get("auth") != null ||
    !SAFE_METHODS.has(c.req.method) ||
    PERSONAL_PAGES.test(path) ||
    res.status >= 500 ||
    res.headers.has("set-cookie");
  if (!personal) return;
  const own = res.headers.get("cache-control");
  if (own && /\bno-store\b/i.test(own)) return;
  res.headers.set("Cache-Control", PRIVATE_CACHE_CONTROL);
});
