/**
 * The operator console's frame on the bare root domain: the platform's layout with a second
 * header row of console links (the zones' work navigation has the same look) and 退出.
 */
import type { Child } from "hono/jsx";
import { Layout } from "../../layout";

export interface OperatorHeader {
  name: string;
  email: string;
}

export type ConsoleSection = "zones" | "new-zone" | "audit";

const LINKS: { section: ConsoleSection; href: string; label: string }[] = [
  { section: "zones", href: "/console", label: "园区列表" },
  { section: "new-zone", href: "/console/new-zone", label: "创建园区" },
  { section: "audit", href: "/console/audit", label: "平台审计" },
];

const CSS =
  ".worknav .wrap{align-items:center}.worknav form{margin:0 0 0 auto}.worknav .who{color:#fff;font-size:.92rem}" +
  ".worknav button{min-height:44px;min-width:44px;font:inherit;font-size:.92rem;color:#fff;background:transparent;" +
  "border:1px solid rgba(255,255,255,.7);border-radius:6px;padding:0 14px;cursor:pointer}" +
  ".console-actions{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:0 0 16px}" +
  ".console-actions form{margin:0}dl.facts dd small{color:var(--muted)}" +
  // A zone's hostnames: no bullets or indent (the 移除 button lines them up); a long punycode
  // name breaks anywhere rather than widening the page at 390 px.
  "ul.hostnames{list-style:none;padding:0}ul.hostnames span{overflow-wrap:anywhere}" +
  "ul.hostnames small{display:block;color:var(--muted)}" +
  ".filters{display:grid;gap:10px;grid-template-columns:1fr;align-items:end;margin:0 0 14px}" +
  "@media(min-width:760px){.filters{grid-template-columns:2fr 1fr auto auto}}" +
  ".status-provisioning{background:#b54708}.status-suspended{background:#b42318}.status-active{background:#067647}";

export function ConsoleShell({
  title,
  nonce,
  operator,
  current,
  css,
  referrer,
  children,
}: {
  title: string;
  nonce: string | undefined;
  operator: OperatorHeader;
  current?: ConsoleSection;
  css?: string;
  referrer?: "no-referrer";
  children: Child;
}) {
  return (
    <Layout title={title} zone={null} nonce={nonce} css={CSS + (css ?? "")} referrer={referrer}>
      <nav class="worknav" aria-label="运营后台">
        <div class="wrap">
          {LINKS.map((l) => (
            <a href={l.href} aria-current={l.section === current ? "page" : undefined}>
              {l.label}
            </a>
          ))}
          <span class="who">{operator.name}(平台运营)</span>
          <form method="post" action="/logout">
            <button type="submit">退出</button>
          </form>
        </div>
      </nav>
      {children}
    </Layout>
  );
}
