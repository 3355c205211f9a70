/**
 * What every 金融超市 page shares, the bank's, the enterprise's and the zone's:
 * product types, guarantees and statuses in words; money (integer fen) and
 * rates (basis points) as people read and type them; a match explained
 * criterion by criterion; an enterprise's financial facts (or that it has not
 * shared them); a loan's timeline; the notice box and the stylesheet.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type {
  FinancingNeedRow,
  LoanEventRow,
  LoanProductRow,
  LoanStatus,
  ProductType,
} from "../../../worker/db/schema";
import {
  GUARANTEE_ZH,
  rateText,
  type Criterion,
  type EnterpriseTerms,
  type Guarantee,
  type Verdict,
} from "../../../worker/engines/loan-match/match";
import { formatMoney, formatMoneyRange } from "../../../worker/lib/money";
import { LOAN_STATUS_ZH, namesOf } from "../../labels/finance";
import { EVALUATION_CSS } from "../../components/evaluation";
import { formatTimeZh } from "../auth/labels";

export const PRODUCT_TYPE_ZH: Record<ProductType, string> = {
  credit: "信用贷",
  mortgage: "抵押贷",
  pledge: "质押贷",
  ip_pledge: "知识产权质押贷",
  guarantee: "担保贷",
  insurance: "科技保险",
  other: "其他",
};

export const PRODUCT_STATUS_ZH: Record<LoanProductRow["status"], string> = {
  draft: "草稿",
  published: "已发布",
  withdrawn: "已下架",
};
export const NEED_STATUS_ZH: Record<FinancingNeedRow["status"], string> = {
  open: "对接中",
  met: "已满足",
  closed: "已关闭",
};

export const guaranteesText = (gs: readonly Guarantee[]) => gs.map((g) => GUARANTEE_ZH[g]).join("、") || "—";
export const amountRange = (min: number, max: number) => formatMoneyRange(min, max);
export const rateRange = (min: number, max: number) =>
  min === max ? rateText(min) : `${rateText(min)}至${rateText(max)}`;
export const termRange = (min: number, max: number) => (min === max ? `${max}个月` : `${min}至${max}个月`);

/** Basis points as a percentage for a form field: 345 → "3.45". */
export const bpToPercentText = (bp: number) =>
  bp % 100 === 0 ? String(bp / 100) : `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, "0")}`.replace(/0$/, "");

export function ProductStatusTag({ status }: { status: LoanProductRow["status"] }) {
  return <span class={`tag pst-${status}`}>{PRODUCT_STATUS_ZH[status]}</span>;
}

export function LoanStatusTag({ status }: { status: LoanStatus }) {
  return <span class={`tag lst-${status}`}>{LOAN_STATUS_ZH[status]}</span>;
}

/** Icons are decoration; the word beside them is what a screen reader says. */
const VERDICT: Record<Verdict, { icon: string; label: string; cls: string }> = {
  meets: { icon: "✓", label: "符合", cls: "pass" },
  partly: { icon: "≈", label: "部分符合", cls: "partly" },
  fails: { icon: "✗", label: "不符合", cls: "fail" },
  unknown: { icon: "?", label: "待确认", cls: "unknown" },
};

/** The match's overall reading: nothing failing and nothing partial is a fit, any failure is not. */
export function MatchBadge({ match }: { match: { fails: number; partly: number; unknown: number } }) {
  if (match.fails > 0) return <span class="verdict no">不符合({match.fails}项)</span>;
  if (match.partly > 0) return <span class="verdict maybe">部分符合</span>;
  if (match.unknown > 0) return <span class="verdict maybe">待确认{match.unknown}项</span>;
  return <span class="verdict yes">符合</span>;
}

