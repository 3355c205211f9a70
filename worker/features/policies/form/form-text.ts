/**
 * Values of the rule format as a form shows them and back: money in 万元 (exact to the fen, so a
 * programme saved unchanged gives back the same fen), percentages and counts as plain numbers.
 * Parsing returns a Chinese sentence for the field instead of throwing.
 */
import { parseAmount, parsePercent } from "../../../lib/amount-input";
import { MAX_FEN } from "../../../lib/money";

const FEN_PER_WAN = 1_000_000;

/** 3000000 fen → "3"; 12345 fen → "0.012345" (万元, every fen kept). */
export function wanText(fen: number): string {
  const whole = Math.floor(fen / FEN_PER_WAN);
  const rest = String(fen % FEN_PER_WAN)
    .padStart(6, "0")
    .replace(/0+$/, "");
  return rest ? `${whole}.${rest}` : String(whole);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** "300", "300万", "8千万", "1.5亿" in a 万元 field → fen. */
export function parseWan(text: string): Parsed<number> {
  const r = parseAmount(text, { unit: "万元", maxFen: MAX_FEN });
  return r.ok ? { ok: true, value: r.fen } : { ok: false, message: r.message };
}

export function parsePercentText(text: string): Parsed<number> {
  const r = parsePercent(text);
  return r.ok ? { ok: true, value: r.percent } : { ok: false, message: r.message };
}

/** A count or a threshold number (not money): decimals only where `integer` is false. */
export function parseNumberText(text: string, opts: { integer: boolean; min?: number }): Parsed<number> {
  const s = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const shape = opts.integer ? /^-?\d{1,12}$/ : /^-?\d{1,12}(\.\d{1,4})?$/;
  if (!shape.test(s)) return { ok: false, message: opts.integer ? "请填写整数,如 3。" : "请填写数字,如 3 或 2.5。" };
  const n = Number(s);
  if (opts.min !== undefined && n < opts.min) return { ok: false, message: `不能小于 ${opts.min}。` };
  return { ok: true, value: n };
}

export function parseDateText(text: string): Parsed<string> {
  const s = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`)))
    return { ok: false, message: "请填写日期,如 2026-03-01。" };
  return { ok: true, value: s };
}
