/**
 * Reads the session cookie on zone hosts and puts the signed-in user (or null)
 * on the context. Requests without the cookie cost no database read. A cookie
 * lucia refreshed (sliding idle expiry) is re-sent; a dead one is cleared.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppDeps, AppEnv } from "../env";
import { createZoneAuth, type ZoneAuth } from "./sessions";

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
    const cookie = c.req.header("cookie");
    if (site.kind !== "zone" || !cookie) return next();
    const auth = zoneAuthFor(c, deps);
    const cookieValue = auth.readCookie(cookie);
    if (!cookieValue) return next();
    const valid = await auth.validate(cookieValue, deps.now());
    if (valid) {
      c.set("auth", { user: valid.user, session: valid.session });
      if (valid.refreshedCookie) c.header("Set-Cookie", valid.refreshedCookie, { append: true });
    } else {
      c.header("Set-Cookie", auth.blankCookie(), { append: true });
    }
    await next();
  });
}
