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
import { eq, sql } from "drizzle-orm";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import {
  Cookie,
  Lucia,
  TimeSpan,
  type Adapter,
  type DatabaseSession,
  type DatabaseUser,
  type Session,
  type User,
} from "lucia";
import type { ZoneConfig } from "../../tenants/schema";
import type { TenantDb } from "../db/open";
import { banks, enterprises, notices, sessions, users, type Role } from "../db/schema";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  enterpriseId: string | null;
  bankId: string | null;
  status: "active" | "disabled";
  passwordChangedAt: number;
  /** Unread notices (消息中心), counted in the session's own read: the header shows it on every page. */
  unreadNotices: number;
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof makeLucia>;
    DatabaseUserAttributes: typeof users.$inferSelect & { unreadNotices?: number };
    DatabaseSessionAttributes: { createdAt: number; remember: boolean; ip: string | null; userAgent: string | null };
  }
}

/** Whether a Cookie header carries a session cookie at all, valid or not (either name). */
export function hasSessionCookie(header: string | undefined): boolean {
  return header !== undefined && /(^|;\s*)(__Host-)?yq_session=/.test(header);
}

/** `__Host-` needs a Secure cookie; Chromium accepts Secure cookies on http://*.localhost. */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-yq_session" : "yq_session";
}

