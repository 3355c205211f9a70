/**
 * 政策匹配 for an enterprise member: every programme ranked by fit from the
 * enterprise's figures and verified qualifications — which conditions it meets,
 * misses and has not told us — with a link to the calculator filled in.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type { Evaluation } from "../../../worker/policy/evaluate";
import type { FitTier } from "../../../worker/policy/rank";
import { amountText, EvaluationResult, TierBadge } from "../../components/evaluation";
import { Layout } from "../../layout";
import type { HeaderUser } from "../auth/labels";
import { POLICY_CSS, VersionNote, type VersionLine } from "./shared";

export interface MatchRow {
  programme: { id: string; title: string; citation: string; documentTitle: string; amountSummary: string };
  result: Evaluation;
  tier: FitTier;
  met: number;
  missed: number;
  untold: number;
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
}

const TIERS = [
  { key: "eligible", title: "可以申报", empty: "暂无按企业资料可确认符合的项目。" },
  { key: "confirm", title: "符合申报主体条件即可申报", empty: "" },
  { key: "unknown", title: "补充信息后可能符合", empty: "" },
  { key: "ineligible", title: "暂不符合", empty: "" },
] as const;

function Row({ row, rank }: { row: MatchRow; rank: number }) {
  const r = row.result;
  const amount = amountText(r);
  const failed = r.conditions.filter((c) => c.result === "fail");
  const unknown = r.conditions.filter((c) => c.result === "unknown");
  return (
    <li class="prog">
      <h3>
        <span class="version-note">{rank}. </span>
        <a href={`/policy/programmes/${row.programme.id}`}>{row.programme.title}</a>
      </h3>
      <p class="src">《{row.programme.documentTitle}》{row.programme.citation} · {row.programme.amountSummary}</p>
      <p class="row">
        <TierBadge tier={row.tier} />
        {amount !== null && <span class="amount">{r.eligible === "unknown" ? "条件确认后可得 " : r.range ? "评审确定 " : "测算 "}{amount}</span>}
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
      {(unknown.length > 0 || r.missing.length > 0) && (
        <p class="who">待确认:{[...unknown.map((c) => c.label), ...r.missing.map((m) => `缺少${m.label}`)].join(";")}</p>
      )}
      <p><a href={row.calculatorHref}>在政策计算器中查看和补充</a></p>
      <details>
        <summary>逐条说明</summary>
        <EvaluationResult result={r} heading={4} />
      </details>
    </li>
  );
}

export function PolicyMatchPage({ zone, nonce, user, version, enterpriseName, figuresYear, rows }: MatchPageProps) {
  let rank = 0;
  return (
    <Layout title="政策匹配" zone={zone} nonce={nonce} user={user} current="policies" css={POLICY_CSS}>
      <main id="main" class="wrap pol">
        <p class="crumbs"><a href="/enterprise">我的企业</a> › 政策匹配</p>
        <h1>政策匹配</h1>
        <VersionNote version={version} />
        <p class="lead">
          {figuresYear !== null ? (
            `按${enterpriseName}${figuresYear}年度数据和已核实的资质,逐项测算现行政策。`
          ) : (
            <>{enterpriseName}还没有填报年度数据,下面只按已核实的资质测算(<a href="/enterprise/figures">填报年度数据</a>)。</>
          )}
          平台不知道的信息标为“待确认”,可在计算器中补充。结果仅供参考,以园区审核为准。
        </p>
        {rows.length === 0 ? (
          <div class="empty"><p>现行政策还没有面向企业的可测算项目。<a href="/policy">查看政策纵览</a></p></div>
        ) : (
          TIERS.map((t) => {
            const items = rows.filter((r) => r.tier === t.key);
            if (items.length === 0 && !t.empty) return null;
            return (
              <section aria-labelledby={`tier-${t.key}`}>
                <h2 id={`tier-${t.key}`} class="section">{t.title}({items.length})</h2>
                {items.length === 0 ? <p>{t.empty}</p> : <ol class="progs">{items.map((row) => <Row row={row} rank={++rank} />)}</ol>}
              </section>
            );
          })
        )}
      </main>
    </Layout>
  );
}
