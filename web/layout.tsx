/** The page shell: zh-CN, mobile viewport, the zone's branding, header, footer. */
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { ZoneConfig } from "../tenants/schema";
import { logoSrc, zoneLogo } from "../tenants/settings";
import { ROLE_LABEL, type HeaderUser } from "./pages/auth/labels";
import { HEAD_SCRIPT, SITE_SCRIPT } from "./site-script";
import { STYLES } from "./styles";

/** Platform colours, for pages that belong to no zone. */
export const PLATFORM_BRAND = { primary: "#1f4e79", accent: "#f0a202" };

export interface LayoutProps {
  title: string;
  zone: ZoneConfig | null;
  nonce: string | undefined;
  /** Which nav item is current, for aria-current. */
  current?: "home" | "policies" | "finance" | "publicity" | "login" | "account" | "admin" | "notices";
  /**
   * The signed-in user, for the header's account links; null or left out shows 登录.
   * Optional so pages that do not know the user still render.
   */
  user?: HeaderUser | null;
  /** "no-referrer" on pages whose URL carries a secret (a reset link's token). */
  referrer?: "no-referrer";
  /** Page-specific CSS, emitted under the same nonce (inline style attributes are blocked by CSP). */
  css?: string;
  children: Child;
}

export function Layout({ title, zone, nonce, current, css, user, referrer, children }: LayoutProps) {
  const brand = zone?.branding ?? PLATFORM_BRAND;
  const siteName = zone ? zone.name.zh : "园区通";
  const vars = `:root{--primary:${brand.primary};--accent:${brand.accent}}`;
  // The zone's logo (园区设置), on white so any logo reads on any header colour.
  const logo = zone ? zoneLogo(zone) : null;
  const logoCss = logo
    ? ".brand.has-logo{display:flex;align-items:center;gap:10px}" +
      ".brand img{height:44px;width:auto;max-width:132px;object-fit:contain;" +
      "background:#fff;border-radius:6px;padding:2px}"
    : "";
  // The doctype keeps browsers in standards mode: without it tables drop the page's font
  // and line height (quirks mode), which 大字版 and the table cards rely on.
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="zh-CN">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="theme-color" content={brand.primary} />
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
          {referrer && <meta name="referrer" content={referrer} />}
          <title>{title === siteName ? title : `${title} · ${siteName}`}</title>
          {/* raw: JSX would HTML-escape the quotes in font names, and <style> content is never
            decoded. Safe because the CSS is ours and zone colours are validated #rrggbb. */}
          <style nonce={nonce}>{raw(vars + STYLES + logoCss + (css ?? ""))}</style>
          {/* Before first paint: 大字版 as this browser last chose it, so the page never jumps. */}
          <script nonce={nonce}>{raw(HEAD_SCRIPT)}</script>
        </head>
        <body>
          <a class="skip" href="#main">
            跳到正文
          </a>
          <header class="site">
            <div class="wrap">
              {zone && logo ? (
                <a class="brand has-logo" href="/">
                  <img src={logoSrc(logo)} alt={zone.name.zh} height="44" />
                  <span>
                    <strong>{zone.name.zh}</strong>
                    <small>{zone.name.en}</small>
                  </span>
                </a>
              ) : (
                <a class="brand" href="/">
                  <strong>{zone ? zone.name.zh : "园区通"}</strong>
                  <small>{zone ? zone.name.en : "Yuanqu · services for high-tech zones"}</small>
                </a>
              )}
              {zone && (
                <nav class="main" aria-label="主导航">
                  <a href="/" aria-current={current === "home" ? "page" : undefined}>
                    首页
                  </a>
                  <a href="/policies" aria-current={current === "policies" ? "page" : undefined}>
                    政策纵览
                  </a>
                  <a href="/finance" aria-current={current === "finance" ? "page" : undefined}>
                    金融超市
                  </a>
                  <a href="/publicity" aria-current={current === "publicity" ? "page" : undefined}>
                    公示
                  </a>
                </nav>
              )}
              {zone && <AccountNav user={user ?? null} current={current} />}
              <button type="button" class="textsize" aria-pressed="false" data-textsize>
                大字版
              </button>
            </div>
          </header>
          {zone && user && <WorkNav user={user} />}
          {children}
          <footer class="site">
            <div class="wrap">
              {zone ? (
                <span>
                  {zone.contact.office} · {zone.region.province}
                  {zone.region.city} · 联系电话 {zone.contact.phone}
                </span>
              ) : (
                <span>园区通 · 一个平台服务多个高新区,每个园区独立的数据与政策配置</span>
              )}
            </div>
          </footer>
          <script nonce={nonce}>{raw(SITE_SCRIPT)}</script>
        </body>
      </html>
    </>
  );
}

