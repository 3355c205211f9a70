/**
 * 接受邀请: who invited this email into which organisation, then name and
 * password. The token rides in a hidden field; the page is served with
 * Referrer-Policy: no-referrer and no-store because its URL carries the token.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { Layout } from "../../layout";
import { Field, FormAlert, Input, type FormErrors } from "../../components/form";
import { PasswordHelp } from "../auth/password-help";

export type AcceptInvitationState =
  | {
      kind: "form";
      token: string;
      email: string;
      organisation: string;
      membership: string;
      name?: string;
      errors?: FormErrors;
    }
  /** Malformed, used, expired or revoked; or the email has an account already. */
  | { kind: "invalid"; message: string; accountExists?: boolean };

export interface AcceptInvitationPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  state: AcceptInvitationState;
}

const PASSWORD_HINT = "至少 8 个字符;可以用中文、空格和符号。不要用常见密码或包含邮箱的密码。";

export function AcceptInvitationPage({ zone, nonce, state }: AcceptInvitationPageProps) {
  return (
    <Layout title="接受邀请" zone={zone} nonce={nonce} referrer="no-referrer">
      <main id="main" class="wrap narrow">
        <section class="card" aria-labelledby="invite-title">
          <h1 id="invite-title">接受邀请</h1>
          {state.kind === "invalid" && (
            <>
              <div class="alert error" role="alert">
                {state.message}
              </div>
              <p class="links">
                {state.accountExists && <a href="/forgot-password">忘记密码</a>}
                <a href="/login">去登录</a>
              </p>
            </>
          )}
          {state.kind === "form" && (
            <>
              <p>
                您受邀以{state.membership}的身份加入<strong>{state.organisation}</strong>。设置好姓名和密码后即可登录
                {zone.shortName.zh}平台。
              </p>
              <FormAlert errors={state.errors} />
              <form class="stack" method="post" action="/invite" novalidate>
                <input type="hidden" name="token" value={state.token} />
                <Field id="f-invited-email" label="登录邮箱">
                  <input id="f-invited-email" type="email" value={state.email} readonly autocomplete="username" />
                </Field>
                <Input
                  name="name"
                  label="姓名"
                  type="text"
                  autocomplete="name"
                  value={state.name}
                  error={state.errors?.fields?.name}
                  autofocus
                  maxlength={1024}
                />
                <Input
                  name="password"
                  label="设置密码"
                  type="password"
                  autocomplete="new-password"
                  hint={
                    zone.security.dengbao
                      ? `${PASSWORD_HINT}本园区还要求包含大写字母、小写字母、数字、符号中的至少三类。`
                      : PASSWORD_HINT
                  }
                  error={state.errors?.fields?.password}
                  autocapitalize="none"
                />
                <Input
                  name="confirm"
                  label="再次输入密码"
                  type="password"
                  autocomplete="new-password"
                  error={state.errors?.fields?.confirm}
                  autocapitalize="none"
                />
                <button class="btn" type="submit">
                  接受邀请并登录
                </button>
              </form>
            </>
          )}
        </section>
        <PasswordHelp zone={zone} />
      </main>
    </Layout>
  );
}
