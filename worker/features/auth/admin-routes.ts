/** The zone admin's user management API. zone_admin only; every refusal and change is audited. */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../env";
import { ErrorEnvelope, validationHook } from "../../lib/api-errors";
import { requireZone } from "../../middleware/zone";
import { endUserSessions, listZoneUsers, setUserStatus, unlockUser } from "./admin-users";
import { requireRole, signedIn } from "./guard";
import { issueAdminResetLink } from "./password-reset";
import { sendResetLinkBySms } from "./reset-link-sms";
import { requestCtx } from "../../middleware/request-ctx";
import { Accepted, AdminUser, ResetLink, ResetLinkSmsBody, ResetLinkSmsSent, UserIdParam } from "./schemas";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const denied = {
  401: json(ErrorEnvelope, "No session"),
  403: json(ErrorEnvelope, "Not a zone admin"),
  404: json(ErrorEnvelope, "No such user in this zone"),
};

export function adminUserRoutes(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("/api/v1/admin/users", requireZone, requireRole(deps, "zone_admin"));
  r.use("/api/v1/admin/users/*", requireZone, requireRole(deps, "zone_admin"));

  r.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/admin/users",
      tags: ["admin"],
      summary: "Every user of the zone",
      responses: { 200: json(z.object({ users: z.array(AdminUser) }), "Users"), ...denied },
    }),
    async (c) => {
      const { db, now, zone } = requestCtx(c, deps);
      return c.json({ users: await listZoneUsers({ db, now, security: zone.security }) }, 200);
    },
  );

  const action = (
    path: string,
    summary: string,
    run: (ctx: ReturnType<typeof requestCtx>, admin: { id: string; email: string }, id: string) => Promise<void>,
    done: string,
  ) =>
    r.openapi(
      createRoute({
        method: "post",
        path,
        tags: ["admin"],
        summary,
        request: { params: UserIdParam },
        responses: { 200: json(Accepted, "Done"), 409: json(ErrorEnvelope, "Not allowed on this user"), ...denied },
      }),
      async (c) => {
        const { user } = signedIn(c);
        await run(requestCtx(c, deps), { id: user.id, email: user.email }, c.req.valid("param").id);
        return c.json({ message: done }, 200);
      },
    );

  action(
    "/api/v1/admin/users/{id}/disable",
    "Disable a user (ends their sessions)",
    (ctx, actor, id) => setUserStatus({ ...ctx, actor }, id, "disabled"),
    "账号已停用,该用户的登录已全部退出。",
  );
  action(
    "/api/v1/admin/users/{id}/enable",
    "Enable a user",
    (ctx, actor, id) => setUserStatus({ ...ctx, actor }, id, "active"),
    "账号已启用。",
  );
  action(
    "/api/v1/admin/users/{id}/end-sessions",
    "End every session of a user",
    (ctx, actor, id) => endUserSessions({ ...ctx, actor }, id),
    "该用户的登录已全部退出。",
  );
  action(
    "/api/v1/admin/users/{id}/unlock",
    "End a sign-in lock: failed sign-ins before now no longer count (harmless when not locked)",
    (ctx, actor, id) => unlockUser({ ...ctx, actor, security: ctx.zone.security }, id),
    "已解除锁定,该用户现在可以用密码登录。",
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/admin/users/{id}/reset-link",
      tags: ["admin"],
      summary: "Issue a one-time reset link (shown once here, also sent to the user); the admin never sees a password",
      request: { params: UserIdParam },
      responses: { 200: json(ResetLink, "The link, to pass on by phone or message"), ...denied },
    }),
    async (c) => {
      const { user } = signedIn(c);
      const { url, expiresAt } = await issueAdminResetLink(
        requestCtx(c, deps),
        { id: user.id, email: user.email },
        c.req.valid("param").id,
      );
      c.header("Cache-Control", "no-store");
      return c.json({ url, expiresAt: expiresAt.toISOString() }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/admin/users/{id}/reset-link/sms",
      tags: ["admin"],
      summary: "Send an issued, still-live reset link to the user's mobile on record by SMS (through the outbox)",
      request: {
        params: UserIdParam,
        body: { required: true, content: { "application/json": { schema: ResetLinkSmsBody } } },
      },
      responses: {
        200: json(ResetLinkSmsSent, "Queued for SMS"),
        422: json(ErrorEnvelope, "Malformed token, no mobile on record, or the link is no longer live"),
        ...denied,
      },
    }),
    async (c) => {
      const { user } = signedIn(c);
      const sent = await sendResetLinkBySms(
        requestCtx(c, deps),
        { id: user.id, email: user.email },
        c.req.valid("param").id,
        c.req.valid("json").token,
      );
      return c.json({ sentTo: sent.sentTo, expiresAt: sent.expiresAt.toISOString() }, 200);
    },
  );
  return r;
}
