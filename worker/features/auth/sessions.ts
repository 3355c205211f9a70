/**
 * Sessions with lucia v3, one Lucia instance per request over that zone's
 * database (never a module-level one). Two instances share the cookie name:
 * browser-session cookies with a sliding idle timeout, and "记住我" cookies that
 * persist for rememberDays. Lucia only slides expiry, so the absolute lifetime is
 * enforced here from the session's created_at.
 *
 * A session id is `<zone slug>.<s|r>.<160 random bits>`: the zone is checked before
 * any lookup, so a cookie minted by one zone is refused by every other, even if a
 * random part ever collided; the letter picks the instance that validates it.
 */
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { Cookie, Lucia, TimeSpan, type Session, type User } from "lucia";
import type { ZoneConfig } from "../../../tenants/schema";
import type { TenantDb } from "../../db/open";
import { sessions, users, type Role } from "../../db/schema";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  enterpriseId: string | null;
  bankId: string | null;
  status: "active" | "disabled";
  passwordChangedAt: number;
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof makeLucia>;
    DatabaseUserAttributes: typeof users.$inferSelect;
    DatabaseSessionAttributes: { createdAt: number; remember: boolean; ip: string | null; userAgent: string | null };
  }
}

/** `__Host-` needs a Secure cookie; Chromium accepts Secure cookies on http://*.localhost. */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-yq_session" : "yq_session";
}

function makeLucia(db: TenantDb, expiresIn: TimeSpan, persistent: boolean, secure: boolean) {
  return new Lucia(new DrizzleSQLiteAdapter(db, sessions, users), {
    sessionExpiresIn: expiresIn,
    sessionCookie: { name: sessionCookieName(secure), expires: persistent, attributes: { secure, sameSite: "lax", path: "/" } },
    getSessionAttributes: (a) => ({ createdAt: a.createdAt, remember: a.remember }),
    getUserAttributes: (a): Omit<SessionUser, "id"> => ({
      email: a.email,
      name: a.name,
      role: a.role,
      enterpriseId: a.enterpriseId,
      bankId: a.bankId,
      status: a.status,
      passwordChangedAt: a.passwordChangedAt,
    }),
  });
}

/**
 * Lucia v3's `expires: false` still gives a 400-day cookie. Without 记住我 the
 * cookie must end with the browser session, so its lifetime attributes go.
 */
function serializeCookie(lucia: ReturnType<typeof makeLucia>, sessionId: string, persistent: boolean): string {
  const cookie = lucia.createSessionCookie(sessionId);
  if (persistent) return cookie.serialize();
  const { maxAge: _maxAge, expires: _expires, ...attributes } = cookie.attributes;
  return new Cookie(cookie.name, cookie.value, attributes).serialize();
}

export type ZoneAuth = ReturnType<typeof createZoneAuth>;

export function createZoneAuth({ db, zone, secure }: { db: TenantDb; zone: ZoneConfig; secure: boolean }) {
  const { idleMinutes, absoluteHours, rememberDays } = zone.security;
  const browser = makeLucia(db, new TimeSpan(idleMinutes, "m"), false, secure);
  const remembered = makeLucia(db, new TimeSpan(rememberDays, "d"), true, secure);
  const pick = (remember: boolean) => (remember ? remembered : browser);
  const absoluteMs = (remember: boolean) => (remember ? rememberDays * 86_400_000 : absoluteHours * 3_600_000);

  return {
    cookieName: browser.sessionCookieName,

    async create(userId: string, opts: { remember: boolean; now: Date; ip: string | null; userAgent: string | null }) {
      const random = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
      const sessionId = `${zone.slug}.${opts.remember ? "r" : "s"}.${random}`;
      const session = await pick(opts.remember).createSession(
        userId,
        { createdAt: opts.now.getTime(), remember: opts.remember, ip: opts.ip, userAgent: opts.userAgent?.slice(0, 300) ?? null },
        { sessionId },
      );
      return { session, cookie: serializeCookie(pick(opts.remember), session.id, opts.remember) };
    },

    /** The session and user for a cookie value, or null; a refreshed cookie when lucia slid the expiry. */
    async validate(sessionId: string, now: Date): Promise<{ session: Session; user: User; refreshedCookie: string | null } | null> {
      const parts = sessionId.split(".");
      if (parts.length !== 3 || parts[0] !== zone.slug || (parts[1] !== "s" && parts[1] !== "r")) return null;
      const remember = parts[1] === "r";
      const lucia = pick(remember);
      const { session, user } = await lucia.validateSession(sessionId);
      if (!session || !user) return null;
      if (now.getTime() - session.createdAt >= absoluteMs(remember) || user.status !== "active") {
        await lucia.invalidateSession(session.id);
        return null;
      }
      return { session, user, refreshedCookie: session.fresh ? serializeCookie(lucia, session.id, remember) : null };
    },

    async invalidate(sessionId: string) {
      await browser.invalidateSession(sessionId);
    },

    /** Ends every session of a user, both kinds (they share one table). */
    async invalidateUser(userId: string) {
      await browser.invalidateUserSessions(userId);
    },

    blankCookie(): string {
      return browser.createBlankSessionCookie().serialize();
    },

    readCookie(header: string | undefined): string | null {
      return header ? browser.readSessionCookie(header) : null;
    },
  };
}
