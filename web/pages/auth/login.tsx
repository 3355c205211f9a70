/** 登录: email, password, 记住我; the zone's password-help line and the self-service reset link. */
import type { ZoneConfig } from "../../../tenants/schema";
import { Layout } from "../../layout";
import { Checkbox, FormAlert, Input, type FormErrors } from "../../components/form";
import { PasswordHelp } from "./password-help";

export interface LoginPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  /** What was typed last time (never the password). */
  values?: { email?: string; remember?: boolean };
  errors?: FormErrors;
  /** A note for a visitor sent here, e.g. after signing out. */
  notice?: string;
}

export function LoginPage({ zone, nonce, values, errors, notice }: LoginPageProps) {
  return (
    <Layout title="登录" zone={zone} nonce={nonce} current="login">
      <main id="main" class="wrap narrow">
        <section class="card" aria-labelledby="login-title">
          <h1 id="login-title">登录{zone.shortName.zh}</h1>
          {notice && !errors && (
            <div class="alert ok" role="status">
              {notice}
            </div>
          )}
          <FormAlert errors={errors} />
          <form class="stack" method="post" action="/login" novalidate>
            <Input
              name="email"
              label="邮箱"
              type="email"
              autocomplete="username"
              value={values?.email}
              error={errors?.fields?.email}
              autofocus={!values?.email}
              autocapitalize="none"
            />
            <Input
              name="password"
              label="密码"
              type="password"
              autocomplete="current-password"
              error={errors?.fields?.password}
              autofocus={!!values?.email}
              autocapitalize="none"
            />
            <Checkbox name="remember" value="on" checked={values?.remember ?? false}>
              记住我({zone.security.rememberDays} 天内免登录,请勿在公用电脑上勾选)
            </Checkbox>
            <button class="btn" type="submit">
              登录
            </button>
          </form>
          <p class="links">
            <a href="/forgot-password">忘记密码?</a>
            <a href="/apply">还没有账号?申请入驻</a>
          </p>
        </section>
        <PasswordHelp zone={zone} />
      </main>
    </Layout>
  );
}
