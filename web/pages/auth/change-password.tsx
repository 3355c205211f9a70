/** 修改密码 for the signed-in user; says why when the zone's 等保 rotation sent them here. */
import type { ZoneConfig } from "../../../tenants/schema";
import { Layout } from "../../layout";
import { FormAlert, Input, type FormErrors } from "../../components/form";
import type { HeaderUser } from "./labels";

export interface ChangePasswordPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  errors?: FormErrors;
  /** The password is older than the rotation period the zone's 等保 setting requires. */
  expired: boolean;
  rotationDays: number;
  /** Shown once after a change went through. */
  changed?: boolean;
}

export function ChangePasswordPage({
  zone,
  nonce,
  user,
  errors,
  expired,
  rotationDays,
  changed,
}: ChangePasswordPageProps) {
  return (
    <Layout title="修改密码" zone={zone} nonce={nonce} user={user} current="account">
      <main id="main" class="wrap narrow">
        <section class="card" aria-labelledby="change-title">
          <h1 id="change-title">修改密码</h1>
          {changed && !errors && (
            <div class="alert ok" role="status">
              密码已修改。其他设备上的登录已全部退出,本设备保持登录。
            </div>
          )}
          {expired && !changed && (
            <div class="alert info" role="status">
              按照本园区的等级保护(等保 2.0)要求,密码每 {rotationDays} 天需要更换一次。您的密码已超过 {rotationDays}{" "}
              天未更换,请先设置新密码。
            </div>
          )}
          <FormAlert errors={errors} />
          <form class="stack" method="post" action="/account/password" novalidate>
            <Input
              name="currentPassword"
              label="当前密码"
              type="password"
              autocomplete="current-password"
              error={errors?.fields?.currentPassword}
              autofocus
              autocapitalize="none"
            />
            <Input
              name="newPassword"
              label="新密码"
              type="password"
              autocomplete="new-password"
              hint={
                zone.security.dengbao
                  ? "至少 8 个字符,包含大写字母、小写字母、数字、符号中的至少三类;不能与当前密码相同。"
                  : "至少 8 个字符;不要用常见密码或包含邮箱的密码,不能与当前密码相同。"
              }
              error={errors?.fields?.newPassword}
              autocapitalize="none"
            />
            <Input
              name="confirmPassword"
              label="再次输入新密码"
              type="password"
              autocomplete="new-password"
              error={errors?.fields?.confirmPassword}
              autocapitalize="none"
            />
            <button class="btn" type="submit">
              修改密码
            </button>
          </form>
        </section>
      </main>
    </Layout>
  );
}
