/**
 * 园区设置 (zone_admin): the settings a zone changes itself, one form per section, and which
 * version is in force. Saving takes effect on every page within 5 seconds.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import { formatTimeZh } from "../auth/labels";
import { SETTINGS_SECTIONS } from "./labels";
import { LOGO_CSS } from "./logo";
import { SettingsSections, type SectionsProps } from "./sections";

/** Who changed the settings last, and when; null while the zone still runs on its defaults. */
export interface SettingsVersionInfo {
  version: number;
  changedAt: number;
  changedBy: string | null;
}

export interface ZoneSettingsPageProps extends SectionsProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  current: SettingsVersionInfo | null;
  notice?: string | undefined;
}

export const SETTINGS_CSS = `
.zs .lead{margin:0 0 8px}
.zs .toc{display:flex;flex-wrap:wrap;gap:0 16px;margin:0 0 8px;padding:0;list-style:none}
.zs .toc a{display:inline-flex;align-items:center;justify-content:center;min-height:44px;min-width:44px}
.zs .settings{margin:0 0 20px}
.zs .settings h2{font-size:1.2rem;margin:0 0 12px;padding-left:10px;border-left:4px solid var(--primary)}
.zs .field select,.zs .field textarea{min-height:44px;width:100%;padding:8px 12px;font:inherit;color:var(--ink);
  background:#fff;border:1px solid #8a94a3;border-radius:6px}
.zs .field textarea{min-height:120px}
.zs .field :is(select,textarea)[aria-invalid=true]{border:2px solid #b42318}
.zs .rows{display:flex;flex-direction:column;gap:14px}
.zs fieldset.row{border:1px solid var(--line);border-radius:8px;padding:10px 14px 14px;margin:0;display:flex;
  flex-direction:column;gap:12px;min-width:0}
.zs fieldset.row legend{font-weight:700;padding:0 4px}
.zs fieldset.roles{border:0;padding:0;margin:0;min-width:0}
.zs fieldset.roles legend{font-weight:600;padding:0;margin:0 0 2px}
`;

/** The table of contents: the sections, with 徽标 after 品牌颜色 (it has its own forms, not a section's). */
const TOC: [string, string][] = Object.entries(SETTINGS_SECTIONS).flatMap(([key, label]) =>
  key === "branding" ? [[key, label] as [string, string], ["logo", "徽标"] as [string, string]] : [[key, label]],
);

export function ZoneSettingsPage({ zone, nonce, user, current, notice, forms, version, logo }: ZoneSettingsPageProps) {
  return (
    <Layout title="园区设置" zone={zone} nonce={nonce} user={user} current="admin" css={SETTINGS_CSS + LOGO_CSS}>
      <main id="main" class="wrap zs">
        <h1>园区设置</h1>
        <p class="lead">
          {current
            ? `现行第${current.version}版,${formatTimeZh(new Date(current.changedAt))}由${current.changedBy ?? "管理员"}保存。`
            : "本园区还没有改过设置,以下是开通时的设置。"}
          每次保存都会留下一个版本,可在<a href="/admin/settings/history">修改记录</a>中查看和恢复。
        </p>
        {notice && (
          <p class="alert ok" role="status">
            {notice}
          </p>
        )}
        <nav aria-label="设置分类">
          <ul class="toc">
            {TOC.map(([key, label]) => (
              <li>
                <a href={`#s-${key}`}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <SettingsSections forms={forms} version={version} logo={logo} />
      </main>
    </Layout>
  );
}
