/**
 * Money and percentages as people type them: units, separators, full-width
 * input, the field's own unit, exact decimals, and a message for each refusal.
 */
import { describe, expect, it } from "vitest";
import { normaliseNumberText, parseAmount, parsePercent, type AmountOptions } from "./amount-input";

const yuan = (n: number) => n * 100;
const wan = (n: number) => n * 1_000_000;
const yi = (n: number) => n * 10_000_000_000;

const fen = (text: string, opts?: AmountOptions) => {
  const r = parseAmount(text, opts);
  return r.ok ? r.fen : r.reason;
};

describe("parseAmount reads amounts in 元 by default, or in the unit typed", () => {
  it.each([
    ["0", 0],
    ["12345.67", 1_234_567],
    ["1,234.56", 123_456],
    ["3,000,000", yuan(3_000_000)],
    ["3,000,000 元", yuan(3_000_000)],
    ["3000000元", yuan(3_000_000)],
    ["¥3,000", yuan(3000)],
    ["￥3000.5", 300_050],
    ["  300万  ", wan(300)],
    ["10万", wan(10)],
    ["10 万元", wan(10)],
    ["8千万", wan(8000)],
    ["8千万元", wan(8000)],
    ["5千", yuan(5000)],
    ["2百万", wan(200)],
    ["3亿", yi(3)],
    ["3亿元", yi(3)],
    ["0.5亿", wan(5000)],
    ["1.5亿", yi(1.5)],
    ["1.005万", yuan(10_050)],
    ["0.000001万", 1],
    ["0.0000000001亿", 1],
    ["12.50", 1250],
    ["7.000000", 700],
    ["007", 700],
    ["-0", 0],
    ["+5", 500],
  ])("%j → %i fen", (text, expected) => expect(parseAmount(text)).toEqual({ ok: true, fen: expected }));

  it.each([
    ["１２３万", wan(123)],
    ["１２３４５．６７", 1_234_567],
    ["１，２３４．５６", 123_456],
    ["1，234，567", 123_456_700],
    ["３　亿", yi(3)],
    ["１２。５万", wan(12.5)],
  ])("full-width digits and punctuation: %j → %i fen", (text, expected) => expect(fen(text)).toBe(expected));
});

describe("a field's own unit reads bare numbers, and a typed unit wins over it", () => {
  const inWan: AmountOptions = { unit: "万元" };
  it.each([
    ["300", wan(300)],
    ["12.5", wan(12.5)],
    ["0.000001", 1],
    ["1,500", wan(1500)],
    ["300万", wan(300)],
    ["300万元", wan(300)],
    ["3亿", yi(3)],
    ["8千万", wan(8000)],
    ["5000元", yuan(5000)],
    ["１２３", wan(123)],
  ])("万元 field: %j → %i fen", (text, expected) => expect(fen(text, inWan)).toBe(expected));

  it("says what to type in the field's unit", () => {
    expect(parseAmount("三百", inWan)).toMatchObject({
      ok: false,
      reason: "format",
      message: "请填写金额(万元),如 300 或 50.5;也可写 3亿 或 3,000,000元。",
    });
    expect(parseAmount("三百")).toMatchObject({
      ok: false,
      reason: "format",
      message: "请填写以元为单位的金额,如 3,000,000;也可写 300万 或 3亿。",
    });
    expect(parseAmount("0.0000001", inWan)).toMatchObject({
      ok: false,
      reason: "precision",
      message: "金额最小到分:以万元为单位最多六位小数。",
    });
  });
});

describe("parseAmount refuses what is not an amount, with a sentence for each case", () => {
  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["abc", "format"],
    ["三亿", "format"],
    ["1e5", "format"],
    [".5", "format"],
    ["5.", "format"],
    ["10万万", "format"],
    ["万", "format"],
    ["10k", "format"],
    ["300美元", "format"],
    ["1.2.3", "format"],
    ["--5", "format"],
    ["1,2345", "separators"],
    ["12,34", "separators"],
    ["1,5", "separators"],
    ["1,234,56", "separators"],
    ["-1", "negative"],
    ["-0.01", "negative"],
    ["－5万", "negative"],
    ["1.234", "precision"],
    ["0.001", "precision"],
    ["0.0000001万", "precision"],
    ["1.00000000001亿", "precision"],
  ])("%j → %s", (text, reason) => expect(fen(text)).toBe(reason));

  it("names the problem in words a person can act on", () => {
    expect(parseAmount("-5")).toEqual({ ok: false, reason: "negative", message: "金额不能为负数。" });
    expect(parseAmount("1.234")).toEqual({
      ok: false,
      reason: "precision",
      message: "金额最小到分:以元为单位最多两位小数,如 12345.67。",
    });
    expect(parseAmount("1.0000001万")).toMatchObject({ message: "金额最小到分:以万元为单位最多六位小数。" });
    expect(parseAmount("1,2345")).toMatchObject({ message: "千分位逗号的位置不对:请写作 1,234,567,或不写逗号。" });
    expect(parseAmount("")).toMatchObject({ message: "请填写金额。" });
  });

  it("takes negatives only where the field allows them", () => {
    expect(fen("-5万", { allowNegative: true })).toBe(-wan(5));
    expect(fen("-1,234.5", { allowNegative: true })).toBe(-123_450);
    expect(fen("-0", { allowNegative: true })).toBe(0);
  });
});

