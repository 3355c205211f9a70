/** 平台运营登录 on the bare root domain: e-mail, password, 记住我. */
import { Layout } from "../../layout";
import type { FormErrors } from "../../components/form";
import { SignInForm } from "../../components/sign-in-form";

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
          <SignInForm values={values} errors={errors} notice={notice} rememberDays={rememberDays} />
          <p class="links">
            <a href="/">返回园区列表</a>
          </p>
        </section>
      </main>
    </Layout>
  );
}
