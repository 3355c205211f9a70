/**
 * Sessions with lucia v3, one Lucia instance per request over that zone's
 * database (never a module-level one). Two instances share the cookie name:
 * browser-session cookies with a sliding idle timeout, and "记住我" cookies that
 * persist for rememberDays. Lucia only slides expiry, so the absolute lifetime is
 * enforced here from the session's created_at.
 *
 * The cookie carries `<zone slug>.<s|r>.<secret>` (160 random bits); the
 * database keeps only `<zone slug>.<s|r>.<SHA-256 of the secret>` as lucia's
 * session id, so whoever reads the sessions table (a backup, a leaked dump) holds
 * no cookie that signs anyone in. The zone is checked before any lookup, so a
 * cookie minted by one zone is refused by every other, even if a random part ever
 * collided; the letter picks the instance that validates it. Lucia still runs
 * the lifecycle (sliding expiry, refresh, invalidation) on the stored id; only
 * the cookie it writes is given the secret instead.
 */
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { Cookie, Lucia, TimeSpan, type Session, type User } from "lucia";
import type { ZoneConfig } from "../../tenants/schema";
import type { TenantDb } from "../db/open";
import { sessions, users, type Role } from "../db/schema";

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
    sessionCookie: {
      name: sessionCookieName(secure),
      expires: persistent,
      attributes: { secure, sameSite: "lax", path: "/" },
    },
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

/** 20 random bytes in lowercase base32: what a cookie's secret must look like. */
const SECRET_FORMAT = /^[a-z2-7]{32}$/;

/** The id lucia stores for a cookie's secret: same zone and kind, the secret replaced by its SHA-256. */
export function storedSessionId(slug: string, kind: "s" | "r", secret: string): string {
  return `${slug}.${kind}.${encodeHexLowerCase(sha256(new TextEncoder().encode(secret)))}`;
}

/**
 * Lucia v3's `expires: false` still gives a 400-day cookie. Without 记住我 the
 * cookie must end with the browser session, so its lifetime attributes go.
 */
function serializeCookie(lucia: ReturnType<typeof makeLucia>, cookieValue: string, persistent: boolean): string {
  const cookie = lucia.createSessionCookie(cookieValue);
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
      const kind = opts.remember ? "r" : "s";
      const secret = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
      const session = await pick(opts.remember).createSession(
        userId,
        {
          createdAt: opts.now.getTime(),
          remember: opts.remember,
          ip: opts.ip,
          userAgent: opts.userAgent?.slice(0, 300) ?? null,
        },
        { sessionId: storedSessionId(zone.slug, kind, secret) },
      );
      return { session, cookie: serializeCookie(pick(opts.remember), `${zone.slug}.${kind}.${secret}`, opts.remember) };
    },

    /**
     * The session and user for a cookie value, or null; a refreshed cookie (the
     * same secret, a later expiry) when lucia slid the expiry. A cookie holding a
     * stored id rather than a secret has the wrong shape and is refused unread.
     */
    async validate(
      cookieValue: string,
      now: Date,
    ): Promise<{ session: Session; user: User; refreshedCookie: string | null } | null> {
      const parts = cookieValue.split(".");
      const [slug, kind, secret] = parts;
      if (parts.length !== 3 || slug !== zone.slug || (kind !== "s" && kind !== "r") || !SECRET_FORMAT.test(secret!))
        return null;
      const remember = kind === "r";
      const lucia = pick(remember);
      const { session, user } = await lucia.validateSession(storedSessionId(zone.slug, kind, secret!));
      if (!session || !user) return null;
      if (now.getTime() - session.createdAt >= absoluteMs(remember) || user.status !== "active") {
        await lucia.invalidateSession(session.id);
        return null;
      }
      return { session, user, refreshedCookie: session.fresh ? serializeCookie(lucia, cookieValue, remember) : null };
    },

    /** Ends one session, by its stored id (`session.id` of a validated session), never a cookie value. */
    async invalidate(storedId: string) {
      await browser.invalidateSession(storedId);
    },

    /** Ends every session of a user, both kinds (they share one table). */
    async invalidateUser(userId: string) {
      await browser.invalidateUserSessions(userId);
    },

    blankCookie(): string {
      return browser.createBlankSessionCookie().serialize();
    },

    /** The session cookie's value (the secret, not yet hashed) from a Cookie header. */
    readCookie(header: string | undefined): string | null {
      return header ? browser.readSessionCookie(header) : null;
    },
  };
}