describe("parseAmount never loses a fen to floating point or to overflow", () => {
  it("keeps fen exact up to Number.MAX_SAFE_INTEGER and refuses one more", () => {
    expect(fen("90071992547409.91")).toBe(Number.MAX_SAFE_INTEGER);
    expect(fen("90071992547409.92")).toBe("too_large");
    expect(fen("9007199254740992万")).toBe("too_large");
    expect(fen("99999999999亿")).toBe("too_large");
    expect(parseAmount("9".repeat(200))).toMatchObject({
      ok: false,
      reason: "too_large",
      message: "金额过大,请检查位数。",
    });
    expect(parseAmount("1".repeat(2000))).toMatchObject({ ok: false, reason: "too_large" });
    expect(parseAmount("金额".repeat(50))).toMatchObject({ ok: false, reason: "format" });
  });

  it("keeps to a field's own ceiling, which cannot be raised past the safe one", () => {
    expect(fen("1000万", { maxFen: wan(1000) })).toBe(wan(1000));
    expect(fen("1000.000001万", { maxFen: wan(1000) })).toBe("too_large");
    expect(fen("90071992547409.92", { maxFen: Number.MAX_SAFE_INTEGER * 2 })).toBe("too_large");
    expect(fen("-1001万", { maxFen: wan(1000), allowNegative: true })).toBe("too_large");
  });

  it("sums decimals a float would drift on", () => {
    // 0.1 + 0.2 and 1.005 × 10000 are the classic float slips.
    expect(fen("0.30")).toBe(30);
    expect(fen("1.005万")).toBe(1_005_000);
    expect(fen("4.35万")).toBe(4_350_000);
    expect(fen("19999.999999万")).toBe(19_999_999_999);
  });
});

describe("parsePercent", () => {
  const pct = (text: string, opts?: Parameters<typeof parsePercent>[1]) => {
    const r = parsePercent(text, opts);
    return r.ok ? r.bp : r.reason;
  };

  it.each([
    ["12.5", 1250],
    ["12.5%", 1250],
    ["12.50 %", 1250],
    ["１２．５％", 1250],
    ["3.25", 325],
    ["0", 0],
    ["100", 10_000],
    ["3.250", 325],
    ["7个百分点", 700],
    ["-0", 0],
  ])("%j → %i hundredths of a percent", (text, bp) => expect(pct(text)).toBe(bp));

  it("gives the percent as the number typed", () => {
    expect(parsePercent("12.5%")).toEqual({ ok: true, bp: 1250, percent: 12.5 });
    expect(parsePercent("0.07")).toEqual({ ok: true, bp: 7, percent: 0.07 });
    expect(parsePercent("-3%", { allowNegative: true })).toEqual({ ok: true, bp: -300, percent: -3 });
    expect(parsePercent("－３．５％", { allowNegative: true })).toEqual({ ok: true, bp: -350, percent: -3.5 });
  });

  it.each([
    ["", "empty"],
    ["abc", "format"],
    ["12.5%%", "format"],
    ["%5", "format"],
    ["1,000", "format"],
    ["3.255", "precision"],
    ["-3%", "negative"],
    ["1000.01", "too_large"],
    ["9".repeat(80), "format"],
  ])("refuses %j (%s)", (text, reason) => expect(pct(text)).toBe(reason));

  it("says negatives may be typed where they are allowed, and keeps to its bounds", () => {
    expect(parsePercent("负三", { allowNegative: true })).toMatchObject({
      message: "请填写百分数,最多两位小数,如 12.5 或 12.5%;低于零时填负数,如 -3%。",
    });
    expect(parsePercent("3.255")).toMatchObject({ message: "百分数最多两位小数,如 12.5 或 12.5%。" });
    expect(parsePercent("-3")).toMatchObject({ message: "不能为负数。" });
    expect(pct("36.01", { max: 36 })).toBe("too_large");
    expect(pct("-1000.01", { allowNegative: true })).toBe("too_large");
    expect(parsePercent("37", { max: 36 })).toMatchObject({ message: "百分数不能超过36%。" });
  });
});

describe("normaliseNumberText", () => {
  it("turns an input method's full-width text into ASCII and drops spaces", () => {
    expect(normaliseNumberText(" １，２３４．５６ 万 ")).toBe("1,234.56万");
    expect(normaliseNumberText("－３％")).toBe("-3%");
    expect(normaliseNumberText("￥１\u00a0０００")).toBe("¥1000");
  });
});
