/**
 * One enterprise for staff: the same overview its members see, read-only, with
 * the history; the zone admin may suspend it.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type { EnterpriseOverview } from "./view-types";
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import { ENTERPRISE_CSS } from "./labels";
import { MembersSection } from "./members";
import { FiguresSection, HistorySection, ProfileSection, QualificationsSection } from "./overview";

export function EnterpriseDetailPage({
  zone,
  nonce,
  user,
  overview,
  notice,
}: {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  overview: EnterpriseOverview;
  notice?: { kind: "ok" | "error"; message: string } | undefined;
}) {
  const mode = { kind: "staff" } as const;
  const e = overview.enterprise;
  return (
    <Layout title={e.name} zone={zone} nonce={nonce} user={user} css={ENTERPRISE_CSS}>
      <main id="main" class="wrap ent">
        <p class="crumbs">
          <a href="/admin/enterprises">企业名录</a> › {e.name}
        </p>
        <h1>{e.name}</h1>
        {notice && (
          <div class={`alert ${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"}>
            {notice.message}
          </div>
        )}
        {user.role === "zone_admin" && (
          <div class="actions">
            {e.status === "active" ? (
              <form
                method="post"
                action={`/admin/enterprises/${e.id}/suspend`}
                data-confirm="确定暂停该企业?其成员会立即退出登录,恢复前不能办理业务。"
              >
                <button class="btn danger" type="submit">
                  暂停该企业(成员将被退出登录)
                </button>
              </form>
            ) : (
              <form method="post" action={`/admin/enterprises/${e.id}/reactivate`}>
                <button class="btn" type="submit">
                  恢复该企业
                </button>
              </form>
            )}
          </div>
        )}
        <ProfileSection zone={zone} o={overview} mode={mode} />
        <QualificationsSection o={overview} mode={mode} />
        <FiguresSection o={overview} mode={mode} />
        <MembersSection o={overview} mode={mode} />
        <HistorySection zone={zone} o={overview} />
      </main>
    </Layout>
  );
}
