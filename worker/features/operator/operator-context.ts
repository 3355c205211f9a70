/**
 * The bare root host's request context: the platform database, the operator's session
 * and who is acting, built once per request (memoised on the context, as
 * middleware/request-ctx.ts does for zones). The app's session middleware reads zone
 * cookies only; the operator's is read here, by the routers of this feature alone.
 */
import type { Context } from "hono";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import { createMiddleware } from "hono/factory";
import { platformOrigin, type AppDeps, type AppEnv } from "../../env";
import type { PlatformActor } from "../../control-plane/platform-audit";
import { openTenantDb } from "../../db/open";
import { AppError } from "../../lib/errors";
import { createOperatorAuth, type OperatorAuth, type SignedInOperator } from "./operator-sessions";

interface OperatorRequest {
  db: LibSQLDatabase;
  auth: OperatorAuth;
  signedIn?: Promise<SignedInOperator | null>;
}

const built = new WeakMap<Context<AppEnv>, OperatorRequest>();

/** `__Host-` cookies need Secure; browsers treat http://localhost as secure (as on the zones). */
function isSecureOrigin(origin: string): boolean {
  const u = new URL(origin);
  return u.protocol === "https:" || u.hostname === "localhost" || u.hostname.endsWith(".localhost");
}

function operatorRequest(c: Context<AppEnv>, deps: AppDeps): OperatorRequest {
  let r = built.get(c);
  if (!r) {
    const db = openTenantDb(deps.openPlatformClient());
    r = { db, auth: createOperatorAuth({ db, secure: isSecureOrigin(platformOrigin(deps.config)) }) };
    built.set(c, r);
  }
  return r;
}

/** The platform database, one handle per request. */
export const platformDbOf = (c: Context<AppEnv>, deps: AppDeps) => operatorRequest(c, deps).db;
export const operatorAuthOf = (c: Context<AppEnv>, deps: AppDeps) => operatorRequest(c, deps).auth;

/**
 * The signed-in operator, or null. Read once per request; a request without the cookie
 * costs no database read. A slid session's cookie is re-sent, a dead one cleared.
 */
export function currentOperator(c: Context<AppEnv>, deps: AppDeps): Promise<SignedInOperator | null> {
  const r = operatorRequest(c, deps);
  r.signedIn ??= (async () => {
    const value = r.auth.readCookie(c.req.header("cookie"));
    if (!value) return null;
    const valid = await r.auth.validate(value, deps.now());
    if (!valid) {
      c.header("Set-Cookie", r.auth.blankCookie(), { append: true });
      return null;
    }
    if (valid.refreshedCookie) c.header("Set-Cookie", valid.refreshedCookie, { append: true });
    return { operator: valid.operator, sessionId: valid.sessionId };
  })();
  return r.signedIn;
}

const ONLY_ON_ROOT = "这个地址只在平台运营后台(根域名)提供。";

/** Routes of the bare root host only: on a zone's host they do not exist (404). */
export const requirePlatform = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get("site").kind !== "platform") throw new AppError("not_found", ONLY_ON_ROOT);
  await next();
});

/**
 * An operator's session, or 401. Only operators have sessions on the root host, so any
 * other cookie (a zone user's, sent here by hand) is simply no session.
 */
export function requireOperator(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!(await currentOperator(c, deps)))
      throw new AppError("unauthenticated", "请先以平台运营人员身份登录(根域名的 /login)。");
    await next();
  });
}

/** The operator of a request that passed requireOperator. */
export async function signedInOperator(c: Context<AppEnv>, deps: AppDeps): Promise<SignedInOperator> {
  const signed = await currentOperator(c, deps);
  if (!signed) throw new AppError("unauthenticated", "请先以平台运营人员身份登录。");
  return signed;
}

/** Who acts, for platform_audit and the zone's audit_log. */
export async function operatorActor(c: Context<AppEnv>, deps: AppDeps): Promise<PlatformActor> {
  const { operator } = await signedInOperator(c, deps);
  return { id: operator.id, label: operator.email, ip: deps.clientIp(c) };
}
