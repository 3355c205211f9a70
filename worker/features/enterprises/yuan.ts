/**
 * Money as people type it (元, up to two decimals) to integer fen, and the
 * calendar in Asia/Shanghai. Parsing is by string, never through floats:
 * 12345.67 元 must be 1234567 fen exactly. (Money shown to people, and plain
 * numbers for fields and CSV: worker/lib/money.ts.)
 */

/** Up to 13 integer digits keeps fen below 2^53 (Number.MAX_SAFE_INTEGER). */
const YUAN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** "12,345.67" → 1234567; a sentence to show when the text is not an amount. */
export function yuanToFen(text: string): { ok: true; fen: number } | { ok: false; message: string } {
  const s = text.replace(/[\s,,]/g, "");
  if (s.startsWith("-")) return { ok: false, message: "金额不能为负数。" };
  const m = YUAN.exec(s);
  if (!m) return { ok: false, message: "请填写以元为单位的金额,最多两位小数,如 12345.67。" };
  return { ok: true, fen: Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) };
}

const SHANGHAI_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

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
