/**
 * The admin's reset link as pages (under /admin/users, zone_admin only): issue one and
 * show it once; send that same link on to the user's mobile, showing the page again.
 */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { readFormBody } from "../../../lib/form-body";
import { actingCtx } from "../../../middleware/request-ctx";
import { ResetLinkIssuedPage } from "../../../../web/pages/auth/reset-link-issued";
import { findZoneUser } from "../admin-users";
import { signedIn } from "../guard";
import { formFailure } from "../page-forms";
import { issueAdminResetLink, resetLink } from "../password-reset";
import { maskMobile, sendResetLinkBySms } from "../reset-link-sms";
import { userIdParam } from "./user-id-param";

export function resetLinkPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  r.post("/:id/reset-link", async (c) => {
    const id = userIdParam(c);
    const ctx = actingCtx(c, deps);
    const { url, expiresAt, user: target } = await issueAdminResetLink(ctx, id);
    // Shown once: neither the browser nor any proxy may keep a copy of the live link.
    c.header("Cache-Control", "no-store");
    return c.html(
      <ResetLinkIssuedPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        userId={id}
        target={{ ...target, mobile: target.mobile ? maskMobile(target.mobile) : null }}
        url={url}
        expiresAt={expiresAt}
      />,
    );
  });

  // The same link sent on to the user's mobile; the page is shown again with the outcome.
  r.post("/:id/reset-link/sms", async (c) => {
    const id = userIdParam(c);
    const ctx = actingCtx(c, deps);
    const form = await readFormBody(c);
    const token = typeof form.token === "string" ? form.token.slice(0, 200) : "";
    c.header("Cache-Control", "no-store");
    const page = (
      target: { name: string; email: string; mobile: string | null },
      expiresAt: Date | null,
      notice: { kind: "ok" | "error"; message: string },
    ) => (
      <ResetLinkIssuedPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        userId={id}
        target={target}
        url={expiresAt ? resetLink(ctx.origin, token) : null}
        expiresAt={expiresAt}
        notice={notice}
      />
    );
    try {
      const sent = await sendResetLinkBySms(ctx, id, token);
      return c.html(
        page({ name: sent.name, email: sent.email, mobile: sent.sentTo }, sent.expiresAt, {
          kind: "ok",
          message: `已通过短信发送到 ${sent.sentTo}。`,
        }),
      );
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404) throw e;
      const target = await findZoneUser(ctx, id);
      // The link is not shown again: it may be spent or replaced, and this page says so.
      return c.html(
        page({ name: target?.name ?? "", email: target?.email ?? "", mobile: null }, null, {
          kind: "error",
          message: errors.message ?? "短信没有发送。",
        }),
        status,
      );
    }
  });

  return r;
}
