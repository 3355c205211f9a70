/** The first zone admin's set-password link, shown this once (no-store, no referrer). */
import { formatTimeZh } from "../auth/labels";
import { ConsoleShell, type OperatorHeader } from "./shell";

export interface AdminLinkIssuedPageProps {
  nonce: string | undefined;
  operator: OperatorHeader;
  zone: { slug: string; nameZh: string };
  admin: { name: string; email: string; created: boolean };
  link: string;
  expiresAt: Date;
}

export function AdminLinkIssuedPage({ nonce, operator, zone, admin, link, expiresAt }: AdminLinkIssuedPageProps) {
  return (
    <ConsoleShell title="管理员链接已发放" nonce={nonce} operator={operator} current="zones" referrer="no-referrer">
      <main id="main" class="wrap narrow">
        <section class="card" aria-labelledby="issued-title">
          <h1 id="issued-title">管理员链接已发放</h1>
          {admin.created ? (
            <p>
              已为 <strong>{admin.name}</strong>({admin.email})创建{zone.nameZh}的园区管理员账号。
              {"请把下面的链接交给本人,用它设置密码后即可登录。"}
            </p>
          ) : (
            <p>
              {admin.email} 已是{zone.nameZh}的园区管理员,没有新建账号,已为其生成新的设置密码链接。
              {"请把链接交给本人,设置新密码后即可登录;原来的密码从那时起不再有效。"}
            </p>
          )}
          <code class="secret-link" id="admin-link">
            {link}
          </code>
          <p class="console-actions">
            <button type="button" class="btn" data-copy="#admin-link" data-copied="已复制">
              复制链接
            </button>
          </p>
          <div class="alert info" role="note">
            <p>
              链接<strong>只显示这一次</strong>,在{" "}
              <time datetime={expiresAt.toISOString()}>{formatTimeZh(expiresAt)}</time>
              (北京时间)前有效,只能使用一次;再次发放会使它失效。请当面、电话或短信交给本人,不要发到群里。
            </p>
          </div>
          <a class="btn secondary" href={`/console/zones/${zone.slug}`}>
            返回{zone.nameZh}
          </a>
        </section>
      </main>
    </ConsoleShell>
  );
}
