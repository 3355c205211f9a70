/**
 * The zone staff part of /api/v1/admin/users (zone_admin only, mounted by
 * ../auth/api/admin-users-api): invite a reviewer or admin, list and revoke the open staff
 * invitations, set a staff member's role.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../env";
import { body, err, json } from "../../lib/openapi";
import { actingCtx, requestCtx } from "../../middleware/request-ctx";
import { denied } from "../auth/api/admin-denied";
import { zoneAdminRouter } from "../auth/api/zone-admin-router";
import { UserIdParam } from "../auth/schemas";
import { createStaffInvitation } from "../invitations/create-staff-invitation";
import { openStaffInvitationsQuery, staffInvitationsFrom } from "../invitations/list-open-invitations";
import { revokeInvitation } from "../invitations/revoke-invitation";
import {
  IssuedStaffInvitation,
  OpenStaffInvitation,
  StaffInvitationBody,
  StaffInvitationIdParam,
} from "../invitations/schemas";
import { STAFF_ROLES, type StaffRole } from "../invitations/staff-roles";
import { setStaffRole } from "./set-staff-role";

const iso = (ms: number) => new Date(ms).toISOString();

const StaffRoleBody = z
  .object({ role: z.enum(STAFF_ROLES, "角色只能是 reviewer(审核员)或 zone_admin(园区管理员)") })
  .openapi("StaffRole");

const RoleSet = z
  .object({
    message: z.string(),
    changed: z.boolean().openapi({ description: "false when the user already had this role" }),
  })
  .openapi("StaffRoleSet");

/**
 * The staff invitations API, mounted at /api/v1/admin/staff-invitations (zone_admin): a path of its
 * own, not under /admin/users, where a static segment beside the per-user `{id}` routes would push
 * Hono from its RegExpRouter to the slower TrieRouter (tests/node/app.test.ts).
 */
export function staffInvitationsApi(deps: AppDeps) {
  const r = zoneAdminRouter(deps);
  r.openapi(
    createRoute({
      method: "get",
      path: "/",
      operationId: "listStaffInvitations",
      tags: ["admin"],
      summary: "The zone staff's open invitations (reviewer, zone_admin), newest first, at most 100",
      responses: {
        200: json(z.object({ invitations: z.array(OpenStaffInvitation) }), "Open staff invitations"),
        ...denied,
      },
    }),
    async (c) => {
      const { db, now } = requestCtx(c, deps);
      const rows = staffInvitationsFrom(await openStaffInvitationsQuery(db, now));
      const invitations = rows.map(({ tokenHash, role, createdAt, expiresAt, ...i }) => ({
        ...i,
        id: tokenHash,
        role: role as StaffRole,
        createdAt: iso(createdAt),
        expiresAt: iso(expiresAt),
      }));
      return c.json({ invitations }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/",
      operationId: "createStaffInvitation",
      tags: ["admin"],
      summary:
        "Invite a reviewer or zone admin: a one-time link (7 days), mailed and shown once here; " +
        "a newer invitation to the same email revokes the older",
      request: body(StaffInvitationBody),
      responses: {
        201: json(IssuedStaffInvitation, "The link, to pass on if the mail does not arrive"),
        409: err("The email already has an account in this zone"),
        422: err("Invalid input"),
        ...denied,
      },
    }),
    async (c) => {
      const { id, url, expiresAt } = await createStaffInvitation(actingCtx(c, deps), c.req.valid("json"));
      c.header("Cache-Control", "no-store");
      return c.json({ id, url, expiresAt: expiresAt.toISOString() }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/{id}/revoke",
      operationId: "revokeStaffInvitation",
      tags: ["admin"],
      summary: "Revoke an open staff invitation (its link stops working); already revoked or expired is not an error",
      request: { params: StaffInvitationIdParam },
      responses: {
        200: json(z.object({ message: z.string() }), "Revoked"),
        409: err("Already accepted"),
        ...denied,
      },
    }),
    async (c) => {
      await revokeInvitation(actingCtx(c, deps), c.req.valid("param").id, { staff: true });
      return c.json({ message: "邀请已撤销,链接已失效。" }, 200);
    },
  );

  return r;
}

/** Set a staff member's role, under /api/v1/admin/users (its guard). */
export function staffEndpoints(r: OpenAPIHono<AppEnv>, deps: AppDeps) {
  r.openapi(
    createRoute({
      method: "post",
      path: "/{id}/role",
      operationId: "updateUserRole",
      tags: ["admin"],
      summary:
        "Set a staff member's role (reviewer ↔ zone_admin); not one's own, and the zone keeps an active zone_admin",
      request: { params: UserIdParam, ...body(StaffRoleBody) },
      responses: {
        200: json(RoleSet, "Done (or nothing to change)"),
        409: err("Not a staff account, one's own role, or the zone's last active zone_admin"),
        422: err("Invalid role"),
        ...denied,
      },
    }),
    async (c) => {
      const { changed } = await setStaffRole(actingCtx(c, deps), c.req.valid("param").id, c.req.valid("json").role);
      return c.json({ message: changed ? "角色已调整。" : "该用户已经是这个角色,没有改动。", changed }, 200);
    },
  );
}
