/** The JSON API of sign-in, sessions and password resets (self-service). */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../env";
import { ErrorEnvelope, validationHook } from "../../lib/api-errors";
import { requireZone } from "../../middleware/zone";
import { changePassword } from "./change-password";
import { requireSignedIn, signedIn } from "./guard";
import { loginWithPassword } from "./login";
import { confirmPasswordReset, requestPasswordReset } from "./password-reset";
import {
  Accepted,
  ChangePasswordBody,
  LoginBody,
  LoginResult,
  PublicUser,
  ResetConfirmBody,
  ResetRequestBody,
} from "./schemas";
import { requestCtx } from "../../middleware/request-ctx";
import { signOut, takeOverSession } from "./session-handover";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { "application/json": { schema } } },
});
const err = (description: string) => json(ErrorEnvelope, description);

export const RESET_ACCEPTED =
  "如果这个邮箱在本园区注册过,我们已发送一封重置密码邮件,链接 60 分钟内有效。没有收到?请检查垃圾邮件,或联系园区管理员。";

export function authRoutes(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("/api/v1/auth/*", requireZone);
  // Reading who you are and changing your password stay open when the 等保 rotation expired it.
  r.use("/api/v1/me", requireZone, requireSignedIn(deps, { allowExpiredPassword: true }));
  r.use("/api/v1/me/*", requireZone, requireSignedIn(deps, { allowExpiredPassword: true }));

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/auth/login",
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
      const result = await loginWithPassword(ctx, c.req.valid("json"));
      // A fresh session id on every sign-in; the one presented before (if any) ends.
      await takeOverSession(c, ctx.auth, result.cookie);
      return c.json({ user: result.user, mustChangePassword: result.mustChangePassword }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/auth/logout",
      tags: ["auth"],
      summary: "End this session",
      responses: { 204: { description: "Signed out (also when no session was open)" } },
    }),
    async (c) => {
      await signOut(c, requestCtx(c, deps));
      return c.body(null, 204);
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/me",
      tags: ["auth"],
      summary: "The signed-in user",
      responses: { 200: json(z.object({ user: PublicUser }), "The user"), 401: err("No session") },
    }),
    (c) => {
      const { user } = signedIn(c);
      return c.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role } }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/me/password",
      tags: ["auth"],
      summary: "Change my password (ends all my sessions; a new one is issued here)",
      request: body(ChangePasswordBody),
      responses: {
        200: json(Accepted, "Changed"),
        401: err("No session"),
        422: err("Wrong current password or a new password the policy refuses"),
      },
    }),
    async (c) => {
      const ctx = requestCtx(c, deps);
      const { user, session } = signedIn(c);
      const fresh = await changePassword(ctx, user.id, session.remember, c.req.valid("json"));
      c.header("Set-Cookie", fresh.cookie, { append: true });
      return c.json({ message: "密码已修改,其他设备上的登录已全部退出。" }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/auth/password-reset/request",
      tags: ["auth"],
      summary: "Send a one-time reset link (same answer whether or not the account exists)",
      request: body(ResetRequestBody),
      responses: { 202: json(Accepted, "Accepted"), 429: err("Too many requests from this address") },
    }),
    async (c) => {
      await requestPasswordReset(requestCtx(c, deps), c.req.valid("json").email);
      return c.json({ message: RESET_ACCEPTED }, 202);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/auth/password-reset/confirm",
      tags: ["auth"],
      summary: "Set a new password with a reset link's token (does not sign in)",
      request: body(ResetConfirmBody),
      responses: {
        200: json(Accepted, "Password set; every session of the user has ended"),
        400: err("Invalid, used or expired link"),
        422: err("The policy refuses the password"),
      },
    }),
    async (c) => {
      const { token, password } = c.req.valid("json");
      await confirmPasswordReset(requestCtx(c, deps), token, password);
      return c.json({ message: "新密码已设置。请用新密码登录。" }, 200);
    },
  );

  return r;
}
