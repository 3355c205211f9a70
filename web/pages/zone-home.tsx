/** A zone's home page: who it is, its priority industries, and its policy documents (政策纵览). */
import { PasswordHelp } from "./auth/password-help";
import type { ZoneConfig } from "../../tenants/schema";
import { formatDateZh, LEVEL_LABEL } from "../format";
import { Layout } from "../layout";
import type { HeaderUser } from "./auth/labels";
import type { DocumentSummaryView } from "./policy/document-view";

export interface ZoneHomeProps {
  zone: ZoneConfig;
  documents: DocumentSummaryView[];
  nonce: string | undefined;
  /** The signed-in user, when the route passes it; without it the header offers 登录. */
  user?: HeaderUser | null;
}

export function ZoneHomePage({ zone, documents, nonce, user }: ZoneHomeProps) {
  return (
    <Layout title={zone.name.zh} zone={zone} nonce={nonce} current="home" user={user}>
      <div class="band">
        <div class="wrap">
          <section class="hero" aria-labelledby="zone-name">
            <h1 id="zone-name">{zone.name.zh}</h1>
            <p>
              {zone.region.province} · {zone.region.city} · {zone.name.en}
            </p>
            <ul class="chips" aria-label="重点产业">
              {zone.priorityIndustries.map((i) => (
                <li title={i.en}>{i.zh}</li>
              ))}
            </ul>
            {!user && (
              <p class="hero-actions">
                <a class="btn" href="/login">
                  企业登录
                </a>{" "}
                <a class="btn secondary" href="/apply">
                  申请入驻
                </a>
              </p>
            )}
          </section>
        </div>
      </div>
      <main id="main" class="wrap">
        <h2 class="section" id="policies">
          政策纵览
        </h2>
        <p>
          <a href="/policies">按扶持项目查看现行政策,用政策计算器估算补贴 →</a>
        </p>
        <p>
          <a href="/publicity">政策兑现公示:拟扶持企业名单与异议渠道 →</a>
        </p>
        <p>
          <a href="/finance">金融超市:银行贷款产品、发布融资需求、在线申请 →</a>
        </p>
        {documents.length === 0 ? (
          <p>本园区还没有发布政策文件。</p>
        ) : (
          <ul class="docs">
            {documents.map((d) => (
              <li class="doc">
                <h3>
                  <span class="badge">{LEVEL_LABEL[d.level]}</span>{" "}
                  <a href={`/policies/documents/${d.id}`}>{d.title}</a>
                </h3>
                <div class="meta">
                  {d.docNumber ? <span>{d.docNumber}</span> : null}
                  <span>{d.issuer}</span>
                  <time datetime={d.issuedOn}>{formatDateZh(d.issuedOn)}</time>
                  <span>共 {d.clauseCount} 条</span>
                  <span>{d.validity.label}</span>
                </div>
                <p>{d.summary}</p>
              </li>
            ))}
          </ul>
        )}
        <PasswordHelp zone={zone} />
      </main>
    </Layout>
  );
}
