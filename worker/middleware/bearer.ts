/**
 * The API token path (issue 20): on a zone host, `/api/v1/*` with `Authorization: Bearer yq_…`.
 * The token, the person who made it, their organisation's status and the zone's state are one
 * read batch, as a session's are (middleware/session.ts). The request then acts as that person
 * (the usual role and organisation guards run), limited to the token's scopes: the operation's
 * scope comes from tokenScopeFor, the same table the OpenAPI document declares.
 *
 * No cookie is read on this path (bearer wins), so the CSRF/Origin rules do not apply to it
 * (middleware/request-guards.ts): a page on another site cannot send an Authorization header
 * without a CORS preflight, which is never granted. A bearer header anywhere else (a page) is
 * ignored. Refusals: a token that does not let anyone in → 401 with `WWW-Authenticate: Bearer`;
 * a good token on an operation it may not call → 403.
 */
import type { Context } from "hono";
import { and, eq, isNull, lte, or } from "drizzle-orm";
import type { User } from "lucia";
import type { ZoneConfig } from "../../tenants/schema";
import type { TenantDb } from "../db/open";
import { apiTokens, auditLog, users } from "../db/schema";
import type { AppEnv, TokenSignedIn } from "../env";
import { tokenScopeFor } from "../lib/api-scopes";
import { apiTokenZone, hashApiToken } from "../lib/api-token";
import { AppError } from "../lib/errors";
import { organisationStatus } from "./sessions";
import { zoneOf } from "./zone";
import { applyZoneState, keepLastSeen, type ZoneStateRows, zoneStateReads } from "./zone-settings";

/** last_used_at moves at most this often per token: a busy system must not write on every call. */
export const LAST_USED_EVERY_MS = 60_000;

const API_V1 = "/api/v1/";
const BEARER = /^Bearer +(\S+) *$/i;

/** The token a zone request presents on the API, or null (no bearer header, or not an API path). */
export function bearerTokenOf(c: Context<AppEnv>): string | null {
  if (!c.req.path.startsWith(API_V1) || c.get("site")?.kind !== "zone") return null;
  const header = c.req.header("authorization");
  return header ? (BEARER.exec(header)?.[1] ?? null) : null;
}

function tokenRead(db: TenantDb, hash: string) {
  return db
    .select({ token: apiTokens, user: users, organisationStatus })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hash))
    .limit(1);
}
type TokenRow = Awaited<ReturnType<typeof tokenRead>>[number];

/** 401: the token lets no one in. RFC 6750 asks for the challenge header. */
function invalid(c: Context<AppEnv>, message: string): AppError {
  c.header("WWW-Authenticate", 'Bearer realm="api", error="invalid_token"');
  return new AppError("unauthenticated", message);
}

/** Why this token lets no one in, or null when it is good. */
function refusalOf(row: TokenRow | undefined, nowMs: number): string | null {
  if (!row) return "API 令牌无效:本园区没有这个令牌。请检查是否复制完整,或在「API 令牌」页面新建一个。";
  const { token, user } = row;
  if (token.revokedAt !== null) return "这个 API 令牌已撤销,不能再使用。请在「API 令牌」页面新建一个。";
  if (token.expiresAt <= nowMs) return "这个 API 令牌已过期。请在「API 令牌」页面新建一个。";
  if (user.status !== "active") return "创建这个 API 令牌的账号已停用,令牌随之失效。";
  // The token belongs to an organisation: its maker must still act for it, in the role that may make one.
  const stillTheirs =
    token.bankId === null ? user.role === "zone_admin" : user.role === "bank" && user.bankId === token.bankId;
  if (!stillTheirs) return "创建这个 API 令牌的账号已不再代表令牌所属的单位,令牌随之失效。";
  if (token.bankId !== null && row.organisationStatus !== "active")
    return "这个 API 令牌所属的金融机构在本园区的服务已暂停或已不存在,令牌不能使用。请联系园区管理员。";
  return null;
}

/**
 * The signed-in state of a bearer request, or a thrown 401/403. Brings the zone's state up to date
 * (`site.zone`) in the same batch; the last-used write is handed to `defer` (beside the request).
 */
export async function authenticateBearer(
  c: Context<AppEnv>,
  presented: string,
  code: ZoneConfig,
  { nowMs, ip }: { nowMs: number; ip: string },
  defer: (write: Promise<void>) => void,
): Promise<TokenSignedIn> {
  const site = zoneOf(c);
  // Another zone's token (or no token of ours at all) is refused unread.
  if (apiTokenZone(presented) !== code.slug)
    throw invalid(c, "API 令牌无效:它不是本园区的令牌(令牌以 yq_<园区代码>_ 开头)。");
  const hash = await hashApiToken(presented);
  const read = tokenRead(site.db, hash);
  let row: TokenRow | undefined;
  try {
    const [rows, ...state] = await site.db.batch([read, ...zoneStateReads(site.db, code)]);
    row = rows[0];
    site.zone = applyZoneState(code, state as ZoneStateRows, nowMs);
  } catch (err) {
    site.zone = keepLastSeen(code, err, nowMs);
    row = (await read)[0];
  }
  const refusal = refusalOf(row, nowMs);
  if (refusal || !row) throw invalid(c, refusal ?? "API 令牌无效。");
  const scope = tokenScopeFor(c.req.method, c.req.path);
  if (!scope) throw new AppError("forbidden", "这个接口不能用 API 令牌调用,请登录网站后操作。");
  if (!row.token.scopes.includes(scope)) {
    // Audited as the guards audit a refusal: a system trying what it was not given is worth seeing.
    // (features/audit's auditInsert is a feature's: the same row, written here; the path's control characters
    // spelt out by JSON, as there, so a refusal is always recorded.)
    await site.db.insert(auditLog).values({
      at: new Date(nowMs).toISOString(),
      actorId: row.user.id,
      actor: row.user.email,
      action: "authz.denied",
      target: `${c.req.method} ${JSON.stringify(c.req.path).slice(1, -1)}`,
      result: "denied",
      ip,
      detail: JSON.stringify({ role: row.user.role, reason: "scope", scope, credential: row.token.id }),
    });
    c.header("WWW-Authenticate", `Bearer realm="api", error="insufficient_scope", scope="${scope}"`);
    throw new AppError("forbidden", `这个 API 令牌没有 ${scope} 权限。请新建一个包含 ${scope} 的令牌。`);
  }
  const last = row.token.lastUsedAt;
  if (last === null || nowMs - last >= LAST_USED_EVERY_MS) defer(touch(site.db, row.token.id, nowMs));
  const u = row.user;
  const user: User = {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    enterpriseId: u.enterpriseId,
    bankId: u.bankId,
    status: u.status,
    passwordChangedAt: u.passwordChangedAt,
    unreadNotices: 0,
  };
  return {
    user,
    session: null,
    organisationStatus: row.organisationStatus,
    token: { id: row.token.id, scopes: row.token.scopes },
  };
}

/** Records the use; conditional, so isolates racing within the minute write once. */
async function touch(db: TenantDb, id: string, nowMs: number): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: nowMs })
    .where(
      and(
        eq(apiTokens.id, id),
        or(isNull(apiTokens.lastUsedAt), lte(apiTokens.lastUsedAt, nowMs - LAST_USED_EVERY_MS)),
      ),
    );
}
