/**
 * The account pages of a zone: 登录, 退出, 忘记密码, 重置密码, 修改密码 (and, from
 * ./admin-pages, 用户管理). Plain HTML forms posting urlencoded bodies, checked by
 * hono/csrf against the zone's origin; no JavaScript. Success is a 303 redirect;
 * a refusal re-renders the form with the service's status and message, keeping
 * what was typed except passwords.
 */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../../env";
import { tokenPageResponse } from "../../middleware/headers";
import { requireZone, zoneOf } from "../../middleware/zone";
import { ChangePasswordPage } from "../../../web/pages/auth/change-password";
import type { FormErrors } from "../../../web/components/form";
import { ForgotPasswordPage } from "../../../web/pages/auth/forgot-password";
import { LoginPage } from "../../../web/pages/auth/login";
import { ResetPasswordPage, type ResetPasswordState } from "../../../web/pages/auth/reset-password";
import { adminUserPages } from "./admin-pages";
import { changePassword } from "./change-password";
import { loginWithPassword } from "./login";
import {
  ChangePasswordForm,
  ForgotPasswordForm,
  formFailure,
  LoginForm,
  ownAccountPageGuard,
  readForm,
  ResetPasswordForm,
} from "./page-forms";
import { isPasswordExpired, PASSWORD_ROTATION_DAYS } from "./password";
import { confirmPasswordReset, requestPasswordReset } from "./password-reset";
import { findLiveResetToken } from "./reset-tokens";
import { RESET_ACCEPTED } from "./routes";
import { requestCtx } from "../../middleware/request-ctx";
import { ResetConfirmBody } from "./schemas";
import { signOut, takeOverSession } from "./session-handover";

const nonce = (c: Context<AppEnv>) => c.get("secureHeadersNonce");

export function authPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  for (const path of ["/login", "/logout", "/forgot-password", "/reset-password", "/account/*"])
    r.use(path, requireZone);
  r.use("/account/*", ownAccountPageGuard(deps));

  // ── 登录 / 退出 ──────────────────────────────────────────────────────────────
  r.get("/login", (c) => {
    if (c.get("auth")) return c.redirect("/", 303);
    return c.html(<LoginPage zone={zoneOf(c).zone} nonce={nonce(c)} />);
  });

  r.post("/login", async (c) => {
    const { zone } = zoneOf(c);
    const form = await readForm(c, LoginForm);
    const values = { email: form.raw.email ?? "", remember: form.raw.remember === "on" };
    if (!form.ok) return c.html(<LoginPage zone={zone} nonce={nonce(c)} values={values} errors={form.errors} />, 422);
    const ctx = requestCtx(c, deps);
    try {
      const result = await loginWithPassword(ctx, form.data);
      // A fresh session id on every sign-in; the one presented before (if any) ends.
      await takeOverSession(c, ctx.auth, result.cookie);
      return c.redirect(result.mustChangePassword ? "/account/password" : "/", 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return c.html(<LoginPage zone={zone} nonce={nonce(c)} values={values} errors={errors} />, status);
    }
  });

  r.post("/logout", async (c) => {
    await signOut(c, requestCtx(c, deps));
    return c.redirect("/login", 303);
  });

  // ── 忘记密码 ────────────────────────────────────────────────────────────────
  r.get("/forgot-password", (c) =>
    c.html(<ForgotPasswordPage zone={zoneOf(c).zone} nonce={nonce(c)} user={c.get("auth")?.user} />),
  );

  r.post("/forgot-password", async (c) => {
    const { zone } = zoneOf(c);
    const user = c.get("auth")?.user;
    const form = await readForm(c, ForgotPasswordForm);
    const email = form.raw.email ?? "";
    if (!form.ok)
      return c.html(
        <ForgotPasswordPage zone={zone} nonce={nonce(c)} user={user} email={email} errors={form.errors} />,
        422,
      );
    try {
      // The service applies the per-IP limit (429) for the page and the API alike.
      await requestPasswordReset(requestCtx(c, deps), form.data.email);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return c.html(
        <ForgotPasswordPage zone={zone} nonce={nonce(c)} user={user} email={email} errors={errors} />,
        status,
      );
    }
    return c.html(<ForgotPasswordPage zone={zone} nonce={nonce(c)} user={user} accepted={RESET_ACCEPTED} />, 200);
  });

  // ── 重置密码 (from a link) ──────────────────────────────────────────────────
  const invalidLink = "这个重置链接无效、已使用或已过期。请重新申请,或联系园区管理员发放新的链接。";
  const resetPage = (c: Context<AppEnv>, state: ResetPasswordState, status: ContentfulStatusCode) =>
    tokenPageResponse(c.html(<ResetPasswordPage zone={zoneOf(c).zone} nonce={nonce(c)} state={state} />, status));

  r.get("/reset-password", async (c) => {
    const token = ResetConfirmBody.shape.token.safeParse(c.req.query("token"));
    // Checked before the form is shown, so nobody types a new password into a dead link.
    if (!token.success || !(await findLiveResetToken(zoneOf(c).db, token.data, deps.now()))) {
      return resetPage(c, { kind: "invalid", message: invalidLink }, 400);
    }
    return resetPage(c, { kind: "form", token: token.data }, 200);
  });

  r.post("/reset-password", async (c) => {
    const form = await readForm(c, ResetPasswordForm);
    if (!form.ok) {
      if (form.errors.fields?.token) return resetPage(c, { kind: "invalid", message: invalidLink }, 400);
      return resetPage(c, { kind: "form", token: form.raw.token ?? "", errors: form.errors }, 422);
    }
    try {
      await confirmPasswordReset(requestCtx(c, deps), form.data.token, form.data.password);
      return resetPage(c, { kind: "done" }, 200);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 422) return resetPage(c, { kind: "form", token: form.data.token, errors }, 422);
      return resetPage(c, { kind: "invalid", message: errors.message ?? invalidLink }, 400);
    }
  });

  // ── 修改密码 (signed in) ────────────────────────────────────────────────────
  const changePage = (
    c: Context<AppEnv>,
    opts: { errors?: FormErrors; changed?: boolean },
    status: ContentfulStatusCode = 200,
  ) => {
    const { zone } = zoneOf(c);
    const { user } = c.get("auth")!;
    const expired = isPasswordExpired(new Date(user.passwordChangedAt), deps.now(), zone.security.dengbao);
    return c.html(
      <ChangePasswordPage
        zone={zone}
        nonce={nonce(c)}
        user={user}
        expired={expired}
        rotationDays={PASSWORD_ROTATION_DAYS}
        {...opts}
      />,
      status,
    );
  };

  r.get("/account/password", (c) => changePage(c, { changed: c.req.query("changed") === "1" }));

  r.post("/account/password", async (c) => {
    const form = await readForm(c, ChangePasswordForm);
    if (!form.ok) return changePage(c, { errors: form.errors }, 422);
    const ctx = requestCtx(c, deps);
    const { user, session } = c.get("auth")!;
    try {
      const fresh = await changePassword(ctx, user.id, session.remember, form.data);
      c.header("Set-Cookie", fresh.cookie, { append: true });
      return c.redirect("/account/password?changed=1", 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 401) return c.redirect("/login", 303);
      return changePage(c, { errors }, status);
    }
  });

  r.route("/", adminUserPages(deps));
  return r;
}
