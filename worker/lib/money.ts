/**
 * Money as people read it, one rule for every page, message, mail and
 * explanation (the policy engine's reasons too; pure, no I/O):
 *
 * - from 1万元 (|amount| ≥ 1,000,000 fen) in 万元, rounded half up to two
 *   decimals of 万元 (100 元): 11,194,092元 → "1,119.41万元", 1亿元 → "10,000万元";
 * - below that in 元 with its fen: "0元", "0.05元", "9,999.99元";
 * - trailing zeros of the decimals dropped ("2.5万元", "12.5元"), the integer
 *   part grouped in thousands ("1,374.84万元"), a minus sign for negatives.
 *
 * Amounts read together — a sentence, a range, a table column — share one
 * unit, so "1,374.84万元" never stands beside "11,194,092元": pass `unit`
 * (a column: `formatMoney(fen, { unit: "万元" })`) or use moneyFormatter,
 * formatMoneyTogether or formatMoneyRange. A rate per unit ("每平方米50元") is not a sum and keeps the
 * rule on its own.
 *
 * Form fields and CSV cells are not reading: they get plain numbers that the
 * parsers take back (fenToPlainYuan, fenToPlainWan).
 */

import { parseAmount } from "./amount-input";

/** Up to 10^15 fen (10 万亿元) keeps every sum and product below 2^53 where the engine uses numbers. */
export const MAX_FEN = 1e15;

/** "12,345.67" → 1234567, "300万" → 300000000 (元 by default); a sentence to show when the text is not an amount. */
export function yuanToFen(text: string): { ok: true; fen: number } | { ok: false; message: string } {
  const r = parseAmount(text, { unit: "元", maxFen: MAX_FEN });
  return r.ok ? r : { ok: false, message: r.message };
}

export type MoneyUnit = "万元" | "元";

const FEN_PER_YUAN = 100;
const FEN_PER_WAN = 1_000_000;
/** Hundredths of a 万元: the finest step shown in 万元. */
const FEN_PER_WAN_CENT = 10_000;

export interface MoneyFormat {
  /** Force a unit (a table column, a sentence); by default 万元 from 1万元, else 元. */
  unit?: MoneyUnit;
  /**
   * Amounts this one is compared with (a policy's threshold): where two decimals
   * would show it as one of them while it is not (199,999,999.99元 beside
   * “2亿元以上”), it is shown exact to the fen instead ("19,999.999999万元").
   */
  near?: readonly number[];
}

/** The unit the rule picks for an amount, or for several read together: 万元 if any reaches 1万元. */
export function moneyUnit(...fens: readonly number[]): MoneyUnit {
  return fens.some((f) => Math.abs(f) >= FEN_PER_WAN) ? "万元" : "元";
}

/** 137484000 → "1,374.84万元", 999999 → "9,999.99元", 0 → "0元". */
export function formatMoney(fen: number, opts: MoneyFormat = {}): string {
  const unit = opts.unit ?? moneyUnit(fen);
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(Math.trunc(fen));
  if (unit === "元") return `${sign}${decimal(Math.floor(abs / FEN_PER_YUAN), abs % FEN_PER_YUAN)}元`;
  // Half up to a hundredth of 万元, on integers (fen stay below 2^53, so this is exact).
  const hundredths = Math.floor((abs + FEN_PER_WAN_CENT / 2) / FEN_PER_WAN_CENT);
  // A forced 万元 column must not show 49元 as "0万元".
  if (hundredths === 0 && abs > 0) return `${sign}不足0.01万元`;
  const text = `${sign}${decimal(Math.floor(hundredths / 100), hundredths % 100)}万元`;
  if (opts.near?.some((n) => n !== fen && formatMoney(n, { unit }) === text)) {
    const frac = String(abs % FEN_PER_WAN)
      .padStart(6, "0")
      .replace(/0+$/, "");
    return `${sign}${decimal(Math.floor(abs / FEN_PER_WAN), 0)}${frac ? `.${frac}` : ""}万元`;
  }
  return text;
}

/** A formatter for the amounts of one sentence: each in the unit that all of them pick. */
export function moneyFormatter(...fens: readonly number[]): (fen: number) => string {
  const unit = moneyUnit(...fens);
  return (fen) => formatMoney(fen, { unit });
}

/** Several amounts of one sentence in one unit: [500000, 29500000] → ["0.5万元", "29.5万元"]. */
export function formatMoneyTogether(fens: readonly number[]): string[] {
  const unit = moneyUnit(...fens);
  return fens.map((f) => formatMoney(f, { unit }));
}

/** A range in one unit: "30万元至100万元", "最高50万元" (from 0), or one amount when both ends agree. */
export function formatMoneyRange(minFen: number, maxFen: number, opts: MoneyFormat = {}): string {
  const unit = opts.unit ?? moneyUnit(minFen, maxFen);
  const max = formatMoney(maxFen, { unit });
  if (minFen === maxFen) return max;
  return minFen > 0 ? `${formatMoney(minFen, { unit })}至${max}` : `最高${max}`;
}

/** 1234567 → "12345.67": a plain number of 元 for a form field or a CSV cell (no separators, two decimals). */
export function fenToPlainYuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / FEN_PER_YUAN)}.${String(abs % FEN_PER_YUAN).padStart(2, "0")}`;
}

/** 1234500000 → "1234.5": a plain number of 万元 for a form field (exact to the fen, no float drift). */
export function fenToPlainWan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const frac = String(abs % FEN_PER_WAN)
    .padStart(6, "0")
    .replace(/0+$/, "");
  return `${sign}${Math.floor(abs / FEN_PER_WAN)}${frac ? `.${frac}` : ""}`;
}

/** Integer part grouped in thousands, then up to two decimals without trailing zeros. */
function decimal(int: number, hundredths: number): string {
  const grouped = String(int).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  if (hundredths === 0) return grouped;
  return `${grouped}.${String(hundredths).padStart(2, "0").replace(/0$/, "")}`;
}
