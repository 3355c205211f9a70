/** The enterprise directory as CSV (worker/lib/csv.ts: Excel-safe); amounts are plain 元 with two decimals. */
import type { ZoneConfig } from "../../../tenants/schema";
import type { DirectoryEntry } from "./list-enterprises";
import { fenToPlainYuan } from "../../lib/money";
import { toCsv } from "../../lib/csv";
import { shanghaiDate } from "../../lib/calendar";

const CSV_HEADER = [
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

export function enterprisesCsv(zone: ZoneConfig, entries: DirectoryEntry[]): string {
  return toCsv([CSV_HEADER, ...csvRows(zone, entries)]);
}

function csvRows(zone: ZoneConfig, entries: DirectoryEntry[]) {
  const industry = new Map(zone.priorityIndustries.map((i) => [i.code, i.zh]));
  const qualification = new Map(zone.qualifications.map((q) => [q.code, q.zh]));
  return entries.map((e) => [
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
}

/** attachment; filename*=UTF-8''…: the Chinese name survives every modern browser, with an ASCII fallback. */
export function csvDisposition(zone: ZoneConfig, now: Date): string {
  const date = shanghaiDate(now);
  const zh = encodeURIComponent(`${zone.shortName.zh}企业名录-${date}.csv`);
  return `attachment; filename="enterprises-${zone.slug}-${date}.csv"; filename*=UTF-8''${zh}`;
}
