/** The signed-in person's own account over JSON, mounted at /api/v1/me: who am I, change my password. */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../env";
import { validationHook } from "../../../lib/api-errors";
import { body, err, json } from "../../../lib/openapi";
import { actingCtx } from "../../../middleware/request-ctx";
import { requireZone } from "../../../middleware/zone";
import { changePassword } from "../change-password";
import { requireSignedIn, signedIn } from "../guard";
import { Accepted, ChangePasswordBody, PublicUser } from "../schemas";

export function meApi(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // Reading who you are and changing your password stay open when the 等保 rotation expired it.
  r.use("*", requireZone, requireSignedIn(deps, { allowExpiredPassword: true }));

  r.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "getCurrentUser",
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
      path: "/password",
      operationId: "changePassword",
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
      const remember = signedIn(c).session?.remember ?? false;
      const fresh = await changePassword(actingCtx(c, deps), { ...c.req.valid("json"), remember });
      c.header("Set-Cookie", fresh.cookie, { append: true });
      return c.json({ message: "密码已修改,其他设备上的登录已全部退出。" }, 200);
    },
  );

  return r;
}
