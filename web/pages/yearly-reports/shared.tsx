/** What the 年度报表 staff pages share: their CSS and the status words and tags. */
import { ENTERPRISE_CSS } from "../enterprises/labels";

export type FilingStatusView = "filed" | "incomplete" | "unfiled";

export const FILING_LABEL: Record<FilingStatusView, string> = {
  filed: "已填报",
  incomplete: "已填但不完整",
  unfiled: "未填报",
};

/** The filter's choices, in the order the select lists them. */
export const FILTER_LABEL: Record<string, string> = {
  all: "全部",
  pending: "未填齐(不完整 + 未填报)",
  filed: "已填报",
  incomplete: "已填但不完整",
  unfiled: "未填报",
};

export const WINDOW_STATUS_LABEL = { open: "收集中", closed: "已截止" } as const;

export interface CountsView {
  enterprises: number;
  filed: number;
  incomplete: number;
  unfiled: number;
}

export interface WindowView {
  year: number;
  dueOn: string;
  status: "open" | "closed";
  openedAt: number;
  closedAt: number | null;
  counts: CountsView;
}

/** Filed as a share of the covered enterprises, in whole percent; "—" when none are covered. */
export const filedShare = (c: CountsView) => (c.enterprises ? `${Math.round((c.filed / c.enterprises) * 100)}%` : "—");

export const REPORTS_CSS = `${ENTERPRISE_CSS}
.rep .tag.filed,.rep .tag.open{background:#ecfdf3;border-color:#32d583}
.rep .tag.incomplete{background:#fffaeb;border-color:#fdb022}
.rep .tag.unfiled{background:#fef3f2;border-color:#f04438}
.rep .tag.closed{background:var(--bg)}
.rep .tiles{display:grid;gap:10px;grid-template-columns:repeat(2,minmax(0,1fr));margin:0 0 16px;padding:0;
  list-style:none}
@media(min-width:760px){.rep .tiles{grid-template-columns:repeat(4,minmax(0,1fr))}}
.rep .tiles a{display:block;min-height:44px;padding:10px 14px;border:1px solid var(--line);border-radius:var(--radius);
  background:var(--card);color:inherit;text-decoration:none}
.rep .tiles a[aria-current]{border-color:var(--primary);box-shadow:inset 0 0 0 1px var(--primary)}
.rep .tiles b{display:block;font-size:1.5rem;font-variant-numeric:tabular-nums}
.rep .tiles span{color:var(--muted);font-size:.88rem}
.rep .filters{display:grid;gap:10px;grid-template-columns:1fr;align-items:end;margin:0 0 14px}
@media(min-width:760px){.rep .filters{grid-template-columns:1.2fr 1.4fr auto}}
.rep .filters .field select,.rep .filters .field input{min-height:44px;width:100%;padding:8px 12px;font:inherit;
  border:1px solid #8a94a3;border-radius:6px;background:#fff}
.rep .filters label{display:block;font-weight:600;margin:0 0 4px}
.rep td form{margin:0}
.rep td .btn{min-height:44px;font-size:.88rem;padding:6px 14px;font-weight:500}
.rep .muted{color:var(--muted)}
.rep .bar{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:0 0 14px}
.rep .bar form{margin:0}
`;
