/**
 * 用户管理's staff POSTs (under /admin/users, zone_admin only, mounted by ../auth/pages/admin-user-pages):
 * invite a reviewer or admin (the link is shown once), revoke a staff invitation, set a staff
 * member's role. Refusals redraw the user table with the reason (the invite form keeps what was typed).
 */
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { refuseBadCharacters } from "../../lib/form-text";
import { actingCtx } from "../../middleware/request-ctx";
import type { StaffInviteState } from "../../../web/pages/invitations/staff-invitations";
import { InvitationIssuedPage } from "../../../web/pages/invitations/invitation-issued";
import { signedIn } from "../auth/guard";
import { formFailure, readForm } from "../auth/page-forms";
import { userIdParam } from "../auth/pages/user-id-param";
import { createStaffInvitation } from "../invitations/create-staff-invitation";
import { revokeInvitation } from "../invitations/revoke-invitation";
import { StaffInvitationBody, StaffInvitationIdParam } from "../invitations/schemas";
import { STAFF_ROLES } from "../invitations/staff-roles";
import { setStaffRole } from "./set-staff-role";
import { z } from "zod";

/** What a redraw of the user table carries: the outcome of the last action, the invite form as sent. */
export interface UsersTableExtra {
  notice?: { kind: "ok" | "error"; message: string } | undefined;
  invite?: StaffInviteState | undefined;
}
export type UsersTable = (
  c: Context<AppEnv>,
  extra?: UsersTableExtra,
  status?: ContentfulStatusCode,
) => Promise<Response>;

/** The confirmations 用户管理 shows after `?done=`. */
export const STAFF_DONE = {
  revoked: "邀请已撤销,链接已失效。",
  role: "角色已调整,该用户下次操作时即按新角色办理。",
  "role-unchanged": "该用户已经是这个角色,没有改动。",
} as const;

const RoleForm = z.object({ role: z.enum(STAFF_ROLES, "请选择审核员或园区管理员") });

/**
 * Invite a reviewer or admin, revoke a staff invitation: mounted at /admin/staff-invitations (a path of
 * its own: a static segment beside /admin/users/:id would push Hono off its RegExpRouter). Refusals
 * redraw 用户管理's table; successes go back to it.
 */
export function staffInvitationPages(deps: AppDeps, table: UsersTable) {
  const r = new Hono<AppEnv>();

  r.post("/", async (c) => {
    const form = await readForm(c, StaffInvitationBody);
    refuseBadCharacters(form.raw, { email: "邮箱", name: "姓名" });
    const typed = { email: form.raw.email, name: form.raw.name, role: form.raw.role };
    if (!form.ok) return table(c, { invite: { ...typed, errors: form.errors } }, 422);
    const ctx = actingCtx(c, deps);
    try {
      const { url, expiresAt, roleWord } = await createStaffInvitation(ctx, form.data);
      // Shown once: neither the browser nor any proxy may keep a copy of the live link.
      c.header("Cache-Control", "no-store");
      return c.html(
        <InvitationIssuedPage
          zone={ctx.zone}
          nonce={c.get("secureHeadersNonce")}
          user={signedIn(c).user}
          current="admin"
          email={form.data.email}
          organisation={ctx.zone.name.zh}
          roleWord={roleWord}
          url={url}
          expiresAt={expiresAt}
          back={{ href: "/admin/users", label: "返回用户管理" }}
        />,
      );
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return table(c, { invite: { ...typed, errors } }, status);
    }
  });

  r.post("/:invitation/revoke", async (c) => {
    const param = StaffInvitationIdParam.shape.id.safeParse(c.req.param("invitation"));
    if (!param.success) throw new AppError("not_found", "没有找到这个邀请。");
    try {
      await revokeInvitation(actingCtx(c, deps), param.data, { staff: true });
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404) throw e;
      return table(c, { notice: { kind: "error", message: errors.message ?? "操作没有完成。" } }, status);
    }
    return c.redirect("/admin/users?done=revoked", 303);
  });

  return r;
}

/** Set a staff member's role: under /admin/users (its guard). */
export function staffUserPages(deps: AppDeps, table: UsersTable) {
  const r = new Hono<AppEnv>();
  r.post("/:id/role", async (c) => {
    const id = userIdParam(c);
    const form = await readForm(c, RoleForm);
    if (!form.ok) {
      const message = form.errors.fields?.role ?? "请选择审核员或园区管理员";
      return table(c, { notice: { kind: "error", message } }, 422);
    }
    let changed: boolean;
    try {
      ({ changed } = await setStaffRole(actingCtx(c, deps), id, form.data.role));
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404) throw e;
      return table(c, { notice: { kind: "error", message: errors.message ?? "操作没有完成。" } }, status);
    }
    return c.redirect(`/admin/users?done=${changed ? "role" : "role-unchanged"}`, 303);
  });

  return r;
}
