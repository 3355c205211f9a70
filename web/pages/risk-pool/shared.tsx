/**
 * What the pool's pages share: the figures strip, a plain table that stacks on phones, a claim's
 * status as a tag, the coverage tiers in words, and the stylesheet (the 金融超市's, plus a little).
 */
import type { Child } from "hono/jsx";
import type { RiskClaimStatus } from "../../../worker/db/schema";
import { formatMoney } from "../../../worker/lib/money";
import { CLAIM_STATUS_ZH } from "../../labels/risk-pool";
import { FINANCE_CSS } from "../finance/shared";
import type { CoverageView, PoolTerms } from "./types";

export const RISK_CSS = `${FINANCE_CSS}
.rp .figures{display:grid;gap:10px;grid-template-columns:repeat(2,minmax(0,1fr));margin:0 0 12px;padding:0;
  list-style:none}
@media(min-width:760px){.rp .figures{grid-template-columns:repeat(4,minmax(0,1fr))}}
.rp .figures li{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:12px 14px}
.rp .figures strong{display:block;font-size:1.2rem;font-variant-numeric:tabular-nums;color:var(--primary)}
.rp .figures span{color:var(--muted);font-size:.9rem}
.rp section{margin:0 0 24px}
.rp .tag.rc-submitted{background:#fff4d6;color:#6b4a00}
.rp .tag.rc-approved{background:#e3f4e8;color:#1e5c2f}
.rp .tag.rc-rejected{background:#fde8e8;color:#8a1c1c}
.rp .tag.rc-withdrawn{background:#eceff3;color:#3d4651}
.rp details{margin:12px 0}
.rp .rules{display:grid;gap:8px;grid-template-columns:repeat(auto-fit,minmax(140px,1fr))}
.rp form.inline{display:inline}
`;

export const money = (fen: number | null) => (fen === null ? "—" : formatMoney(fen));

export function Figures({ items }: { items: { label: string; value: string }[] }) {
  return (
    <ul class="figures">
      {items.map((i) => (
        <li>
          <span>{i.label}</span>
          <strong>{i.value}</strong>
        </li>
      ))}
    </ul>
  );
}

export function ClaimStatusTag({ status }: { status: RiskClaimStatus }) {
  return <span class={`tag rc-${status}`}>{CLAIM_STATUS_ZH[status]}</span>;
}

/** A table whose first column heads each row; on phones each row stacks with its column names. */
export function Table({ head, rows, empty }: { head: string[]; rows: Child[][]; empty: string }) {
  if (rows.length === 0) return <p class="panel">{empty}</p>;
  return (
    <div class="table-scroll">
      <table class="grid stack">
        <thead>
          <tr>
            {head.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells) => (
            <tr>
              {cells.map((cell, i) => (i === 0 ? <th scope="row">{cell}</th> : <td data-label={head[i]}>{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function coverageText(c: CoverageView): string {
  // A tier named by its own condition ("首贷" for first loans) is said once, not "首贷(首贷)".
  const tiers = c.rules.map((r) => `${r.label}${r.label === r.condition ? "" : `(${r.condition})`}${r.percent}%`);
  return [...tiers, `其他${c.defaultPercent}%`].join(";");
}

/** A pool's terms as a bank officer or a clerk reads them. */
export function TermsList({ pool }: { pool: PoolTerms }) {
  return (
    <ul>
      <li>补偿比例:{coverageText(pool.coverage)}(按顺序取第一条符合的档次)</li>
      <li>
        单笔补偿上限 {money(pool.perLoanCapFen)},单家银行累计上限 {money(pool.perBankCapFen)}
      </li>
      <li>
        违约后 {pool.fileWithinDays} 个工作日内申请补偿;园区在 {pool.reviewWithinDays} 个工作日内审核
      </li>
      <li>依据和资金来源:{pool.basis}</li>
    </ul>
  );
}
