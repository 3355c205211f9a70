/**
 * A typed export row (the cells an .xlsx sheet takes) as the CSV writes the same cells: amounts as
 * plain 元 or 万元, moments as Beijing time — so a table defined once exports the same figures in both.
 */
import { shanghaiDateTime } from "../calendar";
import type { CsvValue } from "../csv";
import { fenToPlainWan, fenToPlainYuan } from "../money";
import type { XlsxColumn } from "./types";

export function csvValues(columns: readonly XlsxColumn[], row: readonly unknown[]): CsvValue[] {
  return columns.map((column, i) => {
    const v = row[i];
    if (v === null || v === undefined) return null;
    if (typeof v === "number" && Number.isSafeInteger(v)) {
      if (column.format === "yuan") return fenToPlainYuan(v);
      if (column.format === "wan") return fenToPlainWan(v);
      if (column.format === "date" || column.format === "datetime")
        return shanghaiDateTime(v).slice(0, column.format === "date" ? 10 : 19);
    }
    if (v instanceof Date) return shanghaiDateTime(v.getTime()).slice(0, column.format === "date" ? 10 : 19);
    return typeof v === "number" || typeof v === "string" ? v : String(v);
  });
}
