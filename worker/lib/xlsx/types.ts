/** The workbook an export describes: sheets of typed columns (worker/lib/xlsx/index.ts writes it). */
/**
 * How a column's values are written. Amounts are integer fen: "yuan" writes 元 (fen / 100) and
 * "wan" 万元 (fen / 1,000,000), both shown #,##0.00 — say the unit in the header, e.g. "金额(万元)".
 * "number" writes a figure as it is (General: 2.64 stays 2.64; "integer" shows #,##0).
 * "percent" takes the number of per cent (35.2 → 35.20%). "date" and "datetime" take 'YYYY-MM-DD'
 * (Beijing wall time) or epoch milliseconds / a Date (shown in Asia/Shanghai). A value that does
 * not fit its column's format is written as text, never dropped; null, undefined and "" are empty.
 */
export type XlsxFormat = "text" | "integer" | "number" | "yuan" | "wan" | "percent" | "date" | "datetime";
export interface XlsxColumn {
  header: string;
  format: XlsxFormat;
  /** In characters; by default from the header (CJK counts double) and the format. */
  width?: number;
}
export interface XlsxSheet {
  /** Made valid for Excel: at most 31 characters, none of []:*?/\, unique in the workbook. */
  name: string;
  columns: XlsxColumn[];
  rows: Iterable<unknown[]> | AsyncIterable<unknown[]>;
}
