/**
 * 用户管理 pages (zone_admin only), mounted at /admin/users: the user table (search, role
 * filter, organisation), the staff invitations, and a POST form per action. Actions redirect
 * back to the table (303) with a confirmation; a refusal (e.g. disabling oneself, demoting the
 * last admin) re-renders the table with the reason and status, the invite form keeping what was typed.
 */
import { Hono } from "hono";
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
  type ZoneUsersQuery,
} from "../admin-users";
import { AppError } from "../../../lib/errors";
import { STAFF_DONE, staffInvitationPages, staffUserPages, type UsersTable } from "../../staff/staff-user-pages";
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

/** 用户管理's table, drawn again after an action (with its outcome) or a refusal (with the reason). */
function usersTable(deps: AppDeps): UsersTable {
  return async (c, extra = {}, status = 200) => {
    const ctx = actingCtx(c, deps);
    // The search form sends every field: an empty one (角色 "全部", no search words) is no filter.
    const query = UsersQuery.safeParse(Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== "")));
    const filters: ZoneUsersQuery = query.success ? query.data : {};
    let notice = extra.notice;
    let page: ZoneUsersPage;
    try {
      page = await listZoneUsersPage(ctx, filters, { withStaffInvitations: true });
    } catch (e) {
      // A stale or edited 翻页 link: the first page, with the reason.
      if (!(e instanceof AppError) || e.code !== "validation_failed") throw e;
      notice = { kind: "error", message: e.message };
      page = await listZoneUsersPage(
        ctx,
        { ...filters, after: undefined, before: undefined },
        { withStaffInvitations: true },
      );
    }
    return c.html(
      <AdminUsersPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        users={page.users}
        invitations={page.staffInvitations}
        invite={extra.invite}
        paging={{
          total: page.total,
          nextCursor: page.nextCursor,
          prevCursor: page.prevCursor,
          role: filters.role,
          q: filters.q,
        }}
        notice={notice ?? (query.success ? undefined : { kind: "error", message: "筛选条件有误,已显示全部用户。" })}
      />,
      status,
    );
  };
}

/** Staff invitations (zone_admin), at /admin/staff-invitations; see ../../staff/staff-user-pages. */
export function adminStaffInvitationPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, pageGuard(deps, "zone_admin"));
  r.route("/", staffInvitationPages(deps, usersTable(deps)));
  return r;
}

export function adminUserPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, pageGuard(deps, "zone_admin"));
  const table = usersTable(deps);

  r.get("/", (c) => {
    const done = c.req.query("done") ?? "";
    const message = isAction(done)
      ? ACTIONS[done].done
      : Object.hasOwn(STAFF_DONE, done)
        ? STAFF_DONE[done as keyof typeof STAFF_DONE]
        : undefined;
    return table(c, { notice: message ? { kind: "ok", message } : undefined });
  });

  r.route("/", resetLinkPages(deps));
  r.route("/", staffUserPages(deps, table));

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
        return table(c, { notice: { kind: "error", message: errors.message ?? "操作没有完成。" } }, status);
      }
      return c.redirect(`/admin/users?done=${action}`, 303);
    });

  return r;
}
