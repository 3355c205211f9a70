/** 用户管理 (zone_admin): every user of the zone with a POST form per action, no JavaScript. */
import type { ZoneConfig } from "../../../tenants/schema";
import type { Role } from "../../../worker/db/schema";
import { Layout } from "../../layout";
import { Pager } from "../../components/pager";
import { formatTimeZh, ROLE_LABEL, STATUS_LABEL, type HeaderUser } from "./labels";

/** One user of the zone as the table shows it (times as ISO 8601 UTC). */
export interface ZoneUserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: "active" | "disabled";
  activeSessions: number;
  lastLoginAt: string | null;
  /** Until when failed sign-ins lock the account; null when it is not locked. */
  lockedUntil: string | null;
}

export interface AdminUsersPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser & { id: string };
  users: ZoneUserRow[];
  /** How many users there are (with the role filter), and the keys of the pages around this one. */
  paging?: { total: number; nextCursor: string | null; prevCursor: string | null; role?: Role | undefined };
  /** The outcome of the last action: a confirmation, or what stopped it. */
  notice?: { kind: "ok" | "error"; message: string };
}

/** 用户管理 at the page a cursor names (none: the first), with the role filter kept. */
function usersHref(role: Role | undefined, cursor?: { after: string } | { before: string }): string {
  const p = new URLSearchParams();
  if (role) p.set("role", role);
  if (cursor && "after" in cursor) p.set("after", cursor.after);
  if (cursor && "before" in cursor) p.set("before", cursor.before);
  const s = p.toString();
  return s ? `/admin/users?${s}` : "/admin/users";
}

export function AdminUsersPage({ zone, nonce, user, users, paging, notice }: AdminUsersPageProps) {
  return (
    <Layout title="用户管理" zone={zone} nonce={nonce} user={user} current="admin">
      <main id="main" class="wrap">
        <h1>用户管理</h1>
        <p>
          {"用户忘记密码时,点“发放重置链接”,再把链接通过电话或短信告诉用户本人;您不会看到也不能设置任何人的密码。" +
            "停用账号或“退出其登录”会立即结束该用户在所有设备上的登录。" +
            "连续输错密码被锁定的账号会显示锁定到几点;确认是用户本人后,可点“解除锁定”让其立即登录。"}
        </p>
        {notice && (
          <div class={`alert ${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"}>
            {notice.message}
          </div>
        )}
        <div class="table-scroll">
          <table class="users stack">
            <caption class="skip">本园区的 {users.length} 个用户</caption>
            <thead>
              <tr>
                <th scope="col">用户</th>
                <th scope="col">角色</th>
                <th scope="col">状态</th>
                <th scope="col" class="num">
                  在线会话
                </th>
                <th scope="col">最近登录</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr>
                  <td>
                    {u.name}
                    <small>{u.email}</small>
                  </td>
                  <td data-label="角色">{ROLE_LABEL[u.role]}</td>
                  <td data-label="状态">
                    {/* A locked active account reads "已锁定", not "正常" beside a lock note that contradicts it. */}
                    {u.lockedUntil && u.status === "active" ? "已锁定" : STATUS_LABEL[u.status]}
                    {u.lockedUntil && (
                      <small>
                        {u.status === "active" ? "" : "已锁定,"}
                        <time datetime={u.lockedUntil}>{formatTimeZh(u.lockedUntil)}</time> 自动解除
                      </small>
                    )}
                  </td>
                  <td class="num" data-label="在线会话">
                    {u.activeSessions}
                  </td>
                  <td data-label="最近登录">
                    {u.lastLoginAt ? <time datetime={u.lastLoginAt}>{formatTimeZh(u.lastLoginAt)}</time> : "从未登录"}
                  </td>
                  <td>
                    <RowActions row={u} self={u.id === user.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {paging && (
          <Pager
            always
            total={paging.total}
            unit="个用户"
            prevHref={paging.prevCursor && usersHref(paging.role, { before: paging.prevCursor })}
            nextHref={paging.nextCursor && usersHref(paging.role, { after: paging.nextCursor })}
          />
        )}
      </main>
    </Layout>
  );
}

function RowActions({ row, self }: { row: ZoneUserRow; self: boolean }) {
  const action = (path: string, label: string, cls = "btn secondary", confirm?: string) => (
    <form method="post" action={`/admin/users/${row.id}/${path}`} data-confirm={confirm}>
      <button class={cls} type="submit" aria-label={`${label}:${row.name}`}>
        {label}
      </button>
    </form>
  );
  return (
    <div class="row-actions">
      {action("reset-link", "发放重置链接")}
      {row.status === "active"
        ? !self &&
          action(
            "disable",
            "停用",
            "btn danger",
            `确定停用 ${row.name}(${row.email})的账号?该用户在所有设备上的登录会立即结束。`,
          )
        : action("enable", "启用")}
      {row.activeSessions > 0 && !self && action("end-sessions", "退出其登录")}
      {row.lockedUntil &&
        action(
          "unlock",
          "解除锁定",
          "btn secondary",
          `确定解除 ${row.name}(${row.email})的登录锁定?之前输错的密码将不再计数。请先确认是用户本人在尝试登录。`,
        )}
    </div>
  );
}
