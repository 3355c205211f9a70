/**
 * Security headers, split by what a response is. Pages get the full set with a
 * per-response CSP nonce (hono/secure-headers). JSON API responses get the
 * short fixed set the OWASP REST Security Cheat Sheet recommends: every header
 * costs throughput, and page-only ones (nonce CSP, COOP, ...) do nothing for JSON.
 */
import { createMiddleware } from "hono/factory";
import { NONCE, secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "../env";

const API_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["Cache-Control", "no-store"],
  ["Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"],
  ["Strict-Transport-Security", "max-age=31536000; includeSubDomains"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-Frame-Options", "DENY"],
  ["Referrer-Policy", "no-referrer"],
];

const pageHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    styleSrc: ["'self'", NONCE],
    scriptSrc: ["'self'", NONCE],
    imgSrc: ["'self'", "data:"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
  },
  strictTransportSecurity: "max-age=31536000; includeSubDomains",
  xFrameOptions: "DENY",
  referrerPolicy: "strict-origin-when-cross-origin",
  crossOriginEmbedderPolicy: false,
});

export function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

/**
 * A page whose URL or form carries a live token (password reset, invitation): it
 * must not leak via Referer or caches. Its no-referrer survives `securityHeaders`.
 */
export async function tokenPageResponse(page: Response | Promise<Response>): Promise<Response> {
  const res = await page;
  res.headers.set("Cache-Control", "no-store");
  res.headers.set("Referrer-Policy", "no-referrer");
  return res;
}

export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  if (!isApiPath(c.req.path)) {
    // A page may tighten its Referrer-Policy (tokenPageResponse: no-referrer).
    // secure-headers writes the site-wide one after the handler, so a page's own
    // value is put back afterwards.
    let own: string | null = null;
    await pageHeaders(c, async () => {
      await next();
      own = c.res.headers.get("Referrer-Policy");
    });
    if (own) c.res.headers.set("Referrer-Policy", own);
    return;
  }
  // Set before the response exists, so they are merged into it as it is built:
  // touching c.res.headers afterwards would force a full Response copy on Node.
  for (const [name, value] of API_HEADERS) c.header(name, value);
  await next();
});
