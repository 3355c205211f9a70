/**
 * 消息中心: the signed-in user's notices, newest first, unread ones marked; each opens its page
 * (marking it read on the way) or is marked read where it stands; all at once with 全部标为已读.
 * Opening and marking are POSTs (they change state); the page keeps the user's place (?after=).
 * Views only: the caller hands in the rows.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { Layout } from "../../layout";
import { formatTimeZh, type HeaderUser } from "../auth/labels";
import { Pager, type ListPage } from "../../components/pager";

export interface NoticeView {
  id: number;
  kindLabel: string;
  title: string;
  body: string;
  createdAt: number;
  read: boolean;
}

const NOTICES_CSS = `
ol.notices{list-style:none;margin:0 0 16px;padding:0;display:grid;gap:10px}
ol.notices li{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:12px 14px;
  display:grid;gap:6px;overflow-wrap:anywhere}
ol.notices li.unread{border-left:4px solid var(--accent)}
ol.notices h2{font-size:1rem;margin:0;display:flex;flex-wrap:wrap;gap:4px 8px;align-items:baseline}
ol.notices p{margin:0}
ol.notices .tag.new{background:color-mix(in srgb,var(--accent) 22%,#fff);font-weight:600}
.notices-head{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;justify-content:space-between}
.notices-head form{margin:0}
`;

export function NoticesPage({
  zone,
  nonce,
  user,
  notices,
  unread,
  page,
  back,
  flash,
  staff,
}: {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  notices: NoticeView[];
  unread: number;
  page: ListPage;
  /** This page's own path and query, where marking read comes back to. */
  back: string;
  flash?: string | undefined;
  /** Staff choose how notices reach them (/account/notices). */
  staff: boolean;
}) {
  return (
    <Layout title="消息中心" zone={zone} nonce={nonce} user={user} current="notices" css={NOTICES_CSS}>
      <main id="main" class="wrap">
        <div class="notices-head">
          <h1>消息中心</h1>
          {unread > 0 && (
            <form method="post" action="/notices">
              <input type="hidden" name="back" value={back} />
              <button type="submit" class="btn secondary">
                全部标为已读
              </button>
            </form>
          )}
        </div>
        {flash && (
          <div class="alert ok" role="status">
            {flash}
          </div>
        )}
        <p class="meta">
          {unread > 0 ? `有 ${unread} 条未读消息。` : "没有未读消息。"}
          {staff && (
            <>
              {" "}
              <a href="/account/notices">设置消息提醒方式</a>
            </>
          )}
        </p>
        {notices.length === 0 ? (
          <p>还没有消息。与你有关的申报、异议和贷款办理有了变化,会在这里告诉你。</p>
        ) : (
          <ol class="notices">
            {notices.map((n) => (
              <li class={n.read ? undefined : "unread"}>
                <h2>
                  {!n.read && <span class="tag new">未读</span>}
                  <span class="tag">{n.kindLabel}</span>
                  <span>{n.title}</span>
                </h2>
                <p>{n.body}</p>
                <p class="meta">{formatTimeZh(new Date(n.createdAt))}</p>
                <div class="row-actions">
                  <form method="post" action={`/notices/${n.id}/read`}>
                    <input type="hidden" name="open" value="1" />
                    <button type="submit" class="btn" aria-label={`查看:${n.title}`}>
                      查看
                    </button>
                  </form>
                  {!n.read && (
                    <form method="post" action={`/notices/${n.id}/read`}>
                      <input type="hidden" name="back" value={back} />
                      <button type="submit" class="btn secondary" aria-label={`标为已读:${n.title}`}>
                        标为已读
                      </button>
                    </form>
                  )}
                </div>
              </li>
            ))}
          </ol>
        )}
        <Pager page={page} />
      </main>
    </Layout>
  );
}
