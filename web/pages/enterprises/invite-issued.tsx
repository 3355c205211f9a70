/** The colleague invitation link, shown this once (the response is no-store); it was also mailed. */
import type { ZoneConfig } from "../../../tenants/schema";
import { Layout } from "../../layout";
import { formatTimeZh, type HeaderUser } from "../auth/labels";

export function InviteIssuedPage({
  zone,
  nonce,
  user,
  email,
  url,
  expiresAt,
}: {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  email: string;
  url: string;
  expiresAt: Date;
}) {
  return (
    <Layout title="邀请已发送" zone={zone} nonce={nonce} user={user} referrer="no-referrer">
      <main id="main" class="wrap narrow">
        <section class="card" aria-labelledby="invite-title">
          <h1 id="invite-title">邀请已发送</h1>
          <p>
            邀请链接已发到 <strong>{email}</strong>。如果对方没收到,也可以把下面的链接直接告诉对方:
          </p>
          <code class="secret-link" id="invite-link">
            {url}
          </code>
          <div class="alert info" role="note">
            <p>
              链接<strong>只显示这一次</strong>,在{" "}
              <time datetime={expiresAt.toISOString()}>{formatTimeZh(expiresAt)}</time>
              (北京时间)前有效,只能使用一次。再次邀请同一邮箱会使这个链接失效。
            </p>
          </div>
          <a class="btn secondary" href="/enterprise">
            返回企业资料
          </a>
        </section>
      </main>
    </Layout>
  );
}
