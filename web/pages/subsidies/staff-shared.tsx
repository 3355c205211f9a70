/**
 * What the staff's 政策兑现 pages and the public 公示 page add to ./shared.tsx
 * (status tag, timeline, notice, stylesheet, written with the enterprise's
 * pages): the overdue rule and the styles of queues, action forms, budget bars
 * and the notice list.
 */
import type { SubsidyStatus } from "../../../worker/db/schema";
import { SUBSIDY_CSS } from "./shared";

/** A due date that has passed while the application waits on someone. */
export function isOverdue(a: { status: SubsidyStatus; dueOn: string | null }, today: string): boolean {
  return (a.status === "in_review" || a.status === "returned") && a.dueOn !== null && a.dueOn < today;
}

export const SUBSIDY_STAFF_CSS = `${SUBSIDY_CSS}
main.wrap.sub{padding-top:20px;padding-bottom:40px}
.sub .tabs{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 16px;padding:0;list-style:none}
.sub .tabs a{display:inline-flex;align-items:center;gap:6px;min-height:44px;padding:0 12px;border-radius:999px;
  border:1px solid var(--line);background:var(--card);text-decoration:none;color:var(--ink);font-size:.92rem}
.sub .tabs a[aria-current=page]{background:var(--primary);border-color:var(--primary);color:#fff}
.sub .tabs .n{font-weight:700;font-variant-numeric:tabular-nums}
.sub .filters{display:grid;gap:10px;grid-template-columns:1fr;align-items:end;margin:0 0 14px}
@media(min-width:760px){.sub .filters{grid-template-columns:1fr 1fr 1.4fr 1.4fr auto}}
/* The queue's filters add a checkbox: two columns on a tablet, one row on a desktop. */
@media(min-width:760px){.sub .filters.queue{grid-template-columns:1fr 1fr}}
@media(min-width:1000px){.sub .filters.queue{grid-template-columns:1fr 1fr 1.4fr 1.4fr auto auto}}
.sub .field textarea{min-height:88px}
.sub form.act{display:flex;flex-direction:column;gap:12px;margin:0;padding:12px 0;border-top:1px solid var(--line)}
.sub form.act:first-of-type{border-top:0;padding-top:0}
.sub form.act h3{margin:0;font-size:1rem}
.sub .range{margin:0;font-size:.9rem;color:var(--muted)}
.sub .choices{display:flex;flex-wrap:wrap;gap:4px 18px;border:0;margin:0;padding:0}
.sub .choices legend{font-weight:600;padding:0;margin:0 0 4px}
.sub .bar{height:10px;border-radius:999px;background:var(--line);overflow:hidden;margin:4px 0 0}
.sub .bar span{display:block;height:100%;background:var(--primary)}
.sub .bar.over span{background:#d92d20}
/* Tables of many columns read as one card per row on phones, each value with its column's name. */
@media(max-width:719px){
.sub table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.sub table.stack tr{display:block;padding:8px 0;border-bottom:1px solid var(--line)}
.sub table.stack td,.sub table.stack tbody th{display:block;border:0;padding:2px 12px;text-align:left;
  white-space:normal}
.sub table.stack td[data-label]::before{content:attr(data-label) ":";color:var(--muted);font-size:.88rem;
  margin-right:4px}
.sub table.stack tbody th{font-size:1rem}
}
.sub .notice-list{list-style:none;margin:0;padding:0;display:grid;gap:12px}
.sub .notice-item h2{font-size:1.05rem;margin:0 0 6px;line-height:1.5}
.sub details{margin:10px 0 0;border-top:1px solid var(--line);padding:8px 0 0}
.sub summary{cursor:pointer;min-height:44px;display:flex;align-items:center;color:var(--primary);font-weight:600}
.sub details form{display:flex;flex-direction:column;gap:12px;margin:8px 0 0}
`;
