/** The people sections of the member's overview: its members and the invitations still open. */
import type { OpenInvitation } from "../invitations/open-invitation";
import { OpenInvitationsTable } from "../invitations/open-invitations-table";
import type { Mode } from "./overview";
import type { EnterpriseOverview } from "./view-types";

export function MembersSection({ o, mode }: { o: EnterpriseOverview; mode: Mode }) {
  const active = o.members.filter((m) => m.status === "active").length;
  return (
    <section aria-labelledby="s-members">
      <h2 id="s-members">成员</h2>
      <div class="table-scroll">
        <table class="grid stack">
          <thead>
            <tr>
              <th scope="col">成员</th>
              <th scope="col">状态</th>
              {mode.kind === "member" && <th scope="col">操作</th>}
            </tr>
          </thead>
          <tbody>
            {o.members.map((m) => (
              <tr>
                <td>
                  {m.name}
                  <small>{m.email}</small>
                </td>
                <td data-label="状态">{m.status === "active" ? "正常" : "已移除"}</td>
                {mode.kind === "member" && (
                  <td>
                    {m.status === "active" && active > 1 && (
                      <form method="post" action={`/enterprise/members/${m.id}/remove`}>
                        <button class="btn danger" type="submit" aria-label={`移除成员:${m.name}`}>
                          {m.id === mode.selfId ? "退出本企业" : "移除"}
                        </button>
                      </form>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Invitations not yet accepted, with a button to withdraw each (the member's page only). */
export function OpenInvitationsSection({ invitations }: { invitations: OpenInvitation[] }) {
  return (
    <section aria-labelledby="s-invitations">
      <h2 id="s-invitations">待接受的邀请</h2>
      <OpenInvitationsTable
        invitations={invitations}
        revokeAction={(i) => `/enterprise/invitations/${i.tokenHash}/revoke`}
      />
    </section>
  );
}
