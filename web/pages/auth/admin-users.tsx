/**
 * 用户管理 (zone_admin): every user of the zone (search, role filter, organisation) with a POST
 * form per action, then the staff invitations and the 邀请工作人员 form. No JavaScript needed.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { ROLES, type Role } from "../../../worker/db/schema";
import { Layout } from "../../layout";
import { Pager } from "../../components/pager";
import type { OpenInvitation } from "../invitations/open-invitation";
import { type StaffInviteState, StaffInvitationsList, StaffInviteForm } from "../invitations/staff-invitations";
import { formatTimeZh, ROLE_LABEL, STATUS_LABEL, type HeaderUser } from "./labels";

export type { StaffInviteState };

const USERS_CSS =
  ".users-page .filters{display:grid;gap:10px;grid-template-columns:1fr;align-items:end;margin:0 0 14px}" +
  "@media(min-width:760px){.users-page .filters{grid-template-columns:2fr 1fr auto}}" +
  ".users-page .filters .btn{width:100%}" +
  ".users-page .card{margin-top:24px}" +
  ".users-page .field select{min-height:44px;width:100%;padding:8px 12px;font:inherit;color:var(--ink);" +
  "background:#fff;border:1px solid #8a94a3;border-radius:6px}";

/** One user of the zone as the table shows it (times as ISO 8601 UTC). */
export interface ZoneUserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: "active" | "disabled";
  /** The enterprise, or the bank with its branch, the account belongs to; null for zone staff. */
  organisation: string | null;
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
  /** The open staff invitations, and the invite form as last sent (a refusal redraws it). */
  invitations?: OpenInvitation[];
  invite?: StaffInviteState | undefined;
  /** How many users match (search, role filter), and the keys of the pages around this one. */
  paging?: {
    total: number;
    nextCursor: string | null;
    prevCursor: string | null;
    role?: Role | undefined;
    q?: string | undefined;
  };
  /** The outcome of the last action: a confirmation, or what stopped it. */
  notice?: { kind: "ok" | "error"; message: string };
}

/** 用户管理 at the page a cursor names (none: the first), with the search and role filter kept. */
function usersHref(
  filters: { role?: Role | undefined; q?: string | undefined },
  cursor?: { after: string } | { before: string },
): string {
  const p = new URLSearchParams();
  if (filters.q) p.set("q", filters.q);
  if (filters.role) p.set("role", filters.role);
  if (cursor && "after" in cursor) p.set("after", cursor.after);
  if (cursor && "before" in cursor) p.set("before", cursor.before);
  const s = p.toString();
  return s ? `/admin/users?${s}` : "/admin/users";
}

export function AdminUsersPage(props: AdminUsersPageProps) {
  const { zone, nonce, user, users, paging, notice, invitations, invite } = props;
  return (
    <Layout title="用户管理" zone={zone} nonce={nonce} user={user} current="admin" css={USERS_CSS}>
      <main id="main" class="wrap users-page">
        <h1>用户管理</h1>
        <p>
          <a href="#invite">邀请工作人员</a>(审核员、园区管理员)在本页最下方;企业成员由企业自己邀请,金融机构工作人员在
          <a href="/admin/banks">金融机构</a>
          {"页邀请。工作人员的角色可在审核员和园区管理员之间调整,但不能调整自己的角色;" +
            "本园区至少要保留一位在用的园区管理员。"}
        </p>
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
        <SearchForm role={paging?.role} q={paging?.q} />
        {users.length === 0 && <p>没有符合条件的用户。</p>}
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
                  <td data-label="角色">
                    {ROLE_LABEL[u.role]}
                    {u.organisation && <small>{u.organisation}</small>}
                  </td>
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
            prevHref={paging.prevCursor && usersHref(paging, { before: paging.prevCursor })}
            nextHref={paging.nextCursor && usersHref(paging, { after: paging.nextCursor })}
          />
        )}
        {invitations && <StaffInvitationsList invitations={invitations} />}
        <StaffInviteForm state={invite} />
      </main>
    </Layout>
  );
}

/** Search by email or name, and the role filter: a GET form, so the result is a link to share or bookmark. */
function SearchForm({ role, q }: { role: Role | undefined; q: string | undefined }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: role=search on a form is the landmark screen readers know
    <form method="get" action="/admin/users" class="filters" role="search">
      <div class="field">
        <label for="f-q">按邮箱或姓名查找</label>
        <input id="f-q" name="q" type="search" value={q ?? ""} maxlength={60} autocapitalize="none" />
      </div>
      <div class="field">
        <label for="f-role">按角色筛选</label>
        <select id="f-role" name="role">
          <option value="">全部</option>
          {ROLES.map((r) => (
            <option value={r} selected={role === r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
      </div>
      <button class="btn" type="submit">
        查询
      </button>
    </form>
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
  // Staff only, and never one's own role: another admin changes it (the zone keeps an admin).
  const otherRole = row.role === "reviewer" ? "zone_admin" : row.role === "zone_admin" ? "reviewer" : null;
  return (
    <div class="row-actions">
      {action("reset-link", "发放重置链接")}
      {otherRole && !self && (
        <form
          method="post"
          action={`/admin/users/${row.id}/role`}
          data-confirm={`确定把 ${row.name}(${row.email})改为${ROLE_LABEL[otherRole]}?`}
        >
          <input type="hidden" name="role" value={otherRole} />
          <button class="btn secondary" type="submit" aria-label={`设为${ROLE_LABEL[otherRole]}:${row.name}`}>
            设为{ROLE_LABEL[otherRole]}
          </button>
        </form>
      )}
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
