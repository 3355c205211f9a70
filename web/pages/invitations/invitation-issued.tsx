/**
 * An invitation link just issued, shown this once (the response is no-store).
 * Shared by every inviter: the zone admin inviting bank staff, a member
 * inviting a colleague.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { Layout, type LayoutProps } from "../../layout";
import { formatTimeZh, type HeaderUser } from "../auth/labels";

export interface InvitationIssuedPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  /** Who was invited, and into which organisation (zone staff: the zone, with their role). */
  email: string;
  organisation: string;
  /** The role a staff member is invited as ("审核员"); absent for an organisation's invitation. */
  roleWord?: string;
  url: string;
  expiresAt: Date;
  back: { href: string; label: string };
  current?: LayoutProps["current"];
}

export function InvitationIssuedPage({
  zone,
  nonce,
  user,
  email,
  organisation,
  roleWord,
  url,
  expiresAt,
  back,
  current,
}: InvitationIssuedPageProps) {
  return (
    <Layout title="邀请已发出" zone={zone} nonce={nonce} user={user} current={current} referrer="no-referrer">
      <main id="main" class="wrap narrow">
        <section class="card" aria-labelledby="issued-title">
          <h1 id="issued-title">邀请已发出</h1>
          <p>
            邀请 <strong>{email}</strong> {roleWord ? `以${roleWord}的身份` : ""}加入「{organisation}
            」的链接如下。同一链接也已发送到该邮箱。
          </p>
          <code class="secret-link" id="invitation-link">
            {url}
          </code>
          <div class="alert info" role="note">
            <p>如果对方没有收到邮件,可以复制这个链接(点一下会全选),通过电话、短信或当面交给对方本人,不要发到群里。</p>
            <p>
              链接<strong>只显示这一次</strong>,在{" "}
              <time datetime={expiresAt.toISOString()}>{formatTimeZh(expiresAt)}</time>
              (北京时间)前有效,只能使用一次。再次邀请同一邮箱会使这个链接失效。
            </p>
          </div>
          <a class="btn secondary" href={back.href}>
            {back.label}
          </a>
        </section>
      </main>
    </Layout>
  );
}
