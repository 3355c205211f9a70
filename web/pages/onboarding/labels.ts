/** Words, formats and page CSS the onboarding pages share. */
import type { ZoneConfig } from "../../../tenants/schema";

export type ApplicationStatus = "submitted" | "returned" | "approved" | "rejected";

export const STATUS_LABEL: Record<ApplicationStatus, string> = {
  submitted: "待审核",
  returned: "退回补正",
  approved: "已通过",
  rejected: "已驳回",
};

export const EVENT_LABEL: Record<string, string> = {
  submitted: "提交申请",
  resubmitted: "补正后重新提交",
  returned: "退回补正",
  approved: "审核通过",
  rejected: "驳回",
};

export const industryName = (zone: ZoneConfig, code: string) =>
  zone.priorityIndustries.find((i) => i.code === code)?.zh ?? code;
export const qualificationName = (zone: ZoneConfig, code: string) =>
  zone.qualifications.find((q) => q.code === code)?.zh ?? code;

/** "business_licence" → 营业执照; "certificate:hnte" → 高新技术企业证书. */
export function materialKindName(zone: ZoneConfig, kind: string): string {
  if (kind === "business_licence") return "营业执照";
  if (kind.startsWith("certificate:")) return `${qualificationName(zone, kind.slice("certificate:".length))}证书`;
  return kind;
}

export const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Form controls beyond the account pages' inputs: selects, textareas, fieldsets, file inputs; the timeline. */
export const ONBOARDING_CSS = `
.field select,.field textarea{min-height:44px;width:100%;padding:8px 12px;font:inherit;color:var(--ink);background:#fff;
  border:1px solid #8a94a3;border-radius:6px}
.field textarea{min-height:96px}
.field input[type=file]{padding:8px 4px;border-style:dashed}
.field select[aria-invalid=true],.field textarea[aria-invalid=true]{border:2px solid #b42318}
fieldset.group{border:1px solid var(--line);border-radius:var(--radius);padding:12px 14px 16px;margin:0;display:flex;
  flex-direction:column;gap:14px;min-width:0}
fieldset.group legend{font-weight:700;padding:0 6px}
.grid2{display:grid;gap:14px}
@media(min-width:760px){.grid2{grid-template-columns:1fr 1fr}}
.qual{border-top:1px dashed var(--line);padding-top:10px;display:flex;flex-direction:column;gap:10px}
.apply{max-width:860px;padding-top:24px;padding-bottom:40px}
ol.timeline{list-style:none;margin:0;padding:0 0 0 14px;border-left:3px solid var(--line)}
ol.timeline li{margin:0 0 14px;padding-left:8px}
ol.timeline .when{color:var(--muted);font-size:.88rem}
ol.timeline blockquote{margin:4px 0 0;padding:6px 10px;background:var(--bg);border-radius:6px;white-space:pre-wrap}
dl.facts.wide{display:grid;grid-template-columns:minmax(7em,max-content) 1fr;gap:6px 16px}
dl.facts.wide dd{margin:0;word-break:break-all}
.counts{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0;margin:0 0 14px}
.counts a{display:inline-flex;align-items:center;min-height:44px;padding:0 12px;border:1px solid var(--line);
  border-radius:6px;background:var(--card);text-decoration:none}
.counts a[aria-current=true]{border-color:var(--primary);font-weight:700}
form.filters{display:grid;gap:10px;margin:0 0 16px}
@media(min-width:760px){form.filters{grid-template-columns:repeat(4,1fr) auto;align-items:end}}
.status{display:inline-block;padding:0 8px;border-radius:4px;font-size:.85rem;border:1px solid currentColor}
.status.approved{color:#067647}.status.rejected{color:#b42318}.status.returned{color:#b54708}
.status.submitted{color:var(--primary)}
.decisions{display:grid;gap:14px}
@media(min-width:760px){.decisions{grid-template-columns:repeat(3,1fr)}}
`;
