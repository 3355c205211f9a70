/**
 * The admin's POSTs on one bank (under /admin/banks/:id): invite a staff member (the
 * link is shown once), revoke an invitation, suspend or reactivate the bank.
 */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { AppError } from "../../../lib/errors";
import { refuseBadCharacters } from "../../../lib/form-text";
import { actingCtx } from "../../../middleware/request-ctx";
import { InvitationIssuedPage } from "../../../../web/pages/invitations/invitation-issued";
import { signedIn } from "../../auth/guard";
import { formFailure, readForm } from "../../auth/page-forms";
import { createInvitation } from "../../invitations/create-invitation";
import { revokeInvitation } from "../../invitations/revoke-invitation";
import { InvitationIdParam, InviteBody } from "../schemas";
import { setBankStatus } from "../set-bank-status";
import { bankIdParam, detailPage } from "./bank-views";

/** The confirmation a bank's page shows after `?done=`. */
export const DONE = {
  registered: "机构已登记。现在可以邀请其工作人员开通账号。",
  revoked: "邀请已撤销,链接已失效。",
  suspended: "机构已暂停,其工作人员的登录已全部退出,待接受的邀请已撤销。",
  reactivated: "机构已恢复。",
} as const;
export const isDone = (s: string): s is keyof typeof DONE => Object.hasOwn(DONE, s);

export function staffActions(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  r.post("/:id/invite", async (c) => {
    const id = bankIdParam(c);
    const form = await readForm(c, InviteBody);
    refuseBadCharacters(form.raw, { email: "邮箱", name: "姓名" });
    if (!form.ok) return detailPage(c, deps, id, { inviteEmail: form.raw.email, inviteErrors: form.errors }, 422);
    const ctx = actingCtx(c, deps);
    try {
      // The bank is read by createInvitation, beside its other check: an unknown one is its 404.
      const { url, expiresAt, organisation } = await createInvitation(ctx, {
        email: form.data.email,
        role: "bank",
        bankId: id,
      });
      // Shown once: neither the browser nor any proxy may keep a copy of the live link.
      c.header("Cache-Control", "no-store");
      return c.html(
        <InvitationIssuedPage
          zone={ctx.zone}
          nonce={c.get("secureHeadersNonce")}
          user={signedIn(c).user}
          current="admin"
          email={form.data.email}
          organisation={organisation}
          url={url}
          expiresAt={expiresAt}
          back={{ href: `/admin/banks/${id}`, label: "返回机构" }}
        />,
      );
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404) throw e;
      return detailPage(c, deps, id, { inviteEmail: form.raw.email, inviteErrors: errors }, status);
    }
  });

  r.post("/:id/invitations/:invitation/revoke", async (c) => {
    const params = InvitationIdParam.safeParse(c.req.param());
    if (!params.success) throw new AppError("not_found", "没有找到这个邀请。");
    const { id, invitation } = params.data;
    try {
      await revokeInvitation(actingCtx(c, deps), invitation, { bankId: id });
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404) throw e;
      const notice = { kind: "error" as const, message: errors.message ?? "操作没有完成。" };
      return detailPage(c, deps, id, { notice }, status);
    }
    return c.redirect(`/admin/banks/${id}?done=revoked`, 303);
  });

  for (const [action, status] of [
    ["suspend", "suspended"],
    ["reactivate", "active"],
  ] as const) {
    r.post(`/:id/${action}`, async (c) => {
      const id = bankIdParam(c);
      try {
        await setBankStatus(actingCtx(c, deps), id, status);
      } catch (e) {
        const { status: code, errors } = formFailure(e, c);
        if (code === 404) throw e;
        const notice = { kind: "error" as const, message: errors.message ?? "操作没有完成。" };
        return detailPage(c, deps, id, { notice }, code);
      }
      return c.redirect(`/admin/banks/${id}?done=${status === "suspended" ? "suspended" : "reactivated"}`, 303);
    });
  }

  return r;
}
