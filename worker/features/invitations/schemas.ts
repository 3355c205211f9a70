/** API and form shapes for accepting an invitation, an issued invitation link, and inviting zone staff. */
import { z } from "@hono/zod-openapi";
import { textField } from "../../lib/text";
import { Email, ResetConfirmBody } from "../auth/schemas";
import { STAFF_ROLES } from "./staff-roles";

const PersonName = textField({ label: "姓名", max: 50, min: 1 });

export const AcceptInvitationBody = z
  .object({
    token: ResetConfirmBody.shape.token.openapi({ description: "The `token` parameter of the invitation link" }),
    name: PersonName,
    password: z.string().min(1, "请设置密码").max(1024, "密码太长"),
  })
  .openapi("AcceptInvitation");

export const AcceptInvitationForm = z
  .object({ ...AcceptInvitationBody.shape, confirm: z.string().max(1024, "密码太长") })
  .refine((f) => f.password === f.confirm, { path: ["confirm"], message: "两次输入的密码不一致,请重新输入。" });

export const InvitationLink = z
  .object({
    url: z
      .string()
      .openapi({ description: "The one-time link; shown only in this response, also mailed to the invitee" }),
    expiresAt: z.string().openapi({ description: "ISO 8601 UTC" }),
  })
  .openapi("InvitationLink");

export const OpenInvitationSchema = z
  .object({
    id: z.string().openapi({ description: "The invitation's id (SHA-256 of its token), for revoking" }),
    email: z.string(),
    invitedBy: z.string(),
    createdAt: z.string().openapi({ description: "ISO 8601 UTC" }),
    expiresAt: z.string().openapi({ description: "ISO 8601 UTC" }),
  })
  .openapi("OpenInvitation");

/** The zone admin's invitation of a reviewer or another admin (用户管理 → 邀请工作人员). */
export const StaffInvitationBody = z
  .object({
    email: Email,
    name: PersonName.openapi({ description: "Filled in on the invitee's form; they may correct it" }),
    role: z.enum(STAFF_ROLES, "请选择角色:审核员(reviewer)或园区管理员(zone_admin)"),
  })
  .openapi("StaffInvitation");

export const IssuedStaffInvitation = InvitationLink.extend({
  id: z.string().openapi({ description: "The invitation's id (SHA-256 of its token), for revoking" }),
}).openapi("IssuedStaffInvitation");

export const OpenStaffInvitation = OpenInvitationSchema.extend({
  name: z.string().nullable(),
  role: z.enum(STAFF_ROLES),
}).openapi("OpenStaffInvitation");

export const StaffInvitationIdParam = z.object({
  id: z
    .string()
    .max(64, "邀请编号格式不对")
    .regex(/^[0-9a-f]{64}$/, "邀请编号格式不对")
    .openapi({ param: { name: "id", in: "path" } }),
});
