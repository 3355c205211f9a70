/** 园区设置 · 修改记录 (zone_admin): every saved version, newest first, each restorable. */
import type { ZoneConfig } from "../../../tenants/schema";
import { FormAlert, type FormErrors } from "../../components/form";
import { Layout } from "../../layout";
import { formatTimeZh, type HeaderUser } from "../auth/labels";
import { SETTINGS_CSS } from "./settings";

export interface SettingsHistoryRow {
  version: number;
  changedAt: number;
  changedBy: string | null;
  /** What changed against the version before, in words (e.g. ["联系方式"]). */
  changes: string[];
  restoredFrom: number | null;
  current: boolean;
}

export interface SettingsHistoryPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  versions: SettingsHistoryRow[];
  notice?: string | undefined;
  errors?: FormErrors | undefined;
}

function what(v: SettingsHistoryRow): string {
  const changed = v.changes.length > 0 ? `修改了${v.changes.join("、")}` : "没有改动";
  if (v.restoredFrom === null) return changed;
  return `恢复到${v.restoredFrom === 0 ? "开通时的设置" : `第${v.restoredFrom}版`}(${changed})`;
}

export function SettingsHistoryPage({ zone, nonce, user, versions, notice, errors }: SettingsHistoryPageProps) {
  return (
    <Layout title="园区设置修改记录" zone={zone} nonce={nonce} user={user} current="admin" css={SETTINGS_CSS}>
      <main id="main" class="wrap zs">
        <p class="crumbs">
          <a href="/admin/settings">园区设置</a> › 修改记录
        </p>
        <h1>修改记录</h1>
        <p class="lead">
          每次保存园区设置都会留下一个版本。恢复旧版本会把它另存为最新的一版,现在的设置仍留在记录里,可以再恢复。
        </p>
        {notice && (
          <p class="alert ok" role="status">
            {notice}
          </p>
        )}
        <FormAlert errors={errors} />
        {versions.length === 0 ? (
          <p class="help">还没有修改记录:本园区一直使用开通时的设置。</p>
        ) : (
          <div class="table-scroll">
            <table class="users stack">
              <caption class="skip">园区设置的 {versions.length} 个版本,最新的在前</caption>
              <thead>
                <tr>
                  <th scope="col">版本</th>
                  <th scope="col">修改人</th>
                  <th scope="col">时间</th>
                  <th scope="col">改了什么</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => (
                  <tr>
                    <td>
                      第{v.version}版{v.current && <small>现行</small>}
                    </td>
                    <td data-label="修改人">{v.changedBy ?? "管理员"}</td>
                    <td data-label="时间">{formatTimeZh(new Date(v.changedAt))}</td>
                    <td data-label="改了什么">{what(v)}</td>
                    <td data-label="操作">
                      {v.current ? (
                        "正在使用"
                      ) : (
                        <form
                          method="post"
                          action="/admin/settings/history"
                          data-confirm={`确定恢复到第${v.version}版的设置吗?所有页面将在5秒内改用那一版,现在的设置会留在记录里。`}
                        >
                          <input type="hidden" name="version" value={String(v.version)} />
                          <button class="btn secondary" type="submit">
                            恢复此版本<span class="skip">(第{v.version}版)</span>
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
                <tr>
                  <td>开通时的设置</td>
                  <td data-label="修改人">—</td>
                  <td data-label="时间">—</td>
                  <td data-label="改了什么">园区开通时的设置,第1版之前</td>
                  <td data-label="操作">
                    <form
                      method="post"
                      action="/admin/settings/history"
                      data-confirm="确定恢复为开通时的设置吗?所有页面将在5秒内改用它,现在的设置会留在记录里。"
                    >
                      <input type="hidden" name="version" value="0" />
                      <button class="btn secondary" type="submit">
                        恢复此版本<span class="skip">(开通时的设置)</span>
                      </button>
                    </form>
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        )}
        <p class="links">
          <a href="/admin/settings">返回园区设置</a>
        </p>
      </main>
    </Layout>
  );
}
