/**
 * 重置密码 from a one-time link: the token rides in a hidden field, never in a
 * link on this page. The page is served with Referrer-Policy: no-referrer.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { Layout } from "../../layout";
import { FormAlert, Input, type FormErrors } from "../../components/form";
import { PasswordHelp } from "./password-help";

export type ResetPasswordState =
  | { kind: "form"; token: string; errors?: FormErrors }
  /** The link is malformed, used, expired or replaced by a newer one. */
  | { kind: "invalid"; message: string }
  | { kind: "done" };

/** A new account's first link (`&first=1`): the words say 设置密码; nothing else differs. */
export type ResetWording = "reset" | "first";

export interface ResetPasswordPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  state: ResetPasswordState;
  wording?: ResetWording;
}

const NEW_PASSWORD_HINT = "至少 8 个字符;可以用中文、空格和符号。不要用常见密码或包含邮箱的密码。";

export function ResetPasswordPage({ zone, nonce, state, wording = "reset" }: ResetPasswordPageProps) {
  const first = wording === "first";
  const title = state.kind === "done" ? (first ? "密码已设置" : "新密码已设置") : first ? "设置密码" : "重置密码";
  return (
    <Layout title={title} zone={zone} nonce={nonce} referrer="no-referrer">
      <main id="main" class="wrap narrow">
        <section class="card" aria-labelledby="reset-title">
          <h1 id="reset-title">{title}</h1>
          {state.kind === "done" && (
            <>
              <div class="alert ok" role="status">
                {first ? "密码已设置。请用它登录。" : "新密码已设置,所有设备上的登录都已退出。请用新密码登录。"}
              </div>
              <a class="btn" href="/login">
                去登录
              </a>
            </>
          )}
          {state.kind === "invalid" && (
            <>
              <div class="alert error" role="alert">
                {state.message}
              </div>
              <p class="links">
                <a href="/forgot-password">重新申请重置链接</a>
                <a href="/login">返回登录</a>
              </p>
            </>
          )}
          {state.kind === "form" && (
            <>
              {first && <p>欢迎使用园区通。请为你的账号设置密码,之后用邮箱和这个密码登录。</p>}
              <FormAlert errors={state.errors} />
              <form
                class="stack"
                method="post"
                action={first ? "/reset-password?first=1" : "/reset-password"}
                novalidate
              >
                <input type="hidden" name="token" value={state.token} />
                <Input
                  name="password"
                  label="新密码"
                  type="password"
                  autocomplete="new-password"
                  hint={
                    zone.security.dengbao
                      ? `${NEW_PASSWORD_HINT}本园区还要求包含大写字母、小写字母、数字、符号中的至少三类。`
                      : NEW_PASSWORD_HINT
                  }
                  error={state.errors?.fields?.password}
                  autofocus
                  autocapitalize="none"
                />
                <Input
                  name="confirm"
                  label="再次输入新密码"
                  type="password"
                  autocomplete="new-password"
                  error={state.errors?.fields?.confirm}
                  autocapitalize="none"
                />
                <button class="btn" type="submit">
                  设置新密码
                </button>
              </form>
            </>
          )}
        </section>
        {state.kind !== "done" && <PasswordHelp zone={zone} />}
      </main>
    </Layout>
  );
}
