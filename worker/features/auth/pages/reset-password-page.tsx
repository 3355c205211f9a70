/**
 * 重置密码 (/reset-password?token=…), reached from a reset link. The page carries the
 * token, so it is sent no-store and no-referrer (tokenPageResponse).
 */
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../../../env";
import { tokenPageResponse } from "../../../middleware/headers";
import { requestCtx } from "../../../middleware/request-ctx";
import { requireZone, zoneOf } from "../../../middleware/zone";
import { ResetPasswordPage, type ResetPasswordState } from "../../../../web/pages/auth/reset-password";
import { formFailure, ResetPasswordForm, readForm } from "../page-forms";
import { confirmPasswordReset } from "../password-reset";
import { findLiveResetToken } from "../reset-tokens";
import { ResetConfirmBody } from "../schemas";

const INVALID_LINK = "这个重置链接无效、已使用或已过期。请重新申请,或联系园区管理员发放新的链接。";

const resetPage = (c: Context<AppEnv>, state: ResetPasswordState, status: ContentfulStatusCode) =>
  tokenPageResponse(
    c.html(
      <ResetPasswordPage
        zone={zoneOf(c).zone}
        nonce={c.get("secureHeadersNonce")}
        state={state}
        // A new account's first link says so (&first=1): wording only, the token decides the rest.
        wording={c.req.query("first") === "1" ? "first" : "reset"}
      />,
      status,
    ),
  );

export function resetPasswordPage(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("/", requireZone);

  r.get("/", async (c) => {
    const token = ResetConfirmBody.shape.token.safeParse(c.req.query("token"));
    // Checked before the form is shown, so nobody types a new password into a dead link.
    if (!token.success || !(await findLiveResetToken(zoneOf(c).db, token.data, deps.now()))) {
      return resetPage(c, { kind: "invalid", message: INVALID_LINK }, 400);
    }
    return resetPage(c, { kind: "form", token: token.data }, 200);
  });

  r.post("/", async (c) => {
    const form = await readForm(c, ResetPasswordForm);
    if (!form.ok) {
      if (form.errors.fields?.token) return resetPage(c, { kind: "invalid", message: INVALID_LINK }, 400);
      return resetPage(c, { kind: "form", token: form.raw.token ?? "", errors: form.errors }, 422);
    }
    try {
      await confirmPasswordReset(requestCtx(c, deps), form.data.token, form.data.password);
      return resetPage(c, { kind: "done" }, 200);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 422) return resetPage(c, { kind: "form", token: form.data.token, errors }, 422);
      return resetPage(c, { kind: "invalid", message: errors.message ?? INVALID_LINK }, 400);
    }
  });

  return r;
}
