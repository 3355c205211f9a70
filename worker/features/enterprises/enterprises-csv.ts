/**
 * The directory as a CSV that Excel (zh-CN) opens correctly: UTF-8 with a BOM
 * (else Excel guesses GBK), CRLF line ends and RFC 4180 quoting. A cell a
 * spreadsheet would run as a formula (= + - @, tab, CR) gets a leading single
 * quote (OWASP CSV injection). Amounts are plain 元 with two decimals, no
 * thousands separators, so Excel reads them as numbers.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type { DirectoryEntry } from "./list-enterprises";
import { fenToPlainYuan } from "../../lib/money";
import { shanghaiDate } from "./yuan";

export const CSV_HEADER = [
  "企业名称",
  "统一社会信用代码",
  "法定代表人",
  "注册日期",
  "注册资本(元)",
  "重点产业",
  "行业代码",
  "员工人数",
  "资质",
  "联系人",
  "联系电话",
  "最近年度营业收入(元)",
  "状态",
];

export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(rows: (string | number | null)[][]): string {
  return "\uFEFF" + rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export function enterprisesCsv(zone: ZoneConfig, entries: DirectoryEntry[]): string {
  const industry = new Map(zone.priorityIndustries.map((i) => [i.code, i.zh]));
  const qualification = new Map(zone.qualifications.map((q) => [q.code, q.zh]));
  const rows = entries.map((e) => [
    e.name,
    e.uscc,
    e.legalRep,
    e.registeredOn,
    e.registeredCapitalFen === null ? null : fenToPlainYuan(e.registeredCapitalFen),
    e.industry ? (industry.get(e.industry) ?? e.industry) : null,
    e.industryClass,
    e.employees,
    e.qualifications.map((c) => qualification.get(c) ?? c).join("、"),
    e.contactName,
    e.contactMobile,
    e.latestRevenue ? fenToPlainYuan(e.latestRevenue.revenueFen) : null,
    e.status === "active" ? "正常" : "已暂停",
  ]);
  return toCsv([CSV_HEADER, ...rows]);
}

/** attachment; filename*=UTF-8''…: the Chinese name survives every modern browser, with an ASCII fallback. */
export function csvDisposition(zone: ZoneConfig, now: Date): string {
  const date = shanghaiDate(now);
  return `attachment; filename="enterprises-${zone.slug}-${date}.csv"; filename*=UTF-8''${encodeURIComponent(`${zone.shortName.zh}企业名录-${date}.csv`)}`;
}
