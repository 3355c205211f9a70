/** One policy document with every clause; each clause has an anchor (#c-14) for citations. */
import type { ZoneConfig } from "../../tenants/schema";
import { formatDateZh, LEVEL_LABEL } from "../format";
import { Layout, type LayoutProps } from "../layout";
import type { DocumentView } from "./policy/document-view";

export interface PolicyDocumentProps {
  zone: ZoneConfig;
  document: DocumentView;
  nonce: string | undefined;
  user?: LayoutProps["user"];
}

export function PolicyDocumentPage({ zone, document: d, nonce, user }: PolicyDocumentProps) {
  let lastSection: string | null = null;
  return (
    <Layout title={d.title} zone={zone} nonce={nonce} current="policies" user={user}>
      <main id="main" class="wrap">
        <p class="crumbs">
          <a href="/">首页</a> › <a href="/#policies">政策纵览</a> › 政策文件
        </p>
        <article class="policy">
          <h1>{d.title}</h1>
          <dl class="facts">
            <dt>文号</dt>
            <dd>{d.docNumber ?? "(原文未载)"}</dd>
            <dt>发文机关</dt>
            <dd>{d.issuer}</dd>
            <dt>发文日期</dt>
            <dd>
              <time datetime={d.issuedOn}>{formatDateZh(d.issuedOn)}</time>
            </dd>
            <dt>有效期</dt>
            <dd>
              {d.validity.label}
              {d.validity.source && (
                <small>
                  <br />
                  原文:“{d.validity.source}”
                </small>
              )}
              {d.validity.extension && (
                <small>
                  <br />
                  延期依据:{d.validity.extension.by}
                </small>
              )}
              {d.validity.status === "expired" && (
                <small>
                  <br />
                  本文件的扶持项目已不再受理新的申报。
                </small>
              )}
            </dd>
            <dt>层级</dt>
            <dd>{LEVEL_LABEL[d.level]}</dd>
            <dt>条款</dt>
            <dd>共 {d.clauses.length} 条</dd>
          </dl>
          <p>{d.summary}</p>
          {d.clauses.map((c) => {
            const heading = c.section !== lastSection && c.section ? <h2>{c.section}</h2> : null;
            lastSection = c.section;
            return (
              <>
                {heading}
                <p class="clause" id={`c-${c.id}`}>
                  <a class="no" href={`#c-${c.id}`} aria-label={`第 ${c.id} 条`}>
                    {c.label}
                  </a>
                  {c.text}
                </p>
              </>
            );
          })}
        </article>
      </main>
    </Layout>
  );
}
