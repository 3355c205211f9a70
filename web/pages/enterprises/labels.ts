/** Words, formats and page CSS the enterprise pages share. */
import type { ZoneConfig } from "../../../tenants/schema";
import { formatMoney, type MoneyUnit } from "../../../worker/lib/money";
import { formatDateZh } from "../../format";

export const QUALIFICATION_STATUS_LABEL = {
  pending_review: "待园区审核",
  verified: "已核实",
  rejected: "未通过",
  withdrawn: "已替代",
} as const;

export const ENTERPRISE_STATUS_LABEL = { active: "正常", suspended: "已暂停" } as const;

/** How history rows name what changed; a stored key without a label here is bookkeeping and not shown. */
export const FIELD_LABEL: Record<string, string> = {
  name: "企业名称",
  uscc: "统一社会信用代码",
  legalRep: "法定代表人",
  registeredOn: "注册日期",
  registeredCapitalFen: "注册资本",
  address: "地址",
  contactName: "联系人",
  contactMobile: "联系电话",
  contactEmail: "联系邮箱",
  employees: "员工人数",
  industry: "重点产业",
  industryClass: "行业代码",
  revenueFen: "营业收入",
  rdExpenseFen: "研发费用",
  rdSuperDeductionFen: "研发费用加计扣除额",
  taxPaidFen: "纳税额",
  rdStaff: "研发人员数",
  exportsFen: "出口额",
  inventionPatentsFiled: "发明专利申请数",
  inventionPatentsGranted: "发明专利授权数",
  validInventionPatents: "有效发明专利数",
  certificateNo: "证书编号",
  issuedOn: "发证日期",
  validUntil: "有效期至",
  status: "状态",
  reviewNote: "审核意见",
  member: "成员",
  code: "资质",
};

export function subjectLabel(subject: string): string {
  if (subject === "profile") return "企业资料";
  if (subject === "members") return "成员";
  if (subject === "status") return "企业状态";
  if (subject.startsWith("figures:")) return `${subject.slice(8)} 年度数据`;
  if (subject.startsWith("qualification:")) return "资质";
  return subject;
}

/** Status words kept in history rows (enterprise, member and qualification statuses). */
const STATUS_VALUE_LABEL: Record<string, string> = {
  ...ENTERPRISE_STATUS_LABEL,
  ...QUALIFICATION_STATUS_LABEL,
  removed: "已移除",
};

/**
 * A stored value as a person reads it: money by the one rule (`unit` keeps a
 * before → after pair in one unit), dates in Chinese, codes and statuses as names.
 */
export function displayValue(zone: ZoneConfig, key: string, value: unknown, unit?: MoneyUnit): string {
  if (value === null || value === undefined || value === "") return "(空)";
  if (key.endsWith("Fen") && typeof value === "number") return formatMoney(value, { unit });
  if (typeof value === "boolean") return value ? "是" : "否";
  if (key === "industry") return zone.priorityIndustries.find((i) => i.code === value)?.zh ?? String(value);
  if (key === "code") return zone.qualifications.find((q) => q.code === value)?.zh ?? String(value);
  if (key === "status") return STATUS_VALUE_LABEL[String(value)] ?? String(value);
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDateZh(value);
  return String(value);
}

/** A money cell of a table column, always in 万元 (a column keeps one unit). */
export const wanOrDash = (fen: number | null) => (fen === null ? "—" : formatMoney(fen, { unit: "万元" }));

export const industryName = (zone: ZoneConfig, code: string | null) =>
  code ? (zone.priorityIndustries.find((i) => i.code === code)?.zh ?? code) : "—";

/** Page CSS for these pages (inline style attributes are blocked by the CSP; Layout's css prop is nonce'd). */
export const ENTERPRISE_CSS = `
.ent section{margin:0 0 28px}
.ent h2{font-size:1.15rem;margin:0 0 10px}
.ent .facts{display:grid;grid-template-columns:1fr;gap:6px 18px;margin:0;background:var(--card);
  border:1px solid var(--line);border-radius:var(--radius);padding:14px 16px}
@media (min-width:720px){.ent .facts{grid-template-columns:repeat(2,1fr)}}
.ent .facts div{display:flex;flex-direction:column}
.ent .facts dt{color:var(--muted);font-size:.86rem}
.ent .facts dd{margin:0;word-break:break-all}
.ent .note{color:var(--muted);font-size:.9rem;margin:6px 0 10px}
.ent .actions{display:flex;flex-wrap:wrap;gap:8px;margin:10px 0 0}
.ent .actions form{margin:0}
.ent .tag{display:inline-block;font-size:.8rem;border-radius:4px;padding:0 6px;border:1px solid var(--line)}
.ent .tag.verified{background:#ecfdf3;border-color:#32d583}
.ent .tag.pending_review{background:#fffaeb;border-color:#fdb022}
.ent .tag.rejected,.ent .tag.expired,.ent .tag.suspended{background:#fef3f2;border-color:#f04438}
.ent .form-grid{display:grid;gap:14px;grid-template-columns:1fr}
@media (min-width:720px){.ent .form-grid{grid-template-columns:repeat(2,1fr)}}
.ent .field select,.ent .field textarea{min-height:44px;width:100%;padding:8px 12px;font:inherit;color:var(--ink);
  background:#fff;border:1px solid #8a94a3;border-radius:6px}
.ent .filters{display:grid;gap:10px;grid-template-columns:1fr;align-items:end;margin:0 0 14px}
@media (min-width:720px){.ent .filters{grid-template-columns:2fr 1fr 1fr 1fr auto}}
.ent .pager{display:flex;gap:14px;align-items:center;margin:12px 0}
.ent .history li{margin:0 0 6px}
`;
