/**
 * API tokens over JSON, mounted at /api/v1/tokens: make one (the token is in that answer only),
 * list the organisation's, revoke one. A zone admin manages the zone's tokens, a bank's staff their
 * bank's. Only with a session: a token cannot make tokens (middleware/bearer.ts refuses it first).
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import type { AppDeps, AppEnv } from "../../env";
import { validationHook } from "../../lib/api-errors";
import { AppError } from "../../lib/errors";
import { body, err, json } from "../../lib/openapi";
import { actingCtx } from "../../middleware/request-ctx";
import { requireZone } from "../../middleware/zone";
import { requireRole, signedIn } from "../auth/guard";
import { createApiToken } from "./create-api-token";
import { listApiTokens, type ListedToken } from "./list-api-tokens";
import { revokeApiToken } from "./revoke-api-token";
import { ApiToken, ApiTokenIdParam, CreateApiTokenBody, IssuedApiToken } from "./schemas";

const iso = (ms: number) => new Date(ms).toISOString();

const denied = {
  401: err("No session"),
  403: err("Not a zone admin or a bank's staff, an organisation suspended, or an API token (sessions only)"),
};

/** A listed token as the API shows it. */
export const apiTokenJson = (t: ListedToken) => ({
  id: t.id,
  name: t.name,
  scopes: t.scopes,
  prefix: t.prefix,
  createdAt: iso(t.createdAt),
  createdBy: t.createdBy,
  expiresAt: iso(t.expiresAt),
  lastUsedAt: t.lastUsedAt === null ? null : iso(t.lastUsedAt),
  revokedAt: t.revokedAt === null ? null : iso(t.revokedAt),
});

/** Tokens are managed from a signed-in browser or script with a session, never with a token. */
const sessionOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (signedIn(c).token) throw new AppError("forbidden", "API 令牌不能用来管理令牌,请登录网站后操作。");
  await next();
});

export function apiTokensApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("*", requireZone, requireRole(deps, "zone_admin", "bank"), sessionOnly);

  r.openapi(
    createRoute({
      method: "post",
      path: "/",
      operationId: "createApiToken",
      tags: ["tokens"],
      summary: "Make an API token (zone admin: any area; bank staff: finance only). The token is shown only here",
      request: body(CreateApiTokenBody),
      responses: {
        201: json(IssuedApiToken, "The new token"),
        422: err("A name, scope or number of days the rules refuse (a bank's token outside finance)"),
        ...denied,
      },
    }),
    async (c) => {
      const issued = await createApiToken(actingCtx(c, deps), c.req.valid("json"));
      return c.json({ ...issued, expiresAt: issued.expiresAt.toISOString() }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listApiTokens",
      tags: ["tokens"],
      summary: "My organisation's API tokens, newest first (revoked and expired ones included), at most 200",
      responses: { 200: json(z.object({ tokens: z.array(ApiToken) }), "The tokens"), ...denied },
    }),
    async (c) => c.json({ tokens: (await listApiTokens(actingCtx(c, deps))).map(apiTokenJson) }, 200),
  );

  r.openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      operationId: "revokeApiToken",
      tags: ["tokens"],
      summary: "Revoke one of my organisation's API tokens (its next request is refused); revoking twice is fine",
      request: { params: ApiTokenIdParam },
      responses: {
        204: { description: "Revoked" },
        404: err("No such token of my organisation"),
        422: err("Not a token id"),
        ...denied,
      },
    }),
    async (c) => {
      await revokeApiToken(actingCtx(c, deps), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
  return r;
}
