/**
 * The member's overview (GET /enterprise) and what is done from it: inviting a
 * colleague, removing a member, revoking an open invitation.
 */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { FormErrors } from "../../../web/components/form";
import { InviteIssuedPage } from "../../../web/pages/enterprises/invite-issued";
import { MemberHomePage } from "../../../web/pages/enterprises/member-home";
import type { AppDeps, AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { refuseBadCharacters } from "../../lib/form-text";
import { actingCtx, requestCtx } from "../../middleware/request-ctx";
import { signedIn } from "../auth/guard";
import { formFailure, readForm } from "../auth/page-forms";
import { listOpenInvitations } from "../invitations/list-open-invitations";
import { revokeInvitation } from "../invitations/revoke-invitation";
import { getEnterpriseOverview } from "./get-enterprise-overview";
import { inviteColleague, MEMBER_NOT_FOUND, removeMember } from "./manage-members";
import { memberOf } from "./member-guard";
import { RD_OVER_REVENUE_WARNING } from "./save-yearly-figures";
import { IdParam, InviteForm } from "./schemas";

/** What each `?done=` of a redirect back to the overview says. */
const DONE: Record<string, string> = {
  profile: "联系信息已保存。",
  unchanged: "没有需要保存的变化。",
  figures: "年度数据已保存。",
  qualification: "资质已提交,等待园区审核。审核结果会发到联系邮箱。",
  removed: "成员已移除,其登录已全部退出。",
  revoked: "邀请已撤销,链接不再有效。",
};

type Notice = { kind: "ok" | "error" | "info"; message: string };

export function memberHomePages(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  const home = async (
    c: Context<AppEnv>,
    extra: { notice?: Notice; invite?: { email?: string; errors?: FormErrors } } = {},
    status: ContentfulStatusCode = 200,
  ) => {
    const ctx = requestCtx(c, deps);
    const { enterpriseId } = memberOf(c);
    const [overview, invitations] = await Promise.all([
      getEnterpriseOverview(ctx, enterpriseId),
      listOpenInvitations(ctx, { enterpriseId }),
    ]);
    return c.html(
      <MemberHomePage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        overview={overview}
        invitations={invitations}
        {...extra}
      />,
      status,
    );
  };

  r.get("/", (c) => {
    const done = DONE[c.req.query("done") ?? ""];
    const warn = c.req.query("warn") === "rd" ? ` ${RD_OVER_REVENUE_WARNING}` : "";
    return home(c, done ? { notice: { kind: warn ? "info" : "ok", message: done + warn } } : {});
  });

  r.post("/invitations", async (c) => {
    const form = await readForm(c, InviteForm);
    refuseBadCharacters(form.raw, { email: "邮箱" });
    if (!form.ok) return home(c, { invite: { email: form.raw.email, errors: form.errors } }, 422);
    try {
      const ctx = actingCtx(c, deps);
      const { url, expiresAt } = await inviteColleague(ctx, memberOf(c).enterpriseId, form.data.email);
      // Shown once: neither the browser nor any proxy may keep a copy of the live link.
      c.header("Cache-Control", "no-store");
      return c.html(
        <InviteIssuedPage
          zone={ctx.zone}
          nonce={c.get("secureHeadersNonce")}
          user={signedIn(c).user}
          email={form.data.email}
          url={url}
          expiresAt={expiresAt}
        />,
      );
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return home(c, { invite: { email: form.raw.email, errors } }, status);
    }
  });

  r.post("/members/:userId/remove", async (c) => {
    const id = IdParam.safeParse(c.req.param("userId"));
    if (!id.success) throw new AppError("not_found", MEMBER_NOT_FOUND);
    const ctx = actingCtx(c, deps);
    try {
      const { self } = await removeMember(ctx, memberOf(c).enterpriseId, id.data);
      if (self) {
        c.header("Set-Cookie", ctx.auth.blankCookie(), { append: true });
        return c.redirect("/login", 303);
      }
      return c.redirect("/enterprise?done=removed", 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404) throw e;
      return home(c, { notice: { kind: "error", message: errors.message ?? "操作没有完成。" } }, status);
    }
  });

  r.post("/invitations/:tokenHash/revoke", async (c) => {
    const ctx = actingCtx(c, deps);
    // Scoped to the member's enterprise: another enterprise's invitation is "not found" (404).
    await revokeInvitation(ctx, c.req.param("tokenHash"), { enterpriseId: memberOf(c).enterpriseId });
    return c.redirect("/enterprise?done=revoked", 303);
  });

  return r;
}
