/**
 * The sign-in form, the same for a zone's people (pages/auth/login.tsx) and the platform's
 * operators (pages/operator/login.tsx): the notice after signing out, the errors, e-mail,
 * password and 记住我 with its number of days. Posts to /login on the host it is served from.
 */
import { Checkbox, FormAlert, Input, type FormErrors } from "./form";

export interface SignInFormProps {
  /** What was typed last time (never the password). */
  values?: { email?: string; remember?: boolean };
  errors?: FormErrors;
  /** A note for a visitor sent here, e.g. after signing out. */
  notice?: string;
  rememberDays: number;
}

export function SignInForm({ values, errors, notice, rememberDays }: SignInFormProps) {
  return (
    <>
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
    </>
  );
}
