/**
 * What only the enterprise's 金融超市 pages add to ./shared: a few styles (need status tags, screen-reader text, the
 * ranked list).
 */
import { FINANCE_CSS } from "./shared";

export const MEMBER_CSS = `${FINANCE_CSS}
.fin .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.fin .tag.nst-open{background:#eff8ff;border-color:#53b1fd}
.fin .tag.nst-met{background:#ecfdf3;border-color:#32d583}
.fin .tag.nst-closed{background:var(--bg)}
.fin ol.ranked{list-style:none;margin:0;padding:0;display:grid;gap:12px}
.fin .rank-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 12px;margin:0 0 4px}
.fin .rank-no{font-weight:700;color:var(--primary)}
.fin .rank-head h3{margin:0;font-size:1.08rem}
.fin .rank-terms{margin:0 0 6px;color:var(--muted);font-size:.92rem}
.fin .row-actions{margin-top:10px}
.fin .consent-row{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:6px 16px;
padding:8px 0;border-top:1px solid var(--line)}
.fin .consent-row:first-child{border-top:0}
.fin .consent-row p{margin:0}
.fin .consent-row form{margin:0}
`;
