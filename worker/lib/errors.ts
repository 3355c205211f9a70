/**
 * The one error type the app throws on purpose. `app.onError` maps it to HTTP
 * (JSON for /api/*, an HTML page otherwise), so services never build responses.
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";

export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  zone_not_found: 404,
  conflict: 409,
  /** An If-Match that no longer names the current version (园区设置): someone else changed it since. */
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  /** The zone exists but the platform has suspended it (control plane). */
  zone_suspended: 503,
  /** The zone is being created and does not serve yet. */
  zone_provisioning: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: ContentfulStatusCode;
  /** Field-level detail for forms and API clients, e.g. { "uscc": "校验码错误" }. */
  readonly fields?: Record<string, string>;
  /** Seconds until a retry can succeed (429, 503): sent as `Retry-After` by the one error mapping. */
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    message: string,
    fields?: Record<string, string>,
    opts: { retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_STATUS[code];
    if (fields) this.fields = fields;
    if (opts.retryAfterSeconds !== undefined) this.retryAfterSeconds = Math.max(1, Math.ceil(opts.retryAfterSeconds));
  }
}

/**
 * Sets `Retry-After` when `e` says when to retry. `onError` does this for thrown
 * errors; a page that renders a refusal itself (a form shown again with the
 * message) calls it so the header is there too.
 */
export function setRetryAfter(c: { header(name: string, value: string): void }, e: unknown): void {
  if (e instanceof AppError && e.retryAfterSeconds !== undefined) c.header("Retry-After", String(e.retryAfterSeconds));
}

/** The JSON error envelope every /api/* failure uses. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; requestId?: string; fields?: Record<string, string> };
}
