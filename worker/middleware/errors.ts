/**
 * The one mapping from failures to HTTP: JSON `{ error: { code, message } }`
 * under /api/, an HTML page elsewhere. Unexpected errors are logged with the
 * request id and shown without internals. A database outage (db/time-limited-client.ts:
 * no answer in time, unreachable, locked) is 503 with Retry-After, not a 500.
 */
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../env";
import { findDatabaseUnavailable } from "../db/time-limited-client";
import { AppError, setRetryAfter, type ErrorBody } from "../lib/errors";
import { isApiPath } from "./headers";
import { renderErrorPage } from "../../web/pages/error-page";

function respond(c: Context<AppEnv>, err: AppError): Response | Promise<Response> {
  if (isApiPath(c.req.path)) {
    // The id is always in the X-Request-Id header; the body repeats it only for 5xx, where a
    // person must quote it. 4xx bodies stay byte-identical across requests (sign-in
    // failures must not differ in anything but timing noise).
    const body: ErrorBody = { error: { code: err.code, message: err.message } };
    if (err.status >= 500) body.error.requestId = c.get("requestId");
    if (err.fields) body.error.fields = err.fields;
    setRetryAfter(c, err);
    return c.json(body, err.status);
  }
  setRetryAfter(c, err);
  const site = c.get("site");
  return c.html(
    renderErrorPage({
      status: err.status,
      message: err.message,
      requestId: c.get("requestId"),
      zone: site?.kind === "zone" ? site.zone : null,
      nonce: c.get("secureHeadersNonce"),
    }),
    err.status,
  );
}

/** Seconds a client is asked to wait after an outage (503): long enough for a database restart or failover. */
export const OUTAGE_RETRY_AFTER_SECONDS = 30;

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof AppError) return respond(c, err);
  if (err instanceof HTTPException && err.status < 500) {
    const code = err.status === 413 ? "payload_too_large" : err.status === 404 ? "not_found" : "bad_request";
    return respond(c, new AppError(code, err.message || "请求无效。"));
  }
  const outage = findDatabaseUnavailable(err);
  if (outage) {
    // An outage, not a bug: one warning line (no stack) for operators, 503 + Retry-After for clients.
    const site = c.get("site");
    console.error(
      JSON.stringify({
        level: "warn",
        event: "database_unavailable",
        requestId: c.get("requestId"),
        zone: site?.kind === "zone" ? site.zone.slug : null,
        path: c.req.path,
        reason: outage.reason,
        error: describe(outage),
      }),
    );
    return respond(
      c,
      new AppError(
        "unavailable",
        "服务暂时不可用,请约半分钟后再试。如果刚才在提交内容,请先刷新页面看看是否已经保存,再决定是否重新提交。",
        undefined,
        { retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS },
      ),
    );
  }
  console.error(
    JSON.stringify({
      level: "error",
      requestId: c.get("requestId"),
      path: c.req.path,
      error: describe(err),
      stack: err instanceof Error ? err.stack : undefined,
    }),
  );
  return respond(c, new AppError("internal", "服务器出错了,请稍后再试;如果一直这样,请把页面上的请求编号告诉我们。"));
};

/** The error and its causes, innermost last: drizzle wraps the driver's error (the useful part) as `cause`. */
function describe(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e !== undefined && depth < 5; depth++) {
    parts.push(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    e = e instanceof Error ? e.cause : undefined;
  }
  return parts.join(" ← caused by ");
}

export const onNotFound: NotFoundHandler<AppEnv> = (c) =>
  respond(c, new AppError("not_found", "找不到这个页面或接口。"));
