/**
 * The platform's own page on the bare root domain: every active zone, linked to its subdomain,
 * and the way into the operator console.
 */
import type { ZoneConfig } from "../../tenants/schema";
import { Layout } from "../layout";

export interface PlatformHomeProps {
  zones: readonly ZoneConfig[];
  /** Builds a zone's URL from the request's scheme, root domain and port. */
  zoneUrl: (slug: string) => string;
  nonce: string | undefined;
}

export function PlatformHomePage({ zones, zoneUrl, nonce }: PlatformHomeProps) {
  return (
    <Layout
      title="园区列表"
      zone={null}
      nonce={nonce}
      css={zones.map((z) => `.zone-${z.slug}{--zc:${z.branding.primary}}`).join("")}
    >
      <main id="main" class="wrap">
        <h1>入驻园区</h1>
        <p>每个园区在自己的子域名上提供服务,数据各自独立。</p>
        <ul class="zones">
          {zones.map((z) => (
            <li class={`zone zone-${z.slug}`}>
              <h2>
                <a href={zoneUrl(z.slug)}>{z.name.zh}</a>
              </h2>
              <p class="meta">
                {z.region.province} · {z.region.city}
              </p>
              <p class="meta">
                {z.documents.length} 份政策文件 · 重点产业 {z.priorityIndustries.map((i) => i.zh).join("、")}
              </p>
            </li>
          ))}
        </ul>
        {/* The same for everyone (the page stays cacheable): /console sends a visitor without a session to 登录. */}
        <p class="links">
          <a href="/console">平台运营后台</a>
        </p>
      </main>
    </Layout>
  );
}
