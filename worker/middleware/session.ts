/**
 * Reads the session cookie on zone hosts and puts the signed-in user (or null) on the
 * context, and brings the zone's state (settings and data versions, middleware/zone-settings.ts)
 * up to date — in one round trip: the session, its user, the organisation's status and the
 * zone's state are one batch. A request without a session cookie reads only the zone's state,
 * and only when this isolate's copy is older than FRESH_MS. A cookie lucia refreshed (sliding
 * idle expiry) is re-sent; a dead one is cleared. An API token on /api/v1/* takes the session's
 * place there (middleware/bearer.ts).
 */
import type { Context, Next } from "hono";
import type { ZoneConfig } from "../../tenants/schema";
import { zoneOf } from "./zone";
import { createMiddleware } from "hono/factory";
import type { AppDeps, AppEnv } from "../env";
import {
  applyZoneState,
  cachedZoneState,
  codeZoneOf,
  keepLastSeen,
  loadZone,
  markZoneStateStale,
  type ZoneStateRows,
  zoneStateReads,
} from "./zone-settings";
import { authenticateBearer, bearerTokenOf } from "./bearer";
import { createZoneAuth, hasSessionCookie, type SessionRow, type ZoneAuth } from "./sessions";

/** Secure cookies on https origins and on *.localhost, which browsers treat as secure. */
function isSecureOrigin(url: string): boolean {
  const u = new URL(url);
  return u.protocol === "https:" || u.hostname === "localhost" || u.hostname.endsWith(".localhost");
}

export function zoneAuthFor(c: Context<AppEnv>, deps: AppDeps): ZoneAuth {
  const site = c.get("site");
  if (site.kind !== "zone") throw new Error("zoneAuthFor outside a zone");
  return createZoneAuth({
    db: site.db,
    zone: site.zone,
    secure: isSecureOrigin(deps.config.PUBLIC_URL_TEMPLATE.replace("{tenant}", site.zone.slug)),
  });
}

export function sessionMiddleware(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set("auth", null);
    const site = c.get("site");
    if (site.kind !== "zone") return next();
    const code = codeZoneOf(site.zone);
    const nowMs = deps.now().getTime();
    // An API token on /api/v1/* (middleware/bearer.ts): the cookie, if any, is not read at all.
    const token = bearerTokenOf(c);
    if (token !== null) {
      c.set(
        "auth",
        await authenticateBearer(c, token, code, { nowMs, ip: deps.clientIp(c) }, (write) =>
          runBeside(c, write, "token_touch_failed"),
        ),
      );
      await next();
      afterWrite(c, code);
      return;
    }
    const header = c.req.header("cookie");
    // No session cookie at all (most visitors): no sessions object is built, nothing is parsed.
    if (!hasSessionCookie(header)) return anonymous(c, deps, code, nowMs, next);
    const auth = zoneAuthFor(c, deps);
    const cookieValue = auth.readCookie(header);
    const read = cookieValue ? auth.sessionRead(cookieValue) : null;
    if (!cookieValue || !read) {
      if (cookieValue) c.header("Set-Cookie", auth.blankCookie(), { append: true });
      await anonymous(c, deps, code, nowMs, next);
      return;
    }
    let row: SessionRow | undefined;
    try {
      const [sessionRows, ...state] = await site.db.batch([read, ...zoneStateReads(site.db, code)]);
      row = sessionRows[0];
      site.zone = applyZoneState(code, state as ZoneStateRows, nowMs);
    } catch (err) {
      site.zone = keepLastSeen(code, err, nowMs);
      // The state read failed but not for an outage (e.g. a bad stored settings version): the session alone.
      row = (await read)[0];
    }
    // The sliding-expiry write changes nothing this request reads: it runs beside the request.
    const valid = await auth.validateRead(cookieValue, row, deps.now(), (write) => runBeside(c, write));
    if (valid) {
      c.set("auth", {
        user: valid.user,
        session: valid.session,
        organisationStatus: valid.organisationStatus,
        token: null,
      });
      if (valid.refreshedCookie) c.header("Set-Cookie", valid.refreshedCookie, { append: true });
    } else {
      c.header("Set-Cookie", auth.blankCookie(), { append: true });
    }
    await next();
    // What this request wrote may have moved a data version: public pages served here next read it first.
    afterWrite(c, code);
  });
}

/**
 * A request without a session: the zone's state as this isolate holds it. Within FRESH_MS of the last
 * read, no read. Older, the read runs beside the request (it overlaps the handler's own, so it costs
 * no round trip of its own) and this request is served on what the isolate held — at most FRESH_MS
 * plus one request behind. With nothing held yet, or after this isolate served a write, the request
 * waits for the read first, so a write is visible at once on the isolate that made it.
 */
async function anonymous(c: Context<AppEnv>, deps: AppDeps, code: ZoneConfig, nowMs: number, next: Next) {
  const site = zoneOf(c);
  const held = cachedZoneState(code, nowMs);
  const report = deps.config.DEV_TOOLS === "1";
  if (!held || held.mustRead) {
    // Development says when this request waited for the state (round-trip tests allow it one wave).
    if (report) c.header(ZONE_STATE_HEADER, "read");
    site.zone = await loadZone(code, () => site.db, nowMs, { force: true });
  } else if (!held.fresh) {
    if (report) c.header(ZONE_STATE_HEADER, "refresh");
    site.zone = held.zone;
    const refresh = loadZone(code, () => site.db, nowMs, { force: true }).catch((err) =>
      console.warn(JSON.stringify({ level: "warn", event: "zone_state_refresh_failed", error: String(err) })),
    );
    await next();
    await refresh;
    afterWrite(c, code);
    return;
  } else {
    site.zone = held.zone;
  }
  await next();
  afterWrite(c, code);
}

/**
 * After a request that may have written what public pages show, this isolate's next request reads the
 * zone's state first. Signing in, out, resetting a password and making or revoking an API token write
 * only accounts: they do not count.
 */
function afterWrite(c: Context<AppEnv>, code: ZoneConfig) {
  if (SAFE_METHODS.has(c.req.method) || ACCOUNT_ONLY.test(c.req.path)) return;
  markZoneStateStale(code);
}

const ACCOUNT_ONLY =
  /^\/(api\/v1\/auth\/|api\/v1\/tokens(\/|$)|account\/tokens(\/|$)|login$|logout$|forgot-password$|reset-password$)/;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** In development: "read" on an anonymous request that re-read the zone's state (its own round trip). */
export const ZONE_STATE_HEADER = "X-Zone-State";

/** Work the response need not wait for: the Worker keeps it alive (waitUntil); on Node it just runs. */
function runBeside(c: Context<AppEnv>, work: Promise<void>, event = "session_refresh_failed") {
  const logged = work.catch((err) => console.error(JSON.stringify({ level: "error", event, error: String(err) })));
  try {
    c.executionCtx.waitUntil(logged);
  } catch {
    // No execution context (the Node server): the promise runs on by itself.
  }
}
