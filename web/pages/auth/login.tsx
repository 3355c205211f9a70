/** 登录: email, password, 记住我; the zone's password-help line and the self-service reset link. */
import type { ZoneConfig } from "../../../tenants/schema";
import { Layout } from "../../layout";
import type { FormErrors } from "../../components/form";
import { SignInForm } from "../../components/sign-in-form";
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
          <SignInForm values={values} errors={errors} notice={notice} rememberDays={zone.security.rememberDays} />
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
