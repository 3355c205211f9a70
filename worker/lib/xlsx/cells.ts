/**
 * One worksheet row as SpreadsheetML: cells typed by their column's format, so a spreadsheet
 * sums amounts and sorts dates. Strings are inline (`t="inlineStr"`): a streamed sheet cannot
 * know its shared-string table in advance, and an inline string is never read as a formula,
 * so the CSV's formula-injection quote is not needed here.
 */
import { fenToPlainWan, fenToPlainYuan } from "../money";
import type { XlsxFormat } from "./types";

/** Style ids in styles.xml's cellXfs, in this order (package-parts.ts writes them). */
export const STYLE: Record<XlsxFormat | "header", number> = {
  header: 1,
  text: 2,
  integer: 3,
  yuan: 4,
  wan: 5,
  percent: 6,
  date: 7,
  datetime: 8,
  number: 9,
};

/** Excel's limits: longer text is cut (Excel refuses the file otherwise), more rows or columns cannot be opened. */
export const MAX_CELL_TEXT = 32_767;
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

const DAY_MS = 86_400_000;
/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug folded in); serials count days from it. */
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);
/** Beijing time has no daylight saving: a fixed +8 hours. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Text safe inside an XML element or attribute: the five specials escaped, characters XML 1.0
 * forbids (C0 controls other than tab/LF/CR, U+FFFE/FFFF, lone surrogates) dropped — one of
 * them in a cell makes Excel call the whole file corrupt.
 */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, "")
    .replace(LONE_SURROGATE, "")
    .replace(/[&<>"]/g, (ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : "&quot;"));
}
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function inlineStringCell(ref: string, text: string, style: number): string {
  const cut = text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${xmlText(cut)}</t></is></c>`;
}

function numberCell(ref: string, n: number | string, style: number): string {
  return `<c r="${ref}" s="${style}"><v>${n}</v></c>`;
}

/**
 * A date or a moment as an Excel serial in Beijing time: a 'YYYY-MM-DD' (or 'YYYY-MM-DD HH:MM[:SS]')
 * string is already Beijing wall time; epoch milliseconds and Date objects are shifted to it.
 */
export function excelSerial(value: unknown, format: "date" | "datetime"): number | null {
  let wallMs: number | null = null;
  if (typeof value === "string") {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value.trim());
    if (m) {
      const [, y, mo, d, h = "0", mi = "0", s = "0"] = m;
      wallMs = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
      // Date.UTC rolls 2026-02-30 over to March: a date or time that does not exist is not one.
      const back = new Date(wallMs);
      if (
        back.getUTCMonth() !== Number(mo) - 1 ||
        back.getUTCDate() !== Number(d) ||
        back.getUTCHours() !== Number(h)
      ) {
        wallMs = null;
      }
    }
  } else if (typeof value === "number" && Number.isFinite(value)) {
    wallMs = value + SHANGHAI_OFFSET_MS;
  } else if (value instanceof Date && !Number.isNaN(value.getTime())) {
    wallMs = value.getTime() + SHANGHAI_OFFSET_MS;
  }
  if (wallMs === null) return null;
  const days = (wallMs - EPOCH_1899_12_30) / DAY_MS;
  if (days < 1) return null; // before 1900: Excel has no such date
  // A date shows the day and a moment its second, cut rather than rounded (as the CSV writes them):
  // 23:59:59.6 is still that day.
  const seconds = Math.floor((wallMs - EPOCH_1899_12_30) / 1000);
  return format === "date" ? Math.floor(days) : seconds / 86_400;
}

/**
 * The cell's number in the column's unit (amounts as exact decimals, from lib/money), or null
 * when the value is not a number of that kind.
 */
function numberFor(value: unknown, format: Exclude<XlsxFormat, "text" | "date" | "datetime">): number | string | null {
  const n = typeof value === "number" ? value : typeof value === "bigint" ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) return null;
  switch (format) {
    case "integer":
    case "number":
      return n;
    case "yuan":
      return Number.isSafeInteger(n) ? fenToPlainYuan(n) : n / 100; // fen → 元
    case "wan":
      return Number.isSafeInteger(n) ? fenToPlainWan(n) : n / 1_000_000; // fen → 万元
    case "percent":
      // 35.2 (per cent) → 0.352, shown as 35.20%; 15 digits drop the binary noise of the division.
      return Number((n / 100).toPrecision(15));
  }
}

/** One cell, or "" for an empty value (a sheet leaves empty cells out). */
export function cellXml(ref: string, value: unknown, format: XlsxFormat): string {
  if (value === null || value === undefined || value === "") return "";
  const style = STYLE[format];
  if (format === "text") return inlineStringCell(ref, String(value), style);
  const n = format === "date" || format === "datetime" ? excelSerial(value, format) : numberFor(value, format);
  // A value that is not of the column's kind is kept as text rather than lost or miscounted.
  return n === null ? inlineStringCell(ref, String(value), STYLE.text) : numberCell(ref, n, style);
}

/** A whole row; `rowNumber` is 1-based as in A1 references. */
export function rowXml(rowNumber: number, values: readonly unknown[], formats: readonly XlsxFormat[]): string {
  let cells = "";
  for (let i = 0; i < formats.length; i++) cells += cellXml(`${columnLetter(i)}${rowNumber}`, values[i], formats[i]!);
  return `<row r="${rowNumber}">${cells}</row>`;
}