/** Every criterion the matcher checked, with its verdict (in words, not only colour) and reason. */
export function CriteriaList({ criteria }: { criteria: readonly Criterion[] }) {
  return (
    <ul class="conds">
      {criteria.map((c) => (
        <li class={`cond ${VERDICT[c.result].cls}`}>
          <span class="mark" aria-hidden="true">
            {VERDICT[c.result].icon}
          </span>
          <div>
            <p class="cond-label">
              {c.label}
              <span class="cond-verdict">{VERDICT[c.result].label}</span>
            </p>
            <p class="cond-reason">{c.reason}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}

/**
 * What a bank may know of an enterprise's finances. `shared` false (no consent
 * for this bank) shows only that, never a partial picture.
 */
export function FinancialFacts({ zone, facts, shared }: { zone: ZoneConfig; facts: EnterpriseTerms; shared: boolean }) {
  if (!shared) return <p class="facts-hidden">企业未授权查看财务信息</p>;
  const names = namesOf(zone);
  return (
    <dl class="kv">
      <dt>资质</dt>
      <dd>
        {facts.qualifications?.length ? facts.qualifications.map(names.qualification).join("、") : "无已认定资质"}
      </dd>
      <dt>成立年限</dt>
      <dd>{facts.yearsInOperation === null ? "未填报成立日期" : `${facts.yearsInOperation}年`}</dd>
      <dt>最近年度营业收入</dt>
      <dd>{facts.revenueFen === null ? "未填报" : formatMoney(facts.revenueFen)}</dd>
    </dl>
  );
}

/** What happens to an application past its day, as the zone set it (finance.escalation); `bank` is told first. */
export function overdueRule(zone: Pick<ZoneConfig, "finance">, bank: string): string {
  const n = zone.finance.escalation.afterWorkingDays;
  return n === 0
    ? `超时的申请会提醒${bank}并报园区管理员`
    : `超时的申请会提醒${bank},超时 ${n} 个工作日后仍未办理的报园区管理员`;
}

const LOAN_EVENT_ZH: Record<string, string> = {
  submitted: "提交申请",
  accept: "受理",
  approve: "授信",
  disburse: "放款",
  decline: "拒绝",
  overdue: "超时未办理",
  escalated: "上报园区管理员",
  withdrawn: "撤回",
};

/**
 * The application's steps, oldest first. The enterprise sees its own people by
 * address and the bank's staff as 银行; the bank and the zone see who acted.
 */
export function LoanTimeline({
  events,
  audience,
}: {
  events: readonly LoanEventRow[];
  audience: "bank" | "enterprise" | "staff";
}) {
  const who = (e: LoanEventRow) =>
    e.actor === "system"
      ? "系统"
      : audience === "enterprise" && e.action !== "submitted" && e.action !== "withdrawn"
        ? "银行"
        : e.actor;
  return (
    <ol class="timeline">
      {events.map((e) => (
        <li>
          <p class="tl-head">
            <strong>{LOAN_EVENT_ZH[e.action] ?? e.action}</strong>
          </p>
          <p class="tl-meta">
            <time datetime={new Date(e.at).toISOString()}>{formatTimeZh(new Date(e.at))}</time> · {who(e)}
          </p>
          {e.note && <p class="tl-note">{e.note}</p>}
        </li>
      ))}
    </ol>
  );
}

export const FINANCE_CSS = `${EVALUATION_CSS}
main.wrap.fin{padding-top:20px;padding-bottom:40px}
.fin h1{font-size:1.4rem;line-height:1.4;margin:0 0 6px}
.fin h2{font-size:1.12rem;margin:0 0 10px}
.fin h3{font-size:1rem;margin:0 0 8px}
.fin section{margin:0 0 24px}
.fin .lead{color:var(--muted);margin:0 0 14px}
.fin .panel{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:16px}
@media(min-width:760px){.fin .panel{padding:20px 24px}}
.fin .panel + .panel{margin-top:12px}
.fin .cards{list-style:none;margin:0;padding:0;display:grid;gap:12px}
.fin .tag{display:inline-block;font-size:.82rem;border-radius:4px;padding:0 6px;border:1px solid var(--line);
white-space:nowrap}
.fin .tag.pst-published,.fin .tag.lst-approved,.fin .tag.lst-disbursed{background:#ecfdf3;border-color:#32d583}
.fin .tag.pst-draft,.fin .tag.lst-submitted,.fin .tag.lst-accepted{background:#eff8ff;border-color:#53b1fd}
.fin .tag.pst-withdrawn,.fin .tag.lst-withdrawn{background:var(--bg)}
.fin .tag.lst-declined,.fin .tag.overdue{background:#fef3f2;border-color:#f04438;color:#7a271a}
.fin .field select,.fin .field textarea{min-height:44px;width:100%;padding:8px 12px;font:inherit;color:var(--ink);
background:#fff;border:1px solid #8a94a3;border-radius:6px}
.fin .field textarea{min-height:88px}
.fin .field [aria-invalid=true]{border:2px solid #b42318}
.fin dl.kv{display:grid;grid-template-columns:1fr;gap:2px 16px;margin:0}
@media(min-width:720px){.fin dl.kv{grid-template-columns:max-content 1fr}}
.fin dl.kv dt{color:var(--muted);font-size:.9rem}
.fin dl.kv dd{margin:0 0 8px;word-break:break-all}
.fin .pair{display:grid;gap:0 12px;grid-template-columns:1fr 1fr}
.fin .choices{display:flex;flex-wrap:wrap;gap:4px 18px;border:0;margin:0 0 12px;padding:0}
.fin .choices legend{font-weight:600;padding:0;margin:0 0 4px}
.fin .choices .field-error,.fin .choices .hint{flex-basis:100%;margin:0}
.fin form.act{display:flex;flex-direction:column;gap:12px;margin:0;padding:12px 0;border-top:1px solid var(--line)}
.fin form.act:first-of-type{border-top:0;padding-top:0}
.fin .range{margin:0;font-size:.9rem;color:var(--muted)}
.fin .facts-hidden{margin:0;color:var(--muted);font-style:italic}
.fin .cond.partly .mark{background:#b54708}
.fin .cond-verdict{margin-left:8px;font-weight:400;font-size:.88rem;color:var(--muted)}
.fin .cols{display:grid;gap:16px;grid-template-columns:1fr}
@media(min-width:960px){.fin .cols{grid-template-columns:minmax(0,3fr) minmax(0,2fr);align-items:start}}
.fin .inline{display:inline}
@media(max-width:719px){
.fin table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.fin table.stack tr{display:block;padding:8px 0;border-bottom:1px solid var(--line)}
.fin table.stack td,.fin table.stack tbody th{display:block;border:0;padding:2px 12px;text-align:left;
white-space:normal}
.fin table.stack td[data-label]::before{content:attr(data-label) ":";color:var(--muted);font-size:.88rem;
margin-right:4px}
}
.timeline{list-style:none;margin:0;padding:0}
.timeline li{border-left:3px solid var(--line);padding:0 0 12px 14px;position:relative}
.timeline li::before{content:"";position:absolute;left:-7px;top:8px;width:11px;height:11px;border-radius:50%;
background:var(--primary)}
.timeline p{margin:0}
.tl-head{display:flex;flex-wrap:wrap;gap:2px 10px;align-items:baseline}
.tl-meta{color:var(--muted);font-size:.88rem}
.tl-note{background:var(--bg);border-radius:6px;padding:4px 10px;margin-top:4px !important;white-space:pre-line}
`;
