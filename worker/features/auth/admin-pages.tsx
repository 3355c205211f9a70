/**
 * 用户管理 pages (zone_admin only): the user table and a POST form per action.
 * Actions redirect back to the table (303) with a confirmation; a refusal (e.g.
 * disabling oneself) re-renders the table with the reason and the service's status.
 */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { requireZone, zoneOf } from "../../middleware/zone";
import { AdminUsersPage } from "../../../web/pages/auth/admin-users";
import { ResetLinkIssuedPage } from "../../../web/pages/auth/reset-link-issued";
import { endUserSessions, listZoneUsers, setUserStatus, unlockUser } from "./admin-users";
import { signedIn } from "./guard";
import { formFailure, pageGuard } from "./page-forms";
import { issueAdminResetLink, resetLink } from "./password-reset";
import { maskMobile, sendResetLinkBySms } from "./reset-link-sms";
import { requestCtx } from "../../middleware/request-ctx";
import { UserIdParam } from "./schemas";

type Ctx = ReturnType<typeof requestCtx>;
type Admin = { id: string; email: string };

/** Each table action: its service call and the confirmation shown after the redirect. */
const ACTIONS = {
  disable: {
    run: (ctx: Ctx, actor: Admin, id: string) => setUserStatus({ ...ctx, actor }, id, "disabled"),
    done: "账号已停用,该用户的登录已全部退出。",
  },
  enable: {
    run: (ctx: Ctx, actor: Admin, id: string) => setUserStatus({ ...ctx, actor }, id, "active"),
    done: "账号已启用。",
  },
  "end-sessions": {
    run: (ctx: Ctx, actor: Admin, id: string) => endUserSessions({ ...ctx, actor }, id),
    done: "该用户的登录已全部退出。",
  },
  unlock: {
    run: (ctx: Ctx, actor: Admin, id: string) => unlockUser({ ...ctx, actor, security: ctx.zone.security }, id),
    done: "已解除锁定,该用户现在可以用密码登录。",
  },
} as const;
type ActionName = keyof typeof ACTIONS;
const isAction = (name: string): name is ActionName => Object.hasOwn(ACTIONS, name);

function userIdParam(c: Context<AppEnv>): string {
  const parsed = UserIdParam.shape.id.safeParse(c.req.param("id"));
  if (!parsed.success) throw new AppError("not_found", "本园区没有这个用户。");
  return parsed.data;
}

export function adminUserPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("/admin/users", requireZone, pageGuard(deps, "zone_admin"));
  r.use("/admin/users/*", requireZone, pageGuard(deps, "zone_admin"));

  const table = async (
    c: Context<AppEnv>,
    notice?: { kind: "ok" | "error"; message: string },
    status: ContentfulStatusCode = 200,
  ) => {
    const { zone, db } = zoneOf(c);
    const users = await listZoneUsers({ db, now: deps.now(), security: zone.security });
    return c.html(
      <AdminUsersPage
        zone={zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        users={users}
        notice={notice}
      />,
      status,
    );
  };

  r.get("/admin/users", (c) => {
    const done = c.req.query("done") ?? "";
    return table(c, isAction(done) ? { kind: "ok", message: ACTIONS[done].done } : undefined);
  });

  r.post("/admin/users/:id/reset-link", async (c) => {
    const id = userIdParam(c);
    const ctx = requestCtx(c, deps);
    const { user } = signedIn(c);
    const { url, expiresAt, user: target } = await issueAdminResetLink(ctx, { id: user.id, email: user.email }, id);
    // Shown once: neither the browser nor any proxy may keep a copy of the live link.
    c.header("Cache-Control", "no-store");
    return c.html(
      <ResetLinkIssuedPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={user}
        userId={id}
        target={{ ...target, mobile: target.mobile ? maskMobile(target.mobile) : null }}
        url={url}
        expiresAt={expiresAt}
      />,
    );
  });

  // The same link sent on to the user's mobile; the page is shown again with the outcome.
  r.post("/admin/users/:id/reset-link/sms", async (c) => {
    const id = userIdParam(c);
    const ctx = requestCtx(c, deps);
    const { user } = signedIn(c);
    const form = await c.req.parseBody();
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
        user={user}
        userId={id}
        target={target}
        url={expiresAt ? resetLink(ctx.origin, token) : null}
        expiresAt={expiresAt}
        notice={notice}
      />
    );
    try {
      const sent = await sendResetLinkBySms(ctx, { id: user.id, email: user.email }, id, token);
      return c.html(
        page({ name: sent.name, email: sent.email, mobile: sent.sentTo }, sent.expiresAt, {
          kind: "ok",
          message: `已通过短信发送到 ${sent.sentTo}。`,
        }),
      );
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404) throw e;
      const [target] = (await listZoneUsers({ db: ctx.db, now: ctx.now, security: ctx.zone.security })).filter(
        (u) => u.id === id,
      );
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

  // One static route per action (not "/:action"): a parameter beside the static
  // "reset-link" would push Hono from its RegExpRouter to the slower TrieRouter.
  for (const action of Object.keys(ACTIONS) as (keyof typeof ACTIONS)[])
    r.post(`/admin/users/:id/${action}`, async (c) => {
      const id = userIdParam(c);
      const { user } = signedIn(c);
      try {
        await ACTIONS[action].run(requestCtx(c, deps), { id: user.id, email: user.email }, id);
      } catch (e) {
        const { status, errors } = formFailure(e, c);
        if (status === 404) throw e;
        return table(c, { kind: "error", message: errors.message ?? "操作没有完成。" }, status);
      }
      return c.redirect(`/admin/users?done=${action}`, 303);
    });

  return r;
}