/** Where each role works: a second header row, so the account links stay short on phones. */
function workLinks(user: HeaderUser): { href: string; label: string }[] {
  switch (user.role) {
    case "zone_admin":
    case "reviewer":
      return [
        { href: "/admin", label: "工作台" },
        { href: "/admin/statistics", label: "数据看板" },
        { href: "/admin/indicators", label: "指标与目标" },
        { href: "/admin/onboarding", label: "入驻审核" },
        { href: "/admin/enterprises", label: "企业名录" },
        { href: "/admin/qualifications", label: "资质审核" },
        { href: "/admin/subsidies", label: "政策兑现" },
        { href: "/admin/finance", label: "金融超市统计" },
        { href: "/admin/risk-pool", label: "风险补偿资金池" },
        { href: "/admin/reports", label: "年度报表" },
        ...(user.role === "zone_admin"
          ? [
              { href: "/admin/banks", label: "金融机构" },
              { href: "/admin/users", label: "用户管理" },
              { href: "/admin/policies", label: "政策版本" },
              { href: "/admin/settings", label: "园区设置" },
              { href: "/account/tokens", label: "API 令牌" },
            ]
          : []),
      ];
    case "enterprise":
      return user.enterpriseId
        ? [
            { href: "/enterprise", label: "我的企业" },
            { href: "/policies/match", label: "政策匹配" },
            { href: "/subsidies", label: "我的申报" },
            { href: "/finance/needs", label: "融资需求" },
            { href: "/finance/loans", label: "我的贷款" },
            { href: "/finance/consents", label: "数据授权" },
          ]
        : [{ href: "/apply/status", label: "入驻申请进度" }];
    case "bank":
      return [
        { href: "/bank", label: "我的机构" },
        { href: "/bank/products", label: "我的产品" },
        { href: "/bank/needs", label: "融资需求" },
        { href: "/bank/loans", label: "贷款申请" },
        { href: "/bank/risk-pool", label: "风险补偿" },
        { href: "/bank/interest-confirmations", label: "贴息确认" },
        { href: "/account/tokens", label: "API 令牌" },
      ];
  }
}

function WorkNav({ user }: { user: HeaderUser }) {
  return (
    <nav class="worknav" aria-label="工作台">
      <div class="wrap">
        {workLinks(user).map((l) => (
          <a href={l.href}>{l.label}</a>
        ))}
      </div>
    </nav>
  );
}

/** 消息 with the unread count (read with the session: no round trip of its own), for the header. */
function unreadLabel(n: number): string {
  return n > 0 ? `消息 (${n > 99 ? "99+" : n})` : "消息";
}

/** 登录, or who is signed in with their account links and a 退出 button (a POST: signing out changes state). */
function AccountNav({ user, current }: { user: HeaderUser | null; current: LayoutProps["current"] }) {
  const here = (item: LayoutProps["current"]) => (current === item ? "page" : undefined);
  if (!user) {
    return (
      <nav class="account" aria-label="账号">
        <a href="/login" aria-current={here("login")}>
          登录
        </a>
      </nav>
    );
  }
  return (
    <nav class="account" aria-label="账号">
      <span class="who">
        {user.name}
        <small>{ROLE_LABEL[user.role]}</small>
      </span>
      <a href="/notices" aria-current={here("notices")}>
        {unreadLabel(user.unreadNotices ?? 0)}
      </a>
      <a href="/account/password" aria-current={here("account")}>
        修改密码
      </a>
      <form method="post" action="/logout">
        <button type="submit">退出</button>
      </form>
    </nav>
  );
}
