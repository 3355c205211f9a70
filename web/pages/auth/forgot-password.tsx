/** 忘记密码: ask for a one-time reset link by email; afterwards the same sentence whatever the address. */
import type { ZoneConfig } from "../../../tenants/schema";
import { Layout } from "../../layout";
import { FormAlert, Input, type FormErrors } from "../../components/form";
import { PasswordHelp } from "./password-help";
import type { HeaderUser } from "./labels";

export interface ForgotPasswordPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user?: HeaderUser | null;
  email?: string;
  errors?: FormErrors;
  /** Set after a request was taken: the one answer for every address. */
  accepted?: string;
}

export function ForgotPasswordPage({ zone, nonce, user, email, errors, accepted }: ForgotPasswordPageProps) {
  return (
    <Layout title="忘记密码" zone={zone} nonce={nonce} user={user}>
      <main id="main" class="wrap narrow">
        <section class="card" aria-labelledby="forgot-title">
          <h1 id="forgot-title">忘记密码</h1>
          {accepted ? (
            <>
              <div class="alert ok" role="status">
                {accepted}
              </div>
              <p class="links">
                <a href="/login">返回登录</a>
              </p>
            </>
          ) : (
            <>
              <p>填写您登录用的邮箱,我们会发送一个重置密码的链接(只能使用一次)。</p>
              <FormAlert errors={errors} />
              <form class="stack" method="post" action="/forgot-password" novalidate>
                <Input
                  name="email"
                  label="邮箱"
                  type="email"
                  autocomplete="username"
                  value={email}
                  error={errors?.fields?.email}
                  autofocus
                  autocapitalize="none"
                />
                <button class="btn" type="submit">
                  发送重置链接
                </button>
              </form>
              <p class="links">
                <a href="/login">返回登录</a>
              </p>
            </>
          )}
        </section>
        <PasswordHelp zone={zone} onResetPage />
      </main>
    </Layout>
  );
}
