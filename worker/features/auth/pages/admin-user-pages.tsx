/**
 * 用户管理 pages (zone_admin only), mounted at /admin/users: the user table and a POST
 * form per action. Actions redirect back to the table (303) with a confirmation; a
 * refusal (e.g. disabling oneself) re-renders the table with the reason and status.
 */
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../../../env";
import { type Actor, actingCtx, type RequestCtx } from "../../../middleware/request-ctx";
import { requireZone } from "../../../middleware/zone";
import { AdminUsersPage } from "../../../../web/pages/auth/admin-users";
import {
  endUserSessions,
  listZoneUsersPage,
  setUserStatus,
  unlockUser,
  UsersQuery,
  type ZoneUsersPage,
} from "../admin-users";
import { AppError } from "../../../lib/errors";
import { signedIn } from "../guard";
import { formFailure, pageGuard } from "../page-forms";
import { resetLinkPages } from "./reset-link-pages";
import { userIdParam } from "./user-id-param";

/** Each table action: its service call and the confirmation shown after the redirect. */
const ACTIONS = {
  disable: {
    run: (ctx: RequestCtx<Actor>, id: string) => setUserStatus(ctx, id, "disabled"),
    done: "账号已停用,该用户的登录已全部退出。",
  },
  enable: { run: (ctx: RequestCtx<Actor>, id: string) => setUserStatus(ctx, id, "active"), done: "账号已启用。" },
  "end-sessions": { run: endUserSessions, done: "该用户的登录已全部退出。" },
  unlock: { run: unlockUser, done: "已解除锁定,该用户现在可以用密码登录。" },
} as const;
type ActionName = keyof typeof ACTIONS;
const isAction = (name: string): name is ActionName => Object.hasOwn(ACTIONS, name);

export function adminUserPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, pageGuard(deps, "zone_admin"));

  const table = async (
    c: Context<AppEnv>,
    notice?: { kind: "ok" | "error"; message: string },
    status: ContentfulStatusCode = 200,
  ) => {
    const ctx = actingCtx(c, deps);
    const query = UsersQuery.safeParse(c.req.query());
    const filters = query.success ? query.data : {};
    let page: ZoneUsersPage;
    try {
      page = await listZoneUsersPage(ctx, filters);
    } catch (e) {
      // A stale or edited 翻页 link: the first page, with the reason.
      if (!(e instanceof AppError) || e.code !== "validation_failed") throw e;
      notice = { kind: "error", message: e.message };
      page = await listZoneUsersPage(ctx, { ...filters, after: undefined, before: undefined });
    }
    return c.html(
      <AdminUsersPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        users={page.users}
        paging={{ total: page.total, nextCursor: page.nextCursor, prevCursor: page.prevCursor, role: filters.role }}
        notice={notice ?? (query.success ? undefined : { kind: "error", message: "筛选条件有误,已显示全部用户。" })}
      />,
      status,
    );
  };

  r.get("/", (c) => {
    const done = c.req.query("done") ?? "";
    return table(c, isAction(done) ? { kind: "ok", message: ACTIONS[done].done } : undefined);
  });

  r.route("/", resetLinkPages(deps));

  // One static route per action (not "/:action"): a parameter beside the static
  // "reset-link" would push Hono from its RegExpRouter to the slower TrieRouter.
  for (const action of Object.keys(ACTIONS) as ActionName[])
    r.post(`/:id/${action}`, async (c) => {
      const id = userIdParam(c);
      try {
        await ACTIONS[action].run(actingCtx(c, deps), id);
      } catch (e) {
        const { status, errors } = formFailure(e, c);
        if (status === 404) throw e;
        return table(c, { kind: "error", message: errors.message ?? "操作没有完成。" }, status);
      }
      return c.redirect(`/admin/users?done=${action}`, 303);
    });

  return r;
}
