/** 忘记密码 (/forgot-password): asks for an email and answers the same whether or not it is registered. */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { requestCtx } from "../../../middleware/request-ctx";
import { requireZone, zoneOf } from "../../../middleware/zone";
import { ForgotPasswordPage } from "../../../../web/pages/auth/forgot-password";
import { ForgotPasswordForm, formFailure, readForm } from "../page-forms";
import { RESET_ACCEPTED, requestPasswordReset } from "../password-reset";

export function forgotPasswordPage(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("/", requireZone);

  r.get("/", (c) =>
    c.html(<ForgotPasswordPage zone={zoneOf(c).zone} nonce={c.get("secureHeadersNonce")} user={c.get("auth")?.user} />),
  );

  r.post("/", async (c) => {
    const { zone } = zoneOf(c);
    const nonce = c.get("secureHeadersNonce");
    const user = c.get("auth")?.user;
    const form = await readForm(c, ForgotPasswordForm);
    const email = form.raw.email ?? "";
    if (!form.ok)
      return c.html(
        <ForgotPasswordPage zone={zone} nonce={nonce} user={user} email={email} errors={form.errors} />,
        422,
      );
    try {
      // The service applies the per-IP limit (429) for the page and the API alike.
      await requestPasswordReset(requestCtx(c, deps), form.data.email);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return c.html(<ForgotPasswordPage zone={zone} nonce={nonce} user={user} email={email} errors={errors} />, status);
    }
    return c.html(<ForgotPasswordPage zone={zone} nonce={nonce} user={user} accepted={RESET_ACCEPTED} />, 200);
  });

  return r;
}
