/**
 * The zone admin's user management API, mounted at /api/v1/admin/users. zone_admin
 * only; every refusal and change is audited. Staff invitations and roles: ../../staff/staff-endpoints.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../../env";
import { err, json } from "../../../lib/openapi";
import { denied } from "./admin-denied";
import { type Actor, actingCtx, type RequestCtx, requestCtx } from "../../../middleware/request-ctx";
import { endUserSessions, listZoneUsersPage, setUserStatus, unlockUser, UsersQuery } from "../admin-users";
import { Accepted, AdminUser, UserIdParam } from "../schemas";
import { resetLinkEndpoints } from "./reset-link-endpoints";
import { staffEndpoints } from "../../staff/staff-endpoints";
import { zoneAdminRouter } from "./zone-admin-router";

/** A user as 用户管理 lists it: with the organisation's name. */
const ZoneUser = AdminUser.extend({
  organisation: z
    .string()
    .nullable()
    .openapi({ description: "The enterprise, or the bank with its branch; null for zone staff" }),
}).openapi("ZoneUser");

/** Each action on one user: its path under the user, operationId, summary, service call and confirmation. */
const ACTIONS: [string, string, string, (ctx: RequestCtx<Actor>, id: string) => Promise<void>, string][] = [
  [
    "disable",
    "disableUser",
    "Disable a user (ends their sessions)",
    (ctx, id) => setUserStatus(ctx, id, "disabled"),
    "账号已停用,该用户的登录已全部退出。",
  ],
  ["enable", "enableUser", "Enable a user", (ctx, id) => setUserStatus(ctx, id, "active"), "账号已启用。"],
  ["end-sessions", "endUserSessions", "End every session of a user", endUserSessions, "该用户的登录已全部退出。"],
  [
    "unlock",
    "unlockUser",
    "End a sign-in lock: failed sign-ins before now no longer count (harmless when not locked)",
    unlockUser,
    "已解除锁定,该用户现在可以用密码登录。",
  ],
];

export function adminUsersApi(deps: AppDeps) {
  const r = zoneAdminRouter(deps);

  r.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listUsers",
      tags: ["admin"],
      summary:
        "The zone's users, newest account first, a page at a time (keyset: after/before), with the total; " +
        "search by part of the email or name (q), filter by role",
      request: { query: UsersQuery },
      responses: {
        200: json(
          z.object({
            users: z.array(ZoneUser),
            total: z.number().int().openapi({ description: "users matching the filter, on every page" }),
            nextCursor: z.string().nullable().openapi({ description: "pass as `after` for the next page" }),
            prevCursor: z.string().nullable().openapi({ description: "pass as `before` for the page before" }),
          }),
          "Users",
        ),
        422: err("A filter or cursor is invalid"),
        ...denied,
      },
    }),
    async (c) => {
      const { staffInvitations: _, ...page } = await listZoneUsersPage(requestCtx(c, deps), c.req.valid("query"));
      return c.json(page, 200);
    },
  );

  staffEndpoints(r, deps);

  for (const [action, operationId, summary, run, done] of ACTIONS)
    r.openapi(
      createRoute({
        method: "post",
        path: `/{id}/${action}`,
        operationId,
        tags: ["admin"],
        summary,
        request: { params: UserIdParam },
        responses: { 200: json(Accepted, "Done"), 409: err("Not allowed on this user"), ...denied },
      }),
      async (c) => {
        await run(actingCtx(c, deps), c.req.valid("param").id);
        return c.json({ message: done }, 200);
      },
    );

  resetLinkEndpoints(r, deps);
  return r;
}
