/**
 * Shared by the account pages: urlencoded bodies parsed with zod, a failure turned
 * into what the page shows (top message + per-field), the page guard (anonymous →
 * 登录), and a response header the secure-headers middleware must not undo.
 */
import type { Context, MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import type { Role } from "../../db/schema";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../../env";
import { AppError, setRetryAfter } from "../../lib/errors";
import { readFormBody } from "../../lib/form-body";
import type { FormErrors } from "../../../web/components/form";
import { requireRole, requireSignedIn } from "./guard";
import { ChangePasswordBody, Email, LoginBody, ResetConfirmBody } from "./schemas";

const MISMATCH = "两次输入的新密码不一致,请重新输入。";

export const LoginForm = z.object({
  email: Email,
  password: LoginBody.shape.password,
  remember: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
});

export const ForgotPasswordForm = z.object({ email: Email });

export const ResetPasswordForm = z
  .object({
    token: ResetConfirmBody.shape.token,
    password: ResetConfirmBody.shape.password,
    confirm: z.string().max(1024, "密码太长"),
  })
  .refine((f) => f.password === f.confirm, { path: ["confirm"], message: MISMATCH });

export const ChangePasswordForm = z
  .object({ ...ChangePasswordBody.shape, confirmPassword: z.string().max(1024, "密码太长") })
  .refine((f) => f.newPassword === f.confirmPassword, { path: ["confirmPassword"], message: MISMATCH });

export type ParsedForm<T> =
  | { ok: true; data: T; raw: Record<string, string> }
  | { ok: false; errors: FormErrors; raw: Record<string, string> };

/** Reads a form POST (text fields only) and validates it; `raw` keeps what was typed for re-filling. */
export async function readForm<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<ParsedForm<z.output<S>>> {
  const body = await readFormBody(c);
  const raw: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string") raw[k] = v;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data, raw };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "");
    fields[key] ??= issue.code === "invalid_type" ? "请填写这一项" : issue.message;
  }
  return { ok: false, errors: { message: "请按提示修改后再提交。", fields }, raw };
}

/**
 * A service's refusal as form errors with its status; anything else is not ours
 * to show. Given the context, a refusal that says when to retry (429) also sets
 * `Retry-After`, as the error mapping does for thrown errors.
 */
export function formFailure(
  e: unknown,
  c?: { header(name: string, value: string): void },
): { status: AppError["status"]; errors: FormErrors } {
  if (!(e instanceof AppError)) throw e;
  if (c) setRetryAfter(c, e);
  return { status: e.status, errors: e.fields ? { message: e.message, fields: e.fields } : { message: e.message } };
}

/** Pages for signed-in users: anonymous visitors go to 登录, other roles get the 403 page (audited). */
export function pageGuard(deps: AppDeps, ...roles: Role[]) {
  return toLogin(requireRole(deps, ...roles));
}

/**
 * The person's own account pages (/account/*): any signed-in user, including one
 * whose 等保 password has expired (sign-in sends them to /account/password) and
 * one whose organisation is suspended — changing one's own password acts for nobody.
 */
export function ownAccountPageGuard(deps: AppDeps) {
  return toLogin(requireSignedIn(deps, { allowExpiredPassword: true }));
}

function toLogin(guard: MiddlewareHandler<AppEnv>) {
  return createMiddleware<AppEnv>(async (c, next) => (c.get("auth") ? guard(c, next) : c.redirect("/login", 303)));
}
