/** 企业资料 (member): the enterprise's overview with links to edit, and the colleague invitation form. */
import type { ZoneConfig } from "../../../tenants/schema";
import type { OpenInvitation } from "../invitations/open-invitation";
import type { EnterpriseOverview } from "./view-types";
import { Layout } from "../../layout";
import { FormAlert, Input, type FormErrors } from "../../components/form";
import type { HeaderUser } from "../auth/labels";
import { ENTERPRISE_CSS } from "./labels";
import { MembersSection, OpenInvitationsSection } from "./members";
import { formatDateZh } from "../../format";
import { filingStatus, missingFields } from "../../../worker/lib/yearly-report";
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
        <ReportDue overview={overview} />
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

/** The zone's open yearly reports: a call to file each one not yet complete, a quiet line for those filed. */
function ReportDue({ overview }: { overview: EnterpriseOverview }) {
  const open = overview.openReports ?? [];
  if (!open.length) return null;
  return (
    <section aria-labelledby="s-report" class="report-due">
      <h2 id="s-report">年度报表</h2>
      {open.map((w) => {
        const row = overview.figures.find((f) => f.year === w.year);
        const status = filingStatus(row);
        const due = formatDateZh(w.dueOn);
        if (status === "filed")
          return (
            <p class="alert ok" role="status">
              {w.year} 年度报表已填报。截止 {due} 前仍可<a href={`/enterprise/figures?year=${w.year}`}>修改</a>。
            </p>
          );
        return (
          <div class="alert info">
            <p>
              园区正在收集 {w.year} 年度报表,请于 {due} 前填报。
              {status === "incomplete" && `还缺:${missingFields(row).join("、")}。`}
            </p>
            <a class="btn" href={`/enterprise/figures?year=${w.year}`}>
              填报 {w.year} 年度报表
            </a>
          </div>
        );
      })}
    </section>
  );
}
