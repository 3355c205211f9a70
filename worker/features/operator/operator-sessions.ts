/**
 * Operator sessions on the bare root host: lucia v3 over the platform database's
 * operator_sessions and operators, built the zones' way (middleware/sessions.ts): the
 * cookie carries `operator.<s|r>.<secret>`, the database only `operator.<s|r>.<SHA-256>`;
 * a browser-session cookie slides an idle timeout, a 记住我 one lasts OPERATOR_SECURITY's
 * rememberDays, and the absolute lifetime is enforced here from created_at.
 *
 * The cookie has the zones' name and rule (`__Host-` where secure, host-only, no Domain),
 * so the browser keeps the root host's cookie and each zone's apart, and a zone's cookie
 * presented here (it starts with the zone's slug) is refused unread: "operator" is a
 * reserved subdomain, so no zone cookie can start with it.
 */
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import { Cookie, Lucia, TimeSpan } from "lucia";
import { securitySchema } from "../../../tenants/schema";
import { operatorSessions, operators, type OperatorRow } from "../../db/platform-schema";
import { sessionCookieName, storedSessionId } from "../../middleware/sessions";

/**
 * The operators' sign-in rules: the zones' defaults, but 记住我 lasts 7 days, not 30 —
 * an operator's session can suspend every zone.
 */
export const OPERATOR_SECURITY = securitySchema.parse({ rememberDays: 7 });

const PREFIX = "operator";
const SECRET_FORMAT = /^[a-z2-7]{32}$/;

export interface SignedInOperator {
  operator: { id: string; email: string; name: string };
  sessionId: string;
}

function makeLucia(db: LibSQLDatabase, expiresIn: TimeSpan, persistent: boolean, secure: boolean) {
  return new Lucia(new DrizzleSQLiteAdapter(db, operatorSessions, operators), {
    sessionExpiresIn: expiresIn,
    sessionCookie: {
      name: sessionCookieName(secure),
      expires: persistent,
      attributes: { secure, sameSite: "lax", path: "/" },
    },
    getSessionAttributes: (a) => ({ createdAt: a.createdAt, remember: a.remember }),
    // Lucia's attribute types are registered once, for the zones' users; these rows are operators'.
    getUserAttributes: (a) => {
      const row = a as unknown as OperatorRow;
      return { operator: { email: row.email, name: row.name, status: row.status } };
    },
  });
}

/** Lucia v3's `expires: false` still writes a 400-day cookie; a browser-session one must have none. */
function serializeCookie(lucia: ReturnType<typeof makeLucia>, value: string, persistent: boolean): string {
  const cookie = lucia.createSessionCookie(value);
  if (persistent) return cookie.serialize();
  const { maxAge: _maxAge, expires: _expires, ...attributes } = cookie.attributes;
  return new Cookie(cookie.name, cookie.value, attributes).serialize();
}

export type OperatorAuth = ReturnType<typeof createOperatorAuth>;

export function createOperatorAuth({ db, secure }: { db: LibSQLDatabase; secure: boolean }) {
  const { idleMinutes, absoluteHours, rememberDays } = OPERATOR_SECURITY;
  const browser = makeLucia(db, new TimeSpan(idleMinutes, "m"), false, secure);
  const remembered = makeLucia(db, new TimeSpan(rememberDays, "d"), true, secure);
  const pick = (remember: boolean) => (remember ? remembered : browser);
  const absoluteMs = (remember: boolean) => (remember ? rememberDays * 86_400_000 : absoluteHours * 3_600_000);

  return {
    async create(operatorId: string, opts: { remember: boolean; now: Date; ip: string; userAgent: string | null }) {
      const kind = opts.remember ? "r" : "s";
      const secret = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
      await pick(opts.remember).createSession(
        operatorId,
        {
          createdAt: opts.now.getTime(),
          remember: opts.remember,
          ip: opts.ip,
          userAgent: opts.userAgent?.slice(0, 300) ?? null,
        },
        { sessionId: storedSessionId(PREFIX, kind, secret) },
      );
      return serializeCookie(pick(opts.remember), `${PREFIX}.${kind}.${secret}`, opts.remember);
    },

    /** The operator behind a cookie value, or null; a refreshed cookie when lucia slid the expiry. */
    async validate(
      cookieValue: string,
      now: Date,
    ): Promise<(SignedInOperator & { refreshedCookie: string | null }) | null> {
      const parts = cookieValue.split(".");
      const [prefix, kind, secret] = parts;
      if (parts.length !== 3 || prefix !== PREFIX || (kind !== "s" && kind !== "r") || !SECRET_FORMAT.test(secret!))
        return null;
      const remember = kind === "r";
      const lucia = pick(remember);
      const { session, user } = await lucia.validateSession(storedSessionId(PREFIX, kind, secret!));
      if (!session || !user) return null;
      const row = (user as unknown as { operator: Pick<OperatorRow, "email" | "name" | "status"> }).operator;
      if (now.getTime() - session.createdAt >= absoluteMs(remember) || row.status !== "active") {
        await lucia.invalidateSession(session.id);
        return null;
      }
      return {
        operator: { id: user.id, email: row.email, name: row.name },
        sessionId: session.id,
        refreshedCookie: session.fresh ? serializeCookie(lucia, cookieValue, remember) : null,
      };
    },

    async invalidate(storedId: string) {
      await browser.invalidateSession(storedId);
    },

    blankCookie(): string {
      return browser.createBlankSessionCookie().serialize();
    },

    readCookie(header: string | undefined): string | null {
      return header ? browser.readSessionCookie(header) : null;
    },
  };
}
