/** The reset link a zone admin issued, shown this once (the response is no-store). */
import type { ZoneConfig } from "../../../tenants/schema";
import { Layout } from "../../layout";
import { formatTimeZh, type HeaderUser } from "./labels";

export interface ResetLinkIssuedPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  target: { name: string; email: string };
  url: string;
  expiresAt: Date;
}

export function ResetLinkIssuedPage({ zone, nonce, user, target, url, expiresAt }: ResetLinkIssuedPageProps) {
  return (
    <Layout title="重置链接已发放" zone={zone} nonce={nonce} user={user} current="admin" referrer="no-referrer">
      <main id="main" class="wrap narrow">
        <section class="card" aria-labelledby="issued-title">
          <h1 id="issued-title">重置链接已发放</h1>
          <p>
            给 <strong>{target.name}</strong>({target.email})的重置密码链接如下。同一链接也已发送到该邮箱。
          </p>
          <code class="secret-link" id="reset-link">{url}</code>
          <div class="alert info" role="note">
            <p>
              请现在复制这个链接(点一下链接会全选,再按 Ctrl+C 或长按复制),通过电话、短信或当面告诉用户本人,不要发到群里。
            </p>
            <p>
              链接<strong>只显示这一次</strong>,离开本页后无法再查看;在 <time datetime={expiresAt.toISOString()}>{formatTimeZh(expiresAt)}</time>(北京时间)前有效,只能使用一次。用户设置新密码后需要重新登录。再次发放会使这个链接失效。
            </p>
          </div>
          <a class="btn secondary" href="/admin/users">返回用户管理</a>
        </section>
      </main>
    </Layout>
  );
}
