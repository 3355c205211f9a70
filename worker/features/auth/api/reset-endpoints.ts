/** POST /api/v1/auth/password-reset/{request,confirm}: the self-service reset over JSON. */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { body, err, json } from "../../../lib/openapi";
import { requestCtx } from "../../../middleware/request-ctx";
import { confirmPasswordReset, RESET_ACCEPTED, requestPasswordReset } from "../password-reset";
import { Accepted, ResetConfirmBody, ResetRequestBody } from "../schemas";

export function resetEndpoints(r: OpenAPIHono<AppEnv>, deps: AppDeps) {
  r.openapi(
    createRoute({
      method: "post",
      path: "/password-reset/request",
      operationId: "requestPasswordReset",
      security: [],
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
      path: "/password-reset/confirm",
      operationId: "confirmPasswordReset",
      security: [],
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
}