function makeLucia(db: TenantDb, expiresIn: TimeSpan, persistent: boolean, secure: boolean, adapter?: Adapter) {
  return new Lucia(adapter ?? new DrizzleSQLiteAdapter(db, sessions, users), {
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
      unreadNotices: a.unreadNotices ?? 0,
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

/**
 * The status of the organisation a user acts for, read with the session: null when the user acts for
 * none (zone staff, an applicant), "missing" when its row is gone, else the row's status.
 */
export const organisationStatus = sql<string | null>`CASE
  WHEN ${users.role} = 'bank' AND ${users.bankId} IS NOT NULL
    THEN COALESCE((SELECT ${banks.status} FROM ${banks} WHERE ${banks.id} = ${users.bankId}), 'missing')
  WHEN ${users.role} = 'enterprise' AND ${users.enterpriseId} IS NOT NULL
    THEN COALESCE(
      (SELECT ${enterprises.status} FROM ${enterprises} WHERE ${enterprises.id} = ${users.enterpriseId}),
      'missing'
    )
END`;

/** The user's unread notices: a scalar subquery on the (user_id, read_at) index, in the session's row. */
const unreadNotices = sql<number>`(SELECT count(*) FROM ${notices} WHERE ${notices.userId} = ${users.id}
  AND ${notices.readAt} IS NULL)`.mapWith(Number);

/** One read: a stored session id's session, its user, the user's organisation status and unread notices. */
function sessionRead(db: TenantDb, storedId: string) {
  return db
    .select({ session: sessions, user: users, organisationStatus, unreadNotices })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, storedId))
    .limit(1);
}
export type SessionRow = Awaited<ReturnType<typeof sessionRead>>[number];

/**
 * Lucia's adapter, except that the session and user are the row already read in the request's first
 * batch (so validating costs no round trip of its own), and the sliding-expiry update is handed to
 * `defer` rather than awaited: it changes nothing the request reads, so no one waits for it.
 */
class PrefetchedAdapter extends DrizzleSQLiteAdapter {
  readonly #row: SessionRow | undefined;
  readonly #defer: (write: Promise<void>) => void;
  constructor(db: TenantDb, row: SessionRow | undefined, defer: (write: Promise<void>) => void) {
    super(db, sessions, users);
    this.#row = row;
    this.#defer = defer;
  }
  override async getSessionAndUser(): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    if (!this.#row) return [null, null];
    const attributes = { ...this.#row.user, unreadNotices: this.#row.unreadNotices };
    return [toDatabaseSession(this.#row.session), { id: this.#row.user.id, attributes }];
  }
  override async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    this.#defer(super.updateSessionExpiration(sessionId, expiresAt));
  }
}

/** Lucia's adapter, except that a new session's row is kept, for the caller to write in its own batch. */
class CapturingAdapter extends DrizzleSQLiteAdapter {
  readonly #db: TenantDb;
  #session: DatabaseSession | undefined;
  constructor(db: TenantDb) {
    super(db, sessions, users);
    this.#db = db;
  }
  override async setSession(session: DatabaseSession): Promise<void> {
    this.#session = session;
  }
  /** The INSERT the drizzle adapter's setSession would have run. */
  insert() {
    const s = this.#session;
    if (!s) throw new Error("lucia created no session");
    const attributes = s.attributes as Omit<typeof sessions.$inferInsert, "id" | "userId" | "expiresAt">;
    return this.#db
      .insert(sessions)
      .values({ id: s.id, userId: s.userId, expiresAt: Math.floor(s.expiresAt.getTime() / 1000), ...attributes });
  }
}

/** The drizzle adapter's own mapping of a sessions row (expires_at in epoch seconds). */
function toDatabaseSession(row: typeof sessions.$inferSelect): DatabaseSession {
  const { id, userId, expiresAt, ...attributes } = row;
  return { id, userId, expiresAt: new Date(expiresAt * 1000), attributes };
}

export function createZoneAuth({ db, zone, secure }: { db: TenantDb; zone: ZoneConfig; secure: boolean }) {
  const { idleMinutes, absoluteHours, rememberDays } = zone.security;
  const browserFor = new TimeSpan(idleMinutes, "m");
  const rememberedFor = new TimeSpan(rememberDays, "d");
  const browser = makeLucia(db, browserFor, false, secure);
  const remembered = makeLucia(db, rememberedFor, true, secure);
  const pick = (remember: boolean) => (remember ? remembered : browser);
  const absoluteMs = (remember: boolean) => (remember ? rememberDays * 86_400_000 : absoluteHours * 3_600_000);

  return {
    cookieName: browser.sessionCookieName,

    async create(userId: string, opts: { remember: boolean; now: Date; ip: string | null; userAgent: string | null }) {
      const { insert, ...created } = await this.prepare(userId, opts);
      await insert;
      return created;
    },

    /**
     * A new session as `create` makes it, with its row's INSERT returned unrun, for the caller's
     * own batch (sign-in writes it with its attempt and audit rows in one round trip).
     */
    async prepare(userId: string, opts: { remember: boolean; now: Date; ip: string | null; userAgent: string | null }) {
      const kind = opts.remember ? "r" : "s";
      const secret = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
      const capture = new CapturingAdapter(db);
      const lucia = makeLucia(db, opts.remember ? rememberedFor : browserFor, opts.remember, secure, capture);
      const session = await lucia.createSession(
        userId,
        {
          createdAt: opts.now.getTime(),
          remember: opts.remember,
          ip: opts.ip,
          userAgent: opts.userAgent?.slice(0, 300) ?? null,
        },
        { sessionId: storedSessionId(zone.slug, kind, secret) },
      );
      const cookie = serializeCookie(lucia, `${zone.slug}.${kind}.${secret}`, opts.remember);
      return { session, cookie, insert: capture.insert() };
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

    /**
     * The read that validates a cookie, to run in the request's first batch; null for a cookie
     * of the wrong shape or another zone's (refused unread).
     */
    sessionRead(cookieValue: string) {
      const parts = cookieValue.split(".");
      const [slug, kind, secret] = parts;
      if (parts.length !== 3 || slug !== zone.slug || (kind !== "s" && kind !== "r") || !SECRET_FORMAT.test(secret!))
        return null;
      return sessionRead(db, storedSessionId(zone.slug, kind, secret!));
    },

    /**
     * `validate`, on the row `sessionRead` returned: lucia's lifecycle (expiry, sliding refresh) and
     * the absolute lifetime, with no read of its own. The refresh write goes to `defer`.
     */
    async validateRead(
      cookieValue: string,
      row: SessionRow | undefined,
      now: Date,
      defer: (write: Promise<void>) => void,
    ): Promise<{
      session: Session;
      user: User;
      organisationStatus: string | null;
      refreshedCookie: string | null;
    } | null> {
      const remember = cookieValue.split(".")[1] === "r";
      const lucia = makeLucia(
        db,
        remember ? rememberedFor : browserFor,
        remember,
        secure,
        new PrefetchedAdapter(db, row, defer),
      );
      const { session, user } = await lucia.validateSession(row?.session.id ?? "");
      if (!session || !user || !row) return null;
      if (now.getTime() - session.createdAt >= absoluteMs(remember) || user.status !== "active") {
        await lucia.invalidateSession(session.id);
        return null;
      }
      const refreshedCookie = session.fresh ? serializeCookie(lucia, cookieValue, remember) : null;
      return { session, user, organisationStatus: row.organisationStatus, refreshedCookie };
    },

    /** `invalidate`'s DELETE, unrun, for a caller's own batch (sign-in ends the session it replaces there). */
    invalidateQuery(storedId: string) {
      return db.delete(sessions).where(eq(sessions.id, storedId));
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
