/** 申请入驻: the public application form (multipart, with files), and the applicant's own account. */
import type { ZoneConfig } from "../../../tenants/schema";
import { Layout } from "../../layout";
import { FormAlert, Input, type FormErrors } from "../../components/form";
import type { HeaderUser } from "../auth/labels";
import { raw } from "hono/html";
import { ApplicationFields, type ApplicationFieldValues, type KeptFile } from "./application-fields";
import { APPLY_UPLOAD_SCRIPT, KEPT_FILES_CSS } from "./apply-uploads";
import { ONBOARDING_CSS } from "./labels";

interface ApplyPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user?: HeaderUser | null;
  values?: ApplicationFieldValues;
  errors?: FormErrors | undefined;
  limitLabel: string;
  /** Binds the files kept on the server to this form (a hidden field); see worker/features/onboarding/draft-uploads. */
  draftToken: string;
  /** Files already kept for this form. */
  kept: KeptFile[];
}

export function ApplyPage({ zone, nonce, user, values, errors, limitLabel, draftToken, kept }: ApplyPageProps) {
  const v = values ?? { text: {}, qualifications: [] };
  const e = (k: string) => errors?.fields?.[k];
  return (
    <Layout title="申请入驻" zone={zone} nonce={nonce} user={user} css={ONBOARDING_CSS + KEPT_FILES_CSS}>
      <main id="main" class="wrap apply">
        <section class="card" aria-labelledby="apply-title">
          <h1 id="apply-title">申请入驻{zone.shortName.zh}</h1>
          <p>
            填写企业信息并上传营业执照,提交后园区工作人员会审核。提交时会为您创建登录账号,随时可登录查看审核进度;审核通过后即可使用园区的各项服务。
            已经提交过?请<a href="/login">登录</a>查看进度。
          </p>
          <FormAlert errors={errors} />
          <form
            class="stack"
            method="post"
            action="/apply"
            enctype="multipart/form-data"
            novalidate
            data-draft-upload="/apply/uploads"
          >
            <input type="hidden" name="draftToken" value={draftToken} />
            <ApplicationFields zone={zone} values={v} errors={errors} limitLabel={limitLabel} kept={kept} />
            <fieldset class="group">
              <legend>您的登录账号</legend>
              <p class="hint">用这个邮箱和密码登录查看审核进度;审核通过后,它就是企业的第一个账号。</p>
              <Input
                name="loginEmail"
                label="登录邮箱"
                type="email"
                value={v.text.loginEmail}
                error={e("loginEmail")}
                autocomplete="username"
                maxlength={254}
              />
              <div class="grid2">
                <Input
                  name="password"
                  label="设置密码"
                  type="password"
                  error={e("password")}
                  autocomplete="new-password"
                  maxlength={1024}
                  hint={
                    zone.security.dengbao
                      ? "至少 8 位,包含大写字母、小写字母、数字、符号中的至少三类"
                      : "至少 8 位,不要用常见密码"
                  }
                />
                <Input
                  name="confirmPassword"
                  label="再次输入密码"
                  type="password"
                  error={e("confirmPassword")}
                  autocomplete="new-password"
                  maxlength={1024}
                />
              </div>
            </fieldset>
            <button class="btn" type="submit">
              提交申请
            </button>
            <p id="apply-submit-status" class="upload-status" role="status" aria-live="polite"></p>
          </form>
        </section>
      </main>
      <script nonce={nonce}>{raw(APPLY_UPLOAD_SCRIPT)}</script>
    </Layout>
  );
}
