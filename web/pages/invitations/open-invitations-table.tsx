/**
 * The invitations still open, each with 撤销 — one table for every page that lists them: the zone
 * staff's (用户管理), an enterprise's (its members' overview) and a bank's (the zone admin's bank
 * page). Each page keeps its own heading and says where 撤销 posts; the rows read the same
 * everywhere: who was invited, by whom and until when, and the button, which asks first.
 */
import { formatTimeZh } from "../auth/labels";
import type { OpenInvitation } from "./open-invitation";

export interface OpenInvitationsTableProps {
  invitations: OpenInvitation[];
  /** Where a row's 撤销 posts. */
  revokeAction: (invitation: OpenInvitation) => string;
  /** The roles' words, for a list that mixes roles (the zone staff's); without it no 角色 column. */
  roleWords?: Record<string, string>;
}

const time = (ms: number) => <time datetime={new Date(ms).toISOString()}>{formatTimeZh(new Date(ms))}</time>;

export function OpenInvitationsTable({ invitations, revokeAction, roleWords }: OpenInvitationsTableProps) {
  if (invitations.length === 0) return <p>没有待接受的邀请。</p>;
  return (
    <div class="table-scroll">
      <table class="users stack">
        <thead>
          <tr>
            <th scope="col">受邀人</th>
            {roleWords && <th scope="col">角色</th>}
            <th scope="col">邀请人与有效期</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((i) => (
            <tr>
              <td>
                {i.name ?? i.email}
                {i.name && <small>{i.email}</small>}
              </td>
              {roleWords && <td data-label="角色">{roleWords[i.role] ?? i.role}</td>}
              <td data-label="邀请人与有效期">
                {i.invitedBy} 于 {time(i.createdAt)} 邀请
                <small>有效期至 {time(i.expiresAt)}</small>
              </td>
              <td>
                <div class="row-actions">
                  <form
                    method="post"
                    action={revokeAction(i)}
                    data-confirm={`确定撤销给 ${i.email} 的邀请?链接会立即失效。`}
                  >
                    <button class="btn danger" type="submit" aria-label={`撤销给 ${i.email} 的邀请`}>
                      撤销
                    </button>
                  </form>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
