/**
 * Money as the yearly figures form takes it (元 by default; "300万" and "3亿"
 * too), and the calendar in Asia/Shanghai. Parsing is the one parser's
 * (worker/lib/amount-input.ts): by string, never through floats. (Money shown
 * to people, and plain numbers for fields and CSV: worker/lib/money.ts.)
 */
import { parseAmount } from "../../lib/amount-input";
import { MAX_FEN } from "../../engines/policy/format/common";

/** "12,345.67" → 1234567, "300万" → 300000000; a sentence to show when the text is not an amount. At most MAX_FEN, as the engine takes. */
export function yuanToFen(text: string): { ok: true; fen: number } | { ok: false; message: string } {
  const r = parseAmount(text, { unit: "元", maxFen: MAX_FEN });
  return r.ok ? r : { ok: false, message: r.message };
}

const SHANGHAI_DATE = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Asia/Shanghai, YYYY-MM-DD. */
export function shanghaiDate(now: Date): string {
  return SHANGHAI_DATE.format(now);
}

/** A moment as Beijing time, "2026-06-01 10:00:00", for CSV cells Excel reads as a date and time (China keeps UTC+8 all year). */
export function shanghaiDateTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
}

/** A real calendar date written YYYY-MM-DD (no 2025-02-30). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
