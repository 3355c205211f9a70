/**
 * The enterprise directory as an export: one list of columns and typed rows, written as CSV
 * (worker/lib/csv.ts: Excel-safe; amounts plain 元 with two decimals) or as an .xlsx sheet
 * (worker/lib/xlsx: amounts as numbers in 元), so the two files always carry the same cells.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type { DirectoryEntry } from "./list-enterprises";
import { toCsv } from "../../lib/csv";
import { shanghaiDate } from "../../lib/calendar";
import type { XlsxColumn } from "../../lib/xlsx";
import { csvValues } from "../../lib/xlsx/csv-values";

export const DIRECTORY_COLUMNS: XlsxColumn[] = [
  { header: "企业名称", format: "text", width: 30 },
  { header: "统一社会信用代码", format: "text", width: 22 },
  { header: "法定代表人", format: "text" },
  { header: "注册日期", format: "date" },
  { header: "注册资本(元)", format: "yuan" },
  { header: "重点产业", format: "text", width: 16 },
  { header: "行业代码", format: "text" },
  { header: "员工人数", format: "integer" },
  { header: "资质", format: "text", width: 24 },
  { header: "联系人", format: "text" },
  { header: "联系电话", format: "text", width: 14 },
  { header: "最近年度营业收入(元)", format: "yuan" },
  { header: "状态", format: "text", width: 8 },
];

export function enterprisesCsv(zone: ZoneConfig, entries: DirectoryEntry[]): string {
  const row = directoryRow(zone);
  return toCsv([DIRECTORY_COLUMNS.map((c) => c.header), ...entries.map((e) => csvValues(DIRECTORY_COLUMNS, row(e)))]);
}

/** A directory entry as cells in DIRECTORY_COLUMNS' order: codes as the zone's names, amounts in fen. */
export function directoryRow(zone: ZoneConfig): (e: DirectoryEntry) => unknown[] {
  const industry = new Map(zone.priorityIndustries.map((i) => [i.code, i.zh]));
  const qualification = new Map(zone.qualifications.map((q) => [q.code, q.zh]));
  return (e) => [
    e.name,
    e.uscc,
    e.legalRep,
    e.registeredOn,
    e.registeredCapitalFen,
    e.industry ? (industry.get(e.industry) ?? e.industry) : null,
    e.industryClass,
    e.employees,
    e.qualifications.map((c) => qualification.get(c) ?? c).join("、"),
    e.contactName,
    e.contactMobile,
    e.latestRevenue ? e.latestRevenue.revenueFen : null,
    e.status === "active" ? "正常" : "已暂停",
  ];
}

/** attachment; filename*=UTF-8''…: the Chinese name survives every modern browser, with an ASCII fallback. */
export function csvDisposition(zone: ZoneConfig, now: Date): string {
  const date = shanghaiDate(now);
  const zh = encodeURIComponent(`${zone.shortName.zh}企业名录-${date}.csv`);
  return `attachment; filename="enterprises-${zone.slug}-${date}.csv"; filename*=UTF-8''${zh}`;
}
