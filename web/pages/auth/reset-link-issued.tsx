/**
 * The reset link a zone admin issued, shown this once (the response is no-store), with a
 * copy button and, where the user has a mobile on record, a button that sends the same
 * link to it by SMS. After a failed SMS (the link was spent or replaced) no link is shown.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { Layout } from "../../layout";
import { formatTimeZh, type HeaderUser } from "./labels";

export interface ResetLinkIssuedPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  userId: string;
  /** mobile: masked (138****5678), or null where the user has none. */
  target: { name: string; email: string; mobile: string | null };
  url: string | null;
  expiresAt: Date | null;
  notice?: { kind: "ok" | "error"; message: string };
}

export function ResetLinkIssuedPage({
  zone,
  nonce,
  user,
  userId,
  target,
  url,
  expiresAt,
  notice,
}: ResetLinkIssuedPageProps) {
  const token = url ? (new URL(url).searchParams.get("token") ?? "") : "";
  return (
    <Layout
      title="重置链接已发放"
      zone={zone}
      nonce={nonce}
      user={user}
      current="admin"
      referrer="no-referrer"
      css={CSS}
    >
      <main id="main" class="wrap narrow">
        <section class="card" aria-labelledby="issued-title">
          <h1 id="issued-title">重置链接已发放</h1>
          {notice && (
            <div class={`alert ${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"}>
              {notice.message}
            </div>
          )}
          {url && expiresAt && (
            <>
              <p>
                给 <strong>{target.name}</strong>({target.email})的重置密码链接如下。同一链接也已发送到该邮箱。
              </p>
              <code class="secret-link" id="reset-link">
                {url}
              </code>
              <div class="issued-actions">
                <button type="button" class="btn" data-copy="#reset-link" data-copied="已复制">
                  复制链接
                </button>
                {target.mobile ? (
                  <form method="post" action={`/admin/users/${userId}/reset-link/sms`}>
                    <input type="hidden" name="token" value={token} />
                    <button type="submit" class="btn secondary">
                      发送到手机 {target.mobile}
                    </button>
                  </form>
                ) : (
                  <p class="hint">该用户没有登记手机号,不能用短信发送。</p>
                )}
              </div>
              <div class="alert info" role="note">
                <p>请复制这个链接,通过电话、短信或当面告诉用户本人,不要发到群里。</p>
                <p>
                  链接<strong>只显示这一次</strong>,离开本页后无法再查看;在{" "}
                  <time datetime={expiresAt.toISOString()}>{formatTimeZh(expiresAt)}</time>
                  (北京时间)前有效,只能使用一次。用户设置新密码后需要重新登录。再次发放会使这个链接失效。
                </p>
              </div>
            </>
          )}
          <a class="btn secondary" href="/admin/users">
            返回用户管理
          </a>
        </section>
      </main>
    </Layout>
  );
}

const CSS =
  ".issued-actions{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:0 0 14px}" +
  ".issued-actions form{margin:0}.issued-actions .hint{margin:0;color:var(--muted)}";
