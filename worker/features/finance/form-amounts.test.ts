/**
 * The 金融超市 forms read bare numbers in 万元 and rates in percent, and any
 * unit typed with the number as typed (the one parser: worker/lib/amount-input.ts).
 */
import { describe, expect, it } from "vitest";
import { percentToBp, wanToFen, wholeNumber } from "./form-amounts";

const WAN = 1_000_000;

describe("wanToFen", () => {
  it.each([
    ["300", 300 * WAN],
    ["12.5", 12.5 * WAN],
    ["1,500", 1500 * WAN],
    ["3亿", 30_000 * WAN],
    ["0.5亿元", 5000 * WAN],
    ["8千万", 8000 * WAN],
    ["5000元", 500_000],
    ["１２３万", 123 * WAN],
  ])("%j → %i fen", (text, fen) => expect(wanToFen(text)).toEqual({ ok: true, fen }));

  it("says what is wrong, in the field's unit", () => {
    expect(wanToFen("三百")).toEqual({
      ok: false,
      message: "请填写金额(万元),如 300 或 50.5;也可写 3亿 或 3,000,000元。",
    });
    expect(wanToFen("-5")).toEqual({ ok: false, message: "金额不能为负数。" });
    expect(wanToFen("0.0000001")).toEqual({ ok: false, message: "金额最小到分:以万元为单位最多六位小数。" });
    expect(wanToFen("100000000000")).toEqual({ ok: false, message: "金额过大,请检查位数。" });
  });
});

describe("percentToBp", () => {
  it.each([
    ["3.45", 345],
    ["3.45%", 345],
    ["４．３５％", 435],
    ["36", 3600],
  ])("%j → %i basis points", (text, bp) => expect(percentToBp(text)).toEqual({ ok: true, bp }));

  it.each([
    ["四点八", "请填写年利率(%),最多两位小数,如 3.45"],
    ["3.455", "请填写年利率(%),最多两位小数,如 3.45"],
    ["-1", "年利率不能为负数"],
    ["120", "年利率不超过36%"],
  ])("refuses %j: %s", (text, message) => expect(percentToBp(text)).toEqual({ ok: false, message }));
});

describe("wholeNumber", () => {
  it("takes full-width digits and refuses fractions", () => {
    expect(wholeNumber("１２", "个月")).toEqual({ ok: true, n: 12 });
    expect(wholeNumber("1.5", "个月")).toEqual({ ok: false, message: "请填写整数个月" });
  });
});
