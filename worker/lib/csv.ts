/**
 * CSV that Excel (zh-CN) opens correctly — the one writer for every export: UTF-8
 * with a BOM (else Excel guesses GBK), CRLF line ends and RFC 4180 quoting. A cell
 * a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading single
 * quote (OWASP CSV injection). Callers pass amounts as plain numbers (fenToPlainYuan)
 * so Excel reads them as numbers.
 */
export type CsvValue = string | number | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
