/**
 * Numbers as people type them on the 金融超市 forms — amounts in 万元 (or with
 * their own unit: "5000元", "1.2亿"), annual rates in percent — to fen and basis
 * points through the one parser (worker/lib/amount-input.ts): by string, never
 * through floats, with a message naming what to type.
 */
import { normaliseNumberText, parseAmount, parsePercent } from "../../lib/amount-input";
import { MAX_FEN } from "../../lib/money";

/** "1234.5" → 12345000000 fen; "3亿" → 3亿元, "5000元" → 5000元; at most MAX_FEN (the services bound it further). */
export function wanToFen(text: string): { ok: true; fen: number } | { ok: false; message: string } {
  const r = parseAmount(text, { unit: "万元", maxFen: MAX_FEN });
  return r.ok ? r : { ok: false, message: r.message };
}

const RATE_HINT = "请填写年利率(%),最多两位小数,如 3.45";

/** "3.45" or "3.45%" → 345 basis points; at most two decimals. */
export function percentToBp(text: string): { ok: true; bp: number } | { ok: false; message: string } {
  const r = parsePercent(text, { max: 100 });
  if (r.ok) return { ok: true, bp: r.bp };
  return {
    ok: false,
    message: r.reason === "negative" ? "年利率不能为负数" : r.reason === "too_large" ? "年利率不超过36%" : RATE_HINT,
  };
}

/** A whole number of months or years. */
export function wholeNumber(text: string, unit: string): { ok: true; n: number } | { ok: false; message: string } {
  const s = normaliseNumberText(text).replace(/,/g, "");
  return /^\d{1,4}$/.test(s) ? { ok: true, n: Number(s) } : { ok: false, message: `请填写整数${unit}` };
}
