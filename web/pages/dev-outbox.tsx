/**
 * Development only (DEV_TOOLS=1): the zone's outbox as a page, so a developer
 * can read the messages no provider delivers locally and follow their links
 * (a password reset link). Bodies are text: every character is escaped by JSX,
 * and only http(s) URLs become links.
 */
import type { ZoneConfig } from "../../tenants/schema";
import { Layout } from "../layout";

/** One outbox message as this page shows it (the outbox feature's rows fit this shape). */
export interface OutboxMessage {
  id: number;
  channel: "email" | "sms";
  recipient: string;
  subject: string;
  body: string;
  kind: string;
  status: "pending" | "sent" | "failed";
  attempts: number;
  /** ms since epoch (UTC). */
  createdAt: number;
  /** When a delivery run claimed it, while it is pending and being sent. */
  claimedAt: number | null;
  lastError: string | null;
}

export interface DevOutboxProps {
  zone: ZoneConfig;
  messages: OutboxMessage[];
  nonce: string | undefined;
}

const CSS = `
.dev-note{background:#fff7e0;border:1px solid #f0d48a;border-radius:6px;padding:8px 12px;font-size:.9rem}
.outbox{list-style:none;margin:16px 0 0;padding:0;display:grid;gap:12px}
.msg{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:14px 16px}
.msg h2{margin:0 0 4px;font-size:1.05rem}
.msg pre{white-space:pre-wrap;word-break:break-word;font:inherit;
margin:8px 0 0;padding:8px 10px;background:var(--bg);border-radius:6px}
.msg .err{color:#a61b1b;font-size:.88rem;margin:6px 0 0}
`;

// Scheme-anchored, so `javascript:` and other schemes stay text. A URL stops at
// whitespace, quotes, angle brackets and CJK punctuation, which in Chinese text
// often follows a link with no space.
const URL_PATTERN = /https?:\/\/[^\s<>"'，。；、）】]+/g;
const TRAILING = /[.,;:!?)\]]+$/;

/** Body text split into text and http(s) links; JSX escapes both. */
export function linkify(body: string) {
  const parts: (string | { href: string })[] = [];
  let last = 0;
  for (const m of body.matchAll(URL_PATTERN)) {
    const href = m[0].replace(TRAILING, "");
    parts.push(body.slice(last, m.index), { href });
    last = m.index + href.length;
  }
  parts.push(body.slice(last));
  return parts.filter((p) => p !== "").map((p) => (typeof p === "string" ? p : <a href={p.href}>{p.href}</a>));
}

export function DevOutboxPage({ zone, messages, nonce }: DevOutboxProps) {
  return (
    <Layout title="发件箱(开发)" zone={zone} nonce={nonce} css={CSS}>
      <main id="main" class="wrap">
        <h1>发件箱</h1>
        <p class="dev-note">
          开发工具:本园区最近 {messages.length} 条待发和已发消息。只在 DEV_TOOLS=1 时提供,生产环境没有这个页面。
        </p>
        {messages.length === 0 ? (
          <p>还没有消息。</p>
        ) : (
          <ol class="outbox">
            {messages.map((m) => (
              <li class="msg" id={`m-${m.id}`}>
                <h2>{m.subject}</h2>
                <p class="meta">
                  <span>#{m.id}</span>
                  <span>
                    {m.channel === "email" ? "邮件" : "短信"} → {m.recipient}
                  </span>
                  <span>{m.kind}</span>
                  <span>{statusLabel(m)}</span>
                  <time datetime={new Date(m.createdAt).toISOString()}>{new Date(m.createdAt).toISOString()}</time>
                </p>
                <pre>{linkify(m.body)}</pre>
                {m.lastError && <p class="err">上次错误:{m.lastError}</p>}
              </li>
            ))}
          </ol>
        )}
      </main>
    </Layout>
  );
}

function statusLabel(m: OutboxMessage): string {
  if (m.status === "sent") return `已发送(第 ${m.attempts} 次)`;
  if (m.status === "failed") return `发送失败(${m.attempts} 次)`;
  if (m.claimedAt !== null) return "发送中";
  return m.attempts > 0 ? `待重试(已试 ${m.attempts} 次)` : "待发送";
}
