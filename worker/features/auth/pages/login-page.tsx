/**
 * 登录 (/login) and 退出 (/logout): plain HTML forms posting urlencoded bodies, checked
 * by hono/csrf against the zone's origin. Success is a 303 redirect; a refusal
 * re-renders the form with the service's status and message, keeping the email.
 */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { requestCtx } from "../../../middleware/request-ctx";
import { requireZone, zoneOf } from "../../../middleware/zone";
import { LoginPage } from "../../../../web/pages/auth/login";
import { loginWithPassword } from "../login";
import { formFailure, LoginForm, readForm } from "../page-forms";
import { signOut, takeOverSession } from "../session-handover";

/** Where a signed-in person starts: zone staff at their 工作台, everyone else at the zone's home page. */
const landing = (role: string | undefined) => (role === "zone_admin" || role === "reviewer" ? "/admin" : "/");

export function loginPage(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("/", requireZone);

  r.get("/", (c) => {
    const auth = c.get("auth");
    if (auth) return c.redirect(landing(auth.user.role), 303);
    return c.html(<LoginPage zone={zoneOf(c).zone} nonce={c.get("secureHeadersNonce")} />);
  });

  r.post("/", async (c) => {
    const ctx = requestCtx(c, deps);
    const nonce = c.get("secureHeadersNonce");
    const form = await readForm(c, LoginForm);
    const values = { email: form.raw.email ?? "", remember: form.raw.remember === "on" };
    if (!form.ok) return c.html(<LoginPage zone={ctx.zone} nonce={nonce} values={values} errors={form.errors} />, 422);
    try {
      const result = await loginWithPassword(ctx, form.data, c.get("auth")?.session?.id ?? null);
      // A fresh session id on every sign-in; the one presented before (if any) ends.
      await takeOverSession(c, ctx.auth, result.cookie, { previousEnded: true });
      return c.redirect(result.mustChangePassword ? "/account/password" : landing(result.user.role), 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return c.html(<LoginPage zone={ctx.zone} nonce={nonce} values={values} errors={errors} />, status);
    }
  });

  return r;
}

export function logoutPage(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("/", requireZone);
  r.post("/", async (c) => {
    await signOut(c, requestCtx(c, deps));
    return c.redirect("/login", 303);
  });
  return r;
}
