/**
 * Numbers as people type them on the 金融超市 forms — amounts in 万元, annual
 * rates in percent — to fen and basis points, by string and never through
 * floats, with a message naming what to type. One parser for every form and filter.
 */
const clean = (s: string) => s.replace(/[\s,,]/g, "");

/** "1234.5" 万元 → 12345000000 fen; up to six decimals (one fen) and nine integer digits (below 10^14 fen). */
export function wanToFen(text: string): { ok: true; fen: number } | { ok: false; message: string } {
  const m = /^(\d{1,9})(?:\.(\d{1,6}))?$/.exec(clean(text));
  if (!m) return { ok: false, message: clean(text).startsWith("-") ? "金额不能为负数" : "请填写以万元为单位的金额,如 500 或 12.5" };
  return { ok: true, fen: Number(m[1]) * 1_000_000 + Number((m[2] ?? "").padEnd(6, "0")) };
}

/** "3.45" (%) → 345 basis points; at most two decimals. */
export function percentToBp(text: string): { ok: true; bp: number } | { ok: false; message: string } {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(clean(text).replace(/%$/, ""));
  if (!m) return { ok: false, message: "请填写年利率(%),最多两位小数,如 3.45" };
  return { ok: true, bp: Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) };
}

/** A whole number of months or years. */
export function wholeNumber(text: string, unit: string): { ok: true; n: number } | { ok: false; message: string } {
  const s = clean(text);
  return /^\d{1,4}$/.test(s) ? { ok: true, n: Number(s) } : { ok: false, message: `请填写整数${unit}` };
}

