/** API shapes of sign-in, password reset and the admin's user management. */
import { z } from "@hono/zod-openapi";
import { ROLES } from "../../db/schema";

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "邮箱太长")
  .pipe(z.email("请填写有效的邮箱地址"))
  .openapi({ example: "enterprise@zibo.demo" });

export const LoginBody = z
  .object({
    email: Email,
    // Not judged here: any string is checked against the hash (length capped against abuse).
    password: z.string().min(1, "请填写密码").max(1024, "密码太长"),
    remember: z
      .boolean()
      .default(false)
      .openapi({ description: "记住我: a persistent cookie for the zone's rememberDays" }),
  })
  .openapi("LoginRequest");

export const PublicUser = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
  })
  .openapi("User");

export const LoginResult = z
  .object({
    user: PublicUser,
    mustChangePassword: z.boolean().openapi({ description: "等保 rotation: the password is older than 90 days" }),
  })
  .openapi("LoginResult");

export const ResetRequestBody = z.object({ email: Email }).openapi("PasswordResetRequest");

export const ResetConfirmBody = z
  .object({
    token: z.string().min(20, "链接不完整").max(200, "链接不完整"),
    password: z.string().min(1, "请填写新密码").max(1024, "密码太长"),
  })
  .openapi("PasswordResetConfirm");

export const ChangePasswordBody = z
  .object({
    currentPassword: z.string().min(1, "请填写当前密码").max(1024, "密码太长"),
    newPassword: z.string().min(1, "请填写新密码").max(1024, "密码太长"),
  })
  .openapi("ChangePassword");

export const Accepted = z.object({ message: z.string() }).openapi("Accepted");

export const AdminUser = PublicUser.extend({
  status: z.enum(["active", "disabled"]),
  enterpriseId: z.string().nullable(),
  bankId: z.string().nullable(),
  activeSessions: z.number().int(),
  lastLoginAt: z.string().nullable().openapi({ description: "ISO 8601 UTC" }),
  lockedUntil: z
    .string()
    .nullable()
    .openapi({ description: "ISO 8601 UTC: until when failed sign-ins lock the account; null when it is not locked" }),
}).openapi("AdminUser");

export const UserIdParam = z.object({
  id: z
    .string()
    .max(40, "用户编号格式不对")
    .regex(/^[a-z0-9]{10,40}$/, "用户编号格式不对")
    .openapi({ param: { name: "id", in: "path" } }),
});

export const ResetLinkSmsBody = z
  .strictObject({
    token: z
      .string()
      .min(1, "缺少重置链接")
      .max(200, "重置链接过长")
      .regex(/^[A-Za-z0-9_-]+$/, "重置链接的格式不对"),
  })
  .openapi("AdminResetLinkSms");

export const ResetLinkSmsSent = z
  .object({
    sentTo: z.string().openapi({ description: "The mobile, masked (138****5678)" }),
    expiresAt: z.string().openapi({ description: "ISO 8601 UTC" }),
  })
  .openapi("AdminResetLinkSmsSent");

export const ResetLink = z
  .object({
    url: z.string(),
    expiresAt: z.string().openapi({ description: "ISO 8601 UTC; the link works once, until then" }),
  })
  .openapi("AdminResetLink");
