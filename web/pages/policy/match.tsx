/**
 * 政策匹配 for an enterprise member: every programme ranked by fit from the
 * enterprise's figures and verified qualifications — which conditions it meets,
 * misses and has not told us — with a link to the calculator filled in.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type { Evaluation } from "../../../worker/engines/policy/evaluate";
import type { FitTier } from "../../../worker/engines/policy/rank";
import { amountText, EvaluationResult, TierBadge } from "../../components/evaluation";
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import { POLICY_CSS, VersionNote, type VersionLine } from "./shared";

export interface MatchRow {
  /** closed: its document is expired (or not yet in force) and takes no new applications (decision 0013). */
  programme: {
    id: string;
    title: string;
    citation: string;
    documentId?: string | undefined;
    documentTitle: string;
    amountSummary: string;
    closed?: "已到期" | "尚未施行" | undefined;
  };
  result: Evaluation;
  tier: FitTier;
  met: number;
  missed: number;
  untold: number;
  /** What the platform does not know yet, each thing said once (the policies feature's match-pending). */
  pending: string[];
  /** The calculator, filled in from the enterprise's records on the server (no figures in the URL). */
  calculatorHref: string;
}

export interface MatchPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  version: VersionLine;
  enterpriseName: string;
  figuresYear: number | null;
  rows: MatchRow[];
  /** One sentence per document out of its period, e.g. "《…》有效期至2023年12月31日,已到期,其中的16项政策不再受理新的申报。" */
  closedDocuments?: string[] | undefined;
}

/**
 * Tiers in the order a member acts on them. What needs no action now is
 * collapsed: 暂不符合 entirely, and a long tier after its first few items, so
 * the page opens on what can be applied for.
 */
const TIERS = [
  { key: "eligible", title: "可以申报", empty: "暂无按企业资料可确认符合的项目。", collapse: false },
  { key: "confirm", title: "符合申报主体条件即可申报", empty: "", collapse: false },
  { key: "unknown", title: "补充信息后可能符合", empty: "", collapse: false },
  { key: "ineligible", title: "暂不符合", empty: "", collapse: true },
] as const;

/** Items shown open in a tier; the rest sit behind one "再看 N 项". */
export const OPEN_PER_TIER = 4;

function Row({ row, rank }: { row: MatchRow; rank: number }) {
  const r = row.result;
  const amount = amountText(r);
  const failed = r.conditions.filter((c) => c.result === "fail");
  return (
    <li class="prog">
      <h3>
        <span class="version-note">{rank}. </span>
        {row.programme.closed && (
          <>
            <span class="badge expired">{row.programme.closed}</span>{" "}
          </>
        )}
        <a href={`/policies/programmes/${row.programme.id}`}>{row.programme.title}</a>
      </h3>
      <p class="src">
        《{row.programme.documentTitle}》{row.programme.citation} · {row.programme.amountSummary}
      </p>
      <p class="row">
        <TierBadge tier={row.tier} />
        {amount !== null && (
          <span class="amount">
            {r.eligible === "unknown" ? "条件确认后可得 " : r.range ? "评审确定 " : "测算 "}
            {amount}
          </span>
        )}
      </p>
      {row.met + row.missed + row.untold === 0 ? (
        <p class="counts">条款没有另设条件</p>
      ) : (
        <p class="counts">
          <span>满足 {row.met} 项</span>
          <span>不满足 {row.missed} 项</span>
          <span>待确认 {row.untold} 项</span>
        </p>
      )}
      {failed.length > 0 && <p class="who">不满足:{failed.map((c) => c.reason).join(";")}</p>}
      {row.pending.length > 0 && <p class="who pending">待确认:{row.pending.join(";")}</p>}
      <p>
        <a href={row.calculatorHref}>在政策计算器中查看和补充</a>
      </p>
      <details>
        <summary>逐条说明</summary>
        <EvaluationResult result={r} heading={4} />
      </details>
    </li>
  );
}

export function PolicyMatchPage({
  zone,
  nonce,
  user,
  version,
  enterpriseName,
  figuresYear,
  rows,
  closedDocuments = [],
}: MatchPageProps) {
  let rank = 0;
  return (
    <Layout title="政策匹配" zone={zone} nonce={nonce} user={user} current="policies" css={POLICY_CSS + MATCH_CSS}>
      <main id="main" class="wrap pol">
        <p class="crumbs">
          <a href="/enterprise">我的企业</a> › 政策匹配
        </p>
        <h1>政策匹配</h1>
        <VersionNote version={version} />
        {closedDocuments.map((line) => (
          <p class="alert error" role="status">
            {line}
          </p>
        ))}
        <p class="lead">
          {figuresYear !== null ? (
            `按${enterpriseName}${figuresYear}年度数据和已核实的资质,逐项测算现行政策。`
          ) : (
            <>
              {enterpriseName}还没有填报年度数据,下面只按已核实的资质测算(<a href="/enterprise/figures">填报年度数据</a>
              )。
            </>
          )}
          平台不知道的信息标为“待确认”,可在计算器中补充。结果仅供参考,以园区审核为准。
        </p>
        {rows.length === 0 ? (
          <div class="empty">
            <p>
              现行政策还没有面向企业的可测算项目。<a href="/policies">查看政策纵览</a>
            </p>
          </div>
        ) : (
          <>
            <nav class="tier-nav" aria-label="按匹配结果跳转">
              <ul>
                {TIERS.map((t) => {
                  const n = rows.filter((r) => r.tier === t.key).length;
                  return n > 0 || t.empty ? (
                    <li>
                      <a href={`#tier-${t.key}`}>
                        {t.title} {n} 项
                      </a>
                    </li>
                  ) : null;
                })}
              </ul>
            </nav>
            {TIERS.map((t) => {
              const items = rows.filter((r) => r.tier === t.key);
              if (items.length === 0 && !t.empty) return null;
              const list = (some: MatchRow[]) => (
                <ol class="progs">
                  {some.map((row) => (
                    <Row row={row} rank={++rank} />
                  ))}
                </ol>
              );
              const open = t.collapse ? [] : items.slice(0, OPEN_PER_TIER);
              const rest = items.slice(open.length);
              return (
                <section id={`tier-${t.key}`} class="tier" aria-labelledby={`tier-${t.key}-h`}>
                  <h2 id={`tier-${t.key}-h`} class="section">
                    {t.title}({items.length})
                  </h2>
                  {items.length === 0 && <p>{t.empty}</p>}
                  {open.length > 0 && list(open)}
                  {rest.length > 0 && (
                    <details class="more">
                      <summary>
                        {open.length ? `再看其余 ${rest.length} 项` : `查看这 ${rest.length} 项和不符合的原因`}
                      </summary>
                      {list(rest)}
                    </details>
                  )}
                </section>
              );
            })}
          </>
        )}
      </main>
    </Layout>
  );
}

const MATCH_CSS = `
.tier-nav ul{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 18px;padding:0;list-style:none}
.tier-nav a{display:inline-flex;align-items:center;min-height:44px;padding:0 14px;border-radius:999px;
  border:1px solid var(--line);background:var(--card);color:var(--ink);text-decoration:none}
.tier{scroll-margin-top:12px}
.pol details.more{border-top:0;margin:12px 0 0;padding:0}
.pol details.more > summary{display:flex;align-items:center;min-height:44px;padding:0 14px;
  border:1px solid var(--line);border-radius:var(--radius);background:var(--card);font-weight:600}
.pol details.more[open] > summary{margin:0 0 12px}
`;
