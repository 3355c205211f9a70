/**
 * One bank (zone_admin): its facts, staff, open invitations (each revocable),
 * the form to invite a staff member, and suspend / reactivate. POST forms only.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type { OpenInvitation } from "../invitations/open-invitation";
import { Layout } from "../../layout";
import { FormAlert, Input, type FormErrors } from "../../components/form";
import { STATUS_LABEL, type HeaderUser } from "../auth/labels";
import { OpenInvitationsTable } from "../invitations/open-invitations-table";
import { BankContactFacts } from "./bank-contact";
import { BANK_STATUS_LABEL, bankTitle } from "./labels";

export interface AdminBankPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  bank: {
    id: string;
    name: string;
    branch: string | null;
    uscc: string | null;
    contactName: string | null;
    contactPhone: string | null;
    contactEmail: string | null;
    status: "active" | "suspended";
  };
  staff: { id: string; name: string; email: string; status: "active" | "disabled" }[];
  invitations: OpenInvitation[];
  notice?: { kind: "ok" | "error"; message: string };
  /** The invite form as last submitted, with what was wrong. */
  inviteEmail?: string;
  inviteErrors?: FormErrors;
}

export function AdminBankPage({
  zone,
  nonce,
  user,
  bank,
  staff,
  invitations,
  notice,
  inviteEmail,
  inviteErrors,
}: AdminBankPageProps) {
  const title = bankTitle(bank);
  const base = `/admin/banks/${bank.id}`;
  return (
    <Layout title={title} zone={zone} nonce={nonce} user={user} current="admin">
      <main id="main" class="wrap">
        <p class="crumbs">
          <a href="/admin/banks">金融机构</a> / {title}
        </p>
        <h1>{title}</h1>
        {notice && (
          <div class={`alert ${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"}>
            {notice.message}
          </div>
        )}
        <dl class="facts">
          <dt>状态</dt>
          <dd>{BANK_STATUS_LABEL[bank.status]}</dd>
          <dt>统一社会信用代码</dt>
          <dd>{bank.uscc}</dd>
          <BankContactFacts bank={bank} />
        </dl>
        <form
          method="post"
          action={`${base}/${bank.status === "active" ? "suspend" : "reactivate"}`}
          data-confirm={bank.status === "active" ? "确定暂停该机构?其工作人员会立即退出登录。" : undefined}
        >
          {bank.status === "active" ? (
            <button class="btn danger" type="submit">
              暂停该机构(立即退出其工作人员的登录)
            </button>
          ) : (
            <button class="btn secondary" type="submit">
              恢复该机构
            </button>
          )}
        </form>

        <h2 class="section">工作人员</h2>
        {staff.length === 0 ? (
          <p>还没有工作人员。发出邀请后,对方通过链接设置姓名和密码即可开通账号。</p>
        ) : (
          <div class="table-scroll">
            <table class="users stack">
              <thead>
                <tr>
                  <th scope="col">姓名</th>
                  <th scope="col">账号状态</th>
                </tr>
              </thead>
              <tbody>
                {staff.map((s) => (
                  <tr>
                    <td>
                      {s.name}
                      <small>{s.email}</small>
                    </td>
                    <td data-label="账号状态">{STATUS_LABEL[s.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        <h2 class="section">待接受的邀请</h2>
        <OpenInvitationsTable
          invitations={invitations}
          revokeAction={(i) => `${base}/invitations/${i.tokenHash}/revoke`}
        />

        {bank.status === "active" && (
          <>
            <h2 class="section" id="invite-title">
              邀请工作人员
            </h2>
            <section class="card" aria-labelledby="invite-title">
              <FormAlert errors={inviteErrors} />
              <form class="stack" method="post" action={`${base}/invite`} novalidate>
                <Input
                  name="email"
                  label="对方的工作邮箱"
                  type="email"
                  autocomplete="off"
                  hint="邀请链接 7 天内有效,只能使用一次;链接会发到这个邮箱,也会在下一页显示一次。"
                  value={inviteEmail}
                  error={inviteErrors?.fields?.email}
                  autocapitalize="none"
                />
                <button class="btn" type="submit">
                  发出邀请
                </button>
              </form>
            </section>
          </>
        )}
      </main>
    </Layout>
  );
}
