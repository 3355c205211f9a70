/**
 * 政策纵览: the programmes of the policy version in force — what each awards,
 * for whom, and which clause of which document says so — searchable and
 * filtered by category, grouped by category, with the documents themselves.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type { ProgrammeView } from "../../../worker/engines/policy/describe";
import type { HeaderUser } from "../auth/labels";
import { Layout } from "../../layout";
import { POLICY_CSS, VersionNote, type VersionLine } from "./shared";

export interface PolicyOverviewProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user?: HeaderUser | null | undefined;
  /** null: the zone has published no policy version yet. */
  version: VersionLine | null;
  programmes: ProgrammeView[];
  /** Programmes in the version, before the search. */
  total: number;
  query: { q: string; category: string };
  /** Categories that have programmes, in the format's order. */
  categories: { code: string; name: string; count: number }[];
  /** Each with its validity as a sentence: "有效期至2023年12月31日(已到期)" or "文件未规定有效期". */
  documents: { id: string; title: string; docNumber: string | null; validity?: string | undefined }[];
  /** Validity per document id: a programme of an expired document is marked 已到期. */
  validity?: Record<string, { status: string; label: string }> | undefined;
  /** Staff see a link to the enterprises matching each programme. */
  staff: boolean;
}

function Card({
  p,
  staff,
  validity,
}: {
  p: ProgrammeView;
  staff: boolean;
  validity: { status: string; label: string } | undefined;
}) {
  const closed = validity?.status === "expired" ? "已到期" : validity?.status === "not_yet" ? "尚未施行" : null;
  return (
    <li class="prog">
      <h4>
        {closed && (
          <>
            <span class="badge expired">{closed}</span>{" "}
          </>
        )}
        <a href={`/policies/programmes/${p.id}`}>{p.title}</a>
      </h4>
      <p class="src">
        《{p.document.title}》{p.citation}
        {p.document.docNumber ? `(${p.document.docNumber})` : ""}
      </p>
      {closed && <p class="version-note">{validity!.label},不再受理新的申报。</p>}
      <p class="amount">{p.amountSummary}</p>
      <p class="who">申报主体:{p.applicants.text}</p>
      <p class="row">
        <span class="badge">{p.categoryName}</span>
        <a href={`/policies/programmes/${p.id}#calculator`}>政策计算器</a>
        {staff && <a href={`/admin/policies/programmes/${p.id}/matches`}>符合条件的企业</a>}
      </p>
    </li>
  );
}

function Filters({ query, categories }: Pick<PolicyOverviewProps, "query" | "categories">) {
  const link = (category: string) => {
    const p = new URLSearchParams();
    if (query.q) p.set("q", query.q);
    if (category) p.set("category", category);
    const s = p.toString();
    return `/policies${s ? `?${s}` : ""}`;
  };
  return (
    <>
      {/* biome-ignore lint/a11y/useSemanticElements: a form with role="search" is the landmark every browser and
          screen reader knows; the <search> element is too new for the older browsers enterprises use. */}
      <form method="get" action="/policies" class="search" role="search">
        <div class="field">
          <label for="f-q">搜索项目</label>
          <input
            id="f-q"
            name="q"
            type="search"
            value={query.q}
            maxlength={50}
            placeholder="如:研发、孵化器、知识产权"
          />
        </div>
        {/* The category chosen below stays while searching; 全部 clears it. */}
        {query.category && <input type="hidden" name="category" value={query.category} />}
        <button class="btn" type="submit">
          搜索
        </button>
      </form>
      <ul class="cats" aria-label="按类别查看">
        <li>
          <a href={link("")} aria-current={query.category === "" ? "true" : undefined}>
            全部
          </a>
        </li>
        {categories.map((c) => (
          <li>
            <a href={link(c.code)} aria-current={c.code === query.category ? "true" : undefined}>
              {c.name}({c.count})
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

export function PolicyOverviewPage(props: PolicyOverviewProps) {
  const { zone, nonce, user, version, programmes, total, query, categories, documents, staff, validity } = props;
  const searching = query.q !== "" || query.category !== "";
  const groups = categories
    .map((c) => ({ ...c, items: programmes.filter((p) => p.category === c.code) }))
    .filter((g) => g.items.length > 0);
  return (
    <Layout title="政策纵览" zone={zone} nonce={nonce} user={user} current="policies" css={POLICY_CSS}>
      <main id="main" class="wrap pol">
        <p class="crumbs">
          <a href="/">首页</a> › 政策纵览
        </p>
        <h1>政策纵览</h1>
        <p class="lead">
          本园区现行的扶持项目:补助标准、申报主体和政策原文出处。打开项目可用政策计算器估算能否申报、可得多少。
        </p>
        {version === null ? (
          <div class="empty">
            <p>
              <strong>本园区尚未发布可在线测算的政策。</strong>
            </p>
            <p>
              可先阅读<a href="/#policies">政策文件</a>,或致电 {zone.contact.office} {zone.contact.phone} 咨询。
            </p>
          </div>
        ) : (
          <>
            <VersionNote version={version} />
            {total === 0 ? (
              <div class="empty">
                <p>
                  <strong>现行政策还没有可在线测算的项目。</strong>
                </p>
                <p>政策条款见下方的政策文件;项目整理完成后会在这里列出。</p>
              </div>
            ) : (
              <section aria-labelledby="programmes-heading">
                <h2 id="programmes-heading" class="section">
                  扶持项目
                </h2>
                <Filters query={query} categories={categories} />
                <p aria-live="polite" class="version-note">
                  {searching ? `找到 ${programmes.length} 个项目(共 ${total} 个)` : `共 ${total} 个项目`}
                  {searching && (
                    <>
                      {" "}
                      · <a href="/policies">清除条件</a>
                    </>
                  )}
                </p>
                {programmes.length === 0 ? (
                  <div class="empty">
                    <p>没有符合条件的项目。换个关键词试试,如“研发”“平台”“人才”。</p>
                  </div>
                ) : (
                  groups.map((g) => (
                    <section aria-labelledby={`cat-${g.code}`}>
                      <h3 id={`cat-${g.code}`}>
                        {g.name}({g.items.length})
                      </h3>
                      <ul class="progs">
                        {g.items.map((p) => (
                          <Card p={p} staff={staff} validity={validity?.[p.document.id]} />
                        ))}
                      </ul>
                    </section>
                  ))
                )}
              </section>
            )}
            <section aria-labelledby="documents-heading">
              <h2 id="documents-heading" class="section">
                政策文件
              </h2>
              {documents.length === 0 ? (
                <p>现行政策没有收录政策文件。</p>
              ) : (
                <ul class="list">
                  {documents.map((d) => (
                    <li>
                      <a href={`/policies/documents/${d.id}`}>{d.title}</a>
                      {d.docNumber ? `(${d.docNumber})` : ""}
                      {d.validity && (
                        <small class="who">
                          <br />
                          {d.validity}
                        </small>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </main>
    </Layout>
  );
}
