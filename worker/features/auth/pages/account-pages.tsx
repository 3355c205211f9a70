/**
 * The person's own account pages, mounted at /account: 修改密码 (/account/password).
 * Open to any signed-in user, an expired 等保 password included (ownAccountPageGuard).
 */
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../../../env";
import { actingCtx } from "../../../middleware/request-ctx";
import { requireZone } from "../../../middleware/zone";
import type { FormErrors } from "../../../../web/components/form";
import { ChangePasswordPage } from "../../../../web/pages/auth/change-password";
import { changePassword } from "../change-password";
import { signedIn } from "../guard";
import { ChangePasswordForm, formFailure, ownAccountPageGuard, readForm } from "../page-forms";
import { isPasswordExpired, PASSWORD_ROTATION_DAYS } from "../password";

export function accountPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, ownAccountPageGuard(deps));

  const changePage = (
    c: Context<AppEnv>,
    opts: { errors?: FormErrors; changed?: boolean },
    status: ContentfulStatusCode = 200,
  ) => {
    const { zone, now } = actingCtx(c, deps);
    const { user } = signedIn(c);
    const expired = isPasswordExpired(new Date(user.passwordChangedAt), now, zone.security.dengbao);
    return c.html(
      <ChangePasswordPage
        zone={zone}
        nonce={c.get("secureHeadersNonce")}
        user={user}
        expired={expired}
        rotationDays={PASSWORD_ROTATION_DAYS}
        {...opts}
      />,
      status,
    );
  };

  r.get("/password", (c) => changePage(c, { changed: c.req.query("changed") === "1" }));

  r.post("/password", async (c) => {
    const form = await readForm(c, ChangePasswordForm);
    if (!form.ok) return changePage(c, { errors: form.errors }, 422);
    try {
      const remember = signedIn(c).session?.remember ?? false;
      const fresh = await changePassword(actingCtx(c, deps), { ...form.data, remember });
      c.header("Set-Cookie", fresh.cookie, { append: true });
      return c.redirect("/account/password?changed=1", 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 401) return c.redirect("/login", 303);
      return changePage(c, { errors }, status);
    }
  });

  return r;
}
