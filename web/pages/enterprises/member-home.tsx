/** 企业资料 (member): the enterprise's overview with links to edit, and the colleague invitation form. */
import type { ZoneConfig } from "../../../tenants/schema";
import type { OpenInvitation } from "../invitations/open-invitation";
import type { EnterpriseOverview } from "./view-types";
import { Layout } from "../../layout";
import { FormAlert, Input, type FormErrors } from "../../components/form";
import type { HeaderUser } from "../auth/labels";
import { ENTERPRISE_CSS } from "./labels";
import { MembersSection, OpenInvitationsSection } from "./members";
import { FiguresSection, HistorySection, ProfileSection, QualificationsSection } from "./overview";

interface MemberHomeProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser & { id: string };
  overview: EnterpriseOverview;
  invitations: OpenInvitation[];
  notice?: { kind: "ok" | "error" | "info"; message: string } | undefined;
  invite?: { email?: string; errors?: FormErrors };
}

export function MemberHomePage({ zone, nonce, user, overview, invitations, notice, invite }: MemberHomeProps) {
  const mode = { kind: "member", selfId: user.id } as const;
  return (
    <Layout title="企业资料" zone={zone} nonce={nonce} user={user} css={ENTERPRISE_CSS}>
      <main id="main" class="wrap ent">
        <h1>{overview.enterprise.name}</h1>
        {notice && (
          <div class={`alert ${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"}>
            {notice.message}
          </div>
        )}
        <ProfileSection zone={zone} o={overview} mode={mode} />
        <QualificationsSection o={overview} mode={mode} />
        <FiguresSection o={overview} mode={mode} />
        <MembersSection o={overview} mode={mode} />
        <OpenInvitationsSection invitations={invitations} />
        <section aria-labelledby="s-invite">
          <h2 id="s-invite">邀请同事</h2>
          <p class="note">同事会收到一封带一次性链接的邮件(7 天内有效),打开后设置姓名和密码即可加入本企业。</p>
          <FormAlert errors={invite?.errors} />
          <form method="post" action="/enterprise/invitations" class="form-grid">
            <Input
              name="email"
              label="同事的邮箱"
              type="email"
              value={invite?.email ?? ""}
              error={invite?.errors?.fields?.email}
            />
            <div class="actions">
              <button class="btn" type="submit">
                发送邀请
              </button>
            </div>
          </form>
        </section>
        <HistorySection zone={zone} o={overview} />
      </main>
    </Layout>
  );
}
