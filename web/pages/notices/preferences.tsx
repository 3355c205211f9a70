/**
 * Staff's 消息提醒方式: for each kind of notice their role receives, whether it also comes by mail
 * (the default) or by SMS, or only to the 消息中心. A refusal redraws the form with its message.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import { FormAlert, Select, type FormErrors } from "../../components/form";

// The base stylesheet sizes inputs, not selects: these are the page's only controls.
const PREFERENCES_CSS =
  ".notice-prefs .field select{min-height:44px;width:100%;padding:8px 12px;font:inherit;color:var(--ink);" +
  "background:#fff;border:1px solid #8a94a3;border-radius:6px}";

export interface PreferenceView {
  kind: string;
  label: string;
  channel: string;
}

export function NoticePreferencesPage({
  zone,
  nonce,
  user,
  preferences,
  channels,
  hasMobile,
  saved,
  errors,
}: {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  preferences: PreferenceView[];
  channels: { value: string; label: string }[];
  hasMobile: boolean;
  saved?: boolean;
  errors?: FormErrors | undefined;
}) {
  return (
    <Layout title="消息提醒方式" zone={zone} nonce={nonce} user={user} current="notices" css={PREFERENCES_CSS}>
      <main id="main" class="wrap narrow notice-prefs">
        <div class="card">
          <p class="crumbs">
            <a href="/notices">消息中心</a> › 提醒方式
          </p>
          <h1>消息提醒方式</h1>
          <p>每类消息都会出现在消息中心;还可以同时发邮件或短信提醒你。</p>
          {!hasMobile && (
            <div class="alert info">你的账号还没有登记手机号:选择短信的消息会改发邮件,直到登记手机号。</div>
          )}
          {saved && (
            <div class="alert ok" role="status">
              已保存。
            </div>
          )}
          <FormAlert errors={errors} />
          <form method="post" action="/account/notices" class="stack">
            {preferences.map((p) => (
              <Select id={`f-${p.kind}`} name={`kind:${p.kind}`} label={p.label} value={p.channel} options={channels} />
            ))}
            <button type="submit" class="btn">
              保存
            </button>
          </form>
        </div>
      </main>
    </Layout>
  );
}
