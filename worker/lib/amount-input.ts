/**
 * The one parser for money and percentages as people type them, on every form
 * (政策计算器, the application form, staff amounts, 金融超市, yearly figures).
 * Pure; the other direction (showing money) is ./money.ts.
 *
 * People write "300万", "3亿元", "1,234.56", "１２３万" (an input method's
 * full-width digits) or "0.5亿" and mean exactly that: a unit typed with the
 * number wins over the field's own unit, so a field labelled 万元 reads "300"
 * as 300万元 but "3亿" as 3亿元 and "5000元" as 5000元. Arithmetic is on decimal
 * strings and BigInt, never floats: "1.005万" is 10,050元 to the fen, and an
 * amount finer than a fen is refused with a message rather than rounded, as
 * is one past Number.MAX_SAFE_INTEGER fen (above it integers are no longer exact).
 */

/** The unit a bare number is read in: the unit in the field's label. */
export type FieldUnit = "元" | "万元";

export interface AmountOptions {
  /** Default 元. */
  unit?: FieldUnit;
  /** Negative amounts (a loss, a decrease); refused by default. */
  allowNegative?: boolean;
  /** Largest absolute amount in fen; default (and at most) Number.MAX_SAFE_INTEGER. */
  maxFen?: number;
}

/** Why a text was refused, for a caller that words one case its own way. */
export type InputFailure = "empty" | "format" | "separators" | "negative" | "precision" | "too_large";
export type Failed = { ok: false; reason: InputFailure; message: string };
export type ParsedAmount = { ok: true; fen: number } | Failed;
export type ParsedPercent = { ok: true; bp: number; percent: number } | Failed;

/** Fen in one of each unit a person may type after the number (元 may follow any of them). */
const FEN_PER: Record<string, bigint> = {
  "": 100n,
  千: 100_000n,
  万: 1_000_000n,
  百万: 100_000_000n,
  千万: 1_000_000_000n,
  亿: 10_000_000_000n,
};
/** Decimals that still name whole fen in a unit, as a sentence says them. */
const DECIMALS_ZH: Record<string, string> = { "": "两", 千: "五", 万: "六", 百万: "八", 千万: "九", 亿: "十" };

/** Sign, optional ¥, the number (separators checked below), its decimals, then a unit. */
const AMOUNT = /^([+-]?)¥?(\d[\d,]*)(?:\.(\d+))?(千万|百万|千|万|亿)?(元)?$/;
const PERCENT = /^([+-]?)(\d+)(?:\.(\d+))?(%|个百分点|百分点)?$/;
const GROUPED = /^\d{1,3}(,\d{3})+$/;
/** Longer than any amount a person means; also bounds the BigInt work. */
const MAX_LENGTH = 64;

const failed = (reason: InputFailure, message: string): Failed => ({ ok: false, reason, message });

/**
 * Full-width digits and punctuation (as Chinese input methods type them) to
 * ASCII, and every space removed (between the number and its unit, or left
 * by a paste).
 */
export function normaliseNumberText(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, ".")
    .replace(/，/g, ",")
    .replace(/[－−﹣]/g, "-")
    .replace(/＋/g, "+")
    .replace(/％/g, "%")
    .replace(/￥/g, "¥")
    .replace(/\s+/g, "");
}

function formatHint(unit: FieldUnit): string {
  return unit === "万元"
    ? "请填写金额(万元),如 300 或 50.5;也可写 3亿 或 3,000,000元。"
    : "请填写以元为单位的金额,如 3,000,000;也可写 300万 或 3亿。";
}

/** "10万" → 10,000,000 fen; "300" in a 万元 field → 3,000,000,000 fen; a sentence to show otherwise. */
export function parseAmount(text: string, opts: AmountOptions = {}): ParsedAmount {
  const fieldUnit = opts.unit ?? "元";
  const maxFen = BigInt(Math.floor(Math.min(opts.maxFen ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)));
  const s = normaliseNumberText(text.slice(0, MAX_LENGTH * 4));
  if (s === "" && text.trim() === "") return failed("empty", "请填写金额。");
  if (text.length > MAX_LENGTH * 4 || s.length > MAX_LENGTH)
    return /^[+-]?¥?\d/.test(s)
      ? failed("too_large", "金额过大,请检查位数。")
      : failed("format", formatHint(fieldUnit));
  const m = AMOUNT.exec(s);
  if (!m) return failed("format", formatHint(fieldUnit));
  const [, sign, whole, decimals = "", scaleTyped, yuanTyped] = m;
  if (whole!.includes(",") && !GROUPED.test(whole!))
    return failed("separators", "千分位逗号的位置不对:请写作 1,234,567,或不写逗号。");
  // "300" in a 万元 field is 300万元; "300元" is 300元 in any field.
  const scale = scaleTyped ?? (yuanTyped || fieldUnit === "元" ? "" : "万");
  const digits = BigInt(whole!.replace(/,/g, "") + decimals);
  const scaled = digits * FEN_PER[scale]!;
  const den = 10n ** BigInt(decimals.length);
  if (sign === "-" && digits !== 0n && !opts.allowNegative) return failed("negative", "金额不能为负数。");
  if (scaled % den !== 0n)
    return failed(
      "precision",
      `金额最小到分:以${scale}元为单位最多${DECIMALS_ZH[scale]}位小数${scale === "" ? ",如 12345.67" : ""}。`,
    );
  const fen = scaled / den;
  if (fen > maxFen) return failed("too_large", "金额过大,请检查位数。");
  return { ok: true, fen: sign === "-" && fen !== 0n ? -Number(fen) : Number(fen) };
}

export interface PercentOptions {
  /** Negative percentages (a growth rate below zero); refused by default. */
  allowNegative?: boolean;
  /** Largest absolute value in percent; default 1000. */
  max?: number;
}

/**
 * "12.5", "12.5%", "１２.５％", "-3%" (where negatives are allowed) → hundredths
 * of a percent (bp: 1250) and the percent as a number (12.5); two decimals at most.
 */
export function parsePercent(text: string, opts: PercentOptions = {}): ParsedPercent {
  const max = opts.max ?? 1000;
  const example = opts.allowNegative ? "如 12.5 或 12.5%;低于零时填负数,如 -3%" : "如 12.5 或 12.5%";
  const s = text.length > MAX_LENGTH * 4 ? "?" : normaliseNumberText(text);
  if (s === "") return failed("empty", "请填写百分数。");
  const m = s.length <= MAX_LENGTH ? PERCENT.exec(s) : null;
  if (!m) return failed("format", `请填写百分数,最多两位小数,${example}。`);
  const [, sign, whole, decimals = ""] = m;
  const extra = decimals.slice(2);
  if (/[1-9]/.test(extra)) return failed("precision", `百分数最多两位小数,${example}。`);
  const bpBig = BigInt(whole! + decimals.slice(0, 2).padEnd(2, "0"));
  if (sign === "-" && bpBig !== 0n && !opts.allowNegative) return failed("negative", "不能为负数。");
  if (bpBig > BigInt(Math.round(max * 100))) return failed("too_large", `百分数不能超过${max}%。`);
  const bp = sign === "-" && bpBig !== 0n ? -Number(bpBig) : Number(bpBig);
  // bp / 100 is the double nearest the decimal typed, the same as Number("12.5").
  return { ok: true, bp, percent: bp / 100 };
}
