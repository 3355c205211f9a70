/**
 * 用户管理's staff part: the 邀请工作人员 form (email, name, role) and the open staff
 * invitations with 撤销. POST forms only; the link itself is shown once on the next page.
 */
import { FormAlert, type FormErrors, Input, Select } from "../../components/form";
import type { OpenInvitation } from "./open-invitation";
import { OpenInvitationsTable } from "./open-invitations-table";

/** The invite form as last sent, with what was wrong (a refused invitation redraws it). */
export interface StaffInviteState {
  email?: string | undefined;
  name?: string | undefined;
  role?: string | undefined;
  errors?: FormErrors | undefined;
}

const ROLE_OPTIONS = [
  { value: "reviewer", label: "审核员:办理各审核环节" },
  { value: "zone_admin", label: "园区管理员:另可管理用户、政策和园区设置" },
];
const ROLE_WORD: Record<string, string> = { reviewer: "审核员", zone_admin: "园区管理员" };

export function StaffInviteForm({ state }: { state: StaffInviteState | undefined }) {
  const errors = state?.errors;
  return (
    <section class="card" aria-labelledby="invite-title" id="invite">
      <h2 id="invite-title">邀请工作人员</h2>
      <p>
        {"对方会收到一封带一次性链接的邮件,打开后核对姓名、设置密码即可登录;链接 7 天内有效," +
          "也会在下一页显示一次,方便您当面或电话转告。再次邀请同一邮箱会使之前的链接失效。"}
      </p>
      <FormAlert errors={errors} ids={{ email: "f-invite-email", name: "f-invite-name", role: "f-invite-role" }} />
      <form class="stack" method="post" action="/admin/staff-invitations" novalidate>
        <Input
          id="f-invite-email"
          name="email"
          label="对方的工作邮箱"
          type="email"
          autocomplete="off"
          value={state?.email}
          error={errors?.fields?.email}
          autocapitalize="none"
        />
        <Input
          id="f-invite-name"
          name="name"
          label="姓名"
          maxlength={200}
          value={state?.name}
          error={errors?.fields?.name}
        />
        <Select
          id="f-invite-role"
          name="role"
          label="角色"
          value={state?.role ?? "reviewer"}
          options={ROLE_OPTIONS}
          error={errors?.fields?.role}
        />
        <button class="btn" type="submit">
          发出邀请
        </button>
      </form>
    </section>
  );
}

export function StaffInvitationsList({ invitations }: { invitations: OpenInvitation[] }) {
  return (
    <section aria-labelledby="staff-invitations-title">
      <h2 class="section" id="staff-invitations-title">
        待接受的工作人员邀请
      </h2>
      <OpenInvitationsTable
        invitations={invitations}
        roleWords={ROLE_WORD}
        revokeAction={(i) => `/admin/staff-invitations/${i.tokenHash}/revoke`}
      />
    </section>
  );
}
