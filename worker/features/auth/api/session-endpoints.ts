/** POST /api/v1/auth/login and /logout: opening and ending a session over JSON. */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { body, err, json } from "../../../lib/openapi";
import { requestCtx } from "../../../middleware/request-ctx";
import { loginWithPassword } from "../login";
import { LoginBody, LoginResult } from "../schemas";
import { signOut, takeOverSession } from "../session-handover";

export function sessionEndpoints(r: OpenAPIHono<AppEnv>, deps: AppDeps) {
  r.openapi(
    createRoute({
      method: "post",
      path: "/login",
      operationId: "signIn",
      security: [],
      tags: ["auth"],
      summary: "Sign in with email and password",
      request: body(LoginBody),
      responses: {
        200: json(LoginResult, "Signed in; the session cookie is set"),
        401: err("Wrong email or password, or the account cannot sign in (one answer for all)"),
        429: err("Too many failures from this address"),
      },
    }),
    async (c) => {
      const ctx = requestCtx(c, deps);
      const result = await loginWithPassword(ctx, c.req.valid("json"), c.get("auth")?.session?.id ?? null);
      // A fresh session id on every sign-in; the one presented before (if any) ends.
      await takeOverSession(c, ctx.auth, result.cookie, { previousEnded: true });
      return c.json({ user: result.user, mustChangePassword: result.mustChangePassword }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/logout",
      operationId: "signOut",
      security: [],
      tags: ["auth"],
      summary: "End this session",
      responses: {
        204: { description: "Signed out (also when no session was open)" },
        403: err("Sent by a page of another site (its Origin is not this zone's)"),
      },
    }),
    async (c) => {
      await signOut(c, requestCtx(c, deps));
      return c.body(null, 204);
    },
  );
}
