/** 平台运营登录 on the bare root domain: e-mail, password, 记住我. */
import { Layout } from "../../layout";
import { Checkbox, FormAlert, Input, type FormErrors } from "../../components/form";

export interface OperatorLoginPageProps {
  nonce: string | undefined;
  rememberDays: number;
  values?: { email?: string; remember?: boolean };
  errors?: FormErrors;
  notice?: string;
}

export function OperatorLoginPage({ nonce, rememberDays, values, errors, notice }: OperatorLoginPageProps) {
  return (
    <Layout title="平台运营登录" zone={null} nonce={nonce}>
      <main id="main" class="wrap narrow">
        <section class="card" aria-labelledby="login-title">
          <h1 id="login-title">平台运营登录</h1>
          <p>
            这里是园区通平台的运营后台,用于创建、暂停和配置各个园区。园区的企业、金融机构和工作人员请到本园区的网址登录。
          </p>
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
              记住我({rememberDays} 天内免登录,请勿在公用电脑上勾选)
            </Checkbox>
            <button class="btn" type="submit">
              登录
            </button>
          </form>
          <p class="links">
            <a href="/">返回园区列表</a>
          </p>
        </section>
      </main>
    </Layout>
  );
}
