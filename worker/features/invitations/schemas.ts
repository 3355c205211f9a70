/** API and form shapes for accepting an invitation, and an issued invitation link. */
import { z } from "@hono/zod-openapi";
import { textField } from "../../lib/text";
import { ResetConfirmBody } from "../auth/schemas";

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
