/**
 * One rule for money people read: 万元 (two decimals at most, half up) from
 * 1万元, 元 with its fen below, thousands grouped, trailing zeros dropped; a
 * forced unit for a column; several amounts read together share a unit.
 */
import { describe, expect, it } from "vitest";
import {
  fenToPlainWan,
  fenToPlainYuan,
  formatMoney,
  formatMoneyRange,
  formatMoneyTogether,
  moneyFormatter,
  moneyUnit,
} from "./money";

const yuan = (n: number) => n * 100;
const wan = (n: number) => n * 1_000_000;

describe("formatMoney picks 元 below 1万元 and 万元 from it", () => {
  it.each([
    [0, "0元"],
    [1, "0.01元"],
    [5, "0.05元"],
    [50, "0.5元"],
    [yuan(1), "1元"],
    [1250, "12.5元"],
    [123_456, "1,234.56元"],
    [999_999, "9,999.99元"],
  ])("%i fen → %s", (fen, text) => expect(formatMoney(fen)).toBe(text));

  it.each([
    [wan(1), "1万元"],
    [1_000_049, "1万元"], // 10,000.49元
    [1_230_000, "1.23万元"],
    [wan(20), "20万元"],
    [wan(2.5), "2.5万元"],
    [1_374_840_000, "1,374.84万元"],
    [1_119_409_200, "1,119.41万元"], // 11,194,092元
    [wan(10_000), "10,000万元"], // 1亿元
    [25_000_000_000, "25,000万元"],
    [1e15, "1,000,000,000万元"],
  ])("%i fen → %s", (fen, text) => expect(formatMoney(fen)).toBe(text));

  it("rounds half up to a hundredth of 万元 (100元)", () => {
    expect(formatMoney(1_234_499)).toBe("1.23万元"); // 12,344.99元
    expect(formatMoney(1_235_000)).toBe("1.24万元"); // 12,350元: exactly half
    expect(formatMoney(1_234_999)).toBe("1.23万元");
    expect(formatMoney(wan(9_999.995))).toBe("10,000万元");
  });

  it("writes negatives with a minus sign and the same unit rule on their size", () => {
    expect(formatMoney(-wan(20))).toBe("-20万元");
    expect(formatMoney(-999_999)).toBe("-9,999.99元");
    expect(formatMoney(-1_235_000)).toBe("-1.24万元");
  });
});

describe("a forced unit keeps a column in one unit", () => {
  it("shows small sums in 万元 when the column is in 万元", () => {
    expect(formatMoney(yuan(6000), { unit: "万元" })).toBe("0.6万元");
    expect(formatMoney(0, { unit: "万元" })).toBe("0万元");
    expect(formatMoney(yuan(49), { unit: "万元" })).toBe("不足0.01万元");
  });

  it("shows large sums in 元 to the fen when the column is in 元 (a ledger)", () => {
    expect(formatMoney(1_119_409_237, { unit: "元" })).toBe("11,194,092.37元");
    expect(formatMoney(wan(25), { unit: "元" })).toBe("250,000元");
  });
});

describe("an amount beside a threshold it is compared with", () => {
  it("is shown exact where two decimals would show it as the threshold", () => {
    expect(formatMoney(wan(20_000) - 1, { near: [wan(20_000)] })).toBe("19,999.999999万元");
    expect(formatMoney(wan(20_000) + 100, { near: [wan(20_000)] })).toBe("20,000.0001万元");
    expect(formatMoney(999_999, { unit: "万元", near: [wan(1)] })).toBe("0.999999万元");
  });

  it("keeps two decimals where they already tell the two apart, or where it is the threshold", () => {
    expect(formatMoney(wan(19_999), { near: [wan(20_000)] })).toBe("19,999万元");
    expect(formatMoney(wan(20_000), { near: [wan(20_000)] })).toBe("20,000万元");
  });
});

describe("amounts read together share a unit", () => {
  it("puts a sentence's amounts in 万元 when one of them reaches 1万元", () => {
    expect(formatMoneyTogether([yuan(5000), wan(29.5)])).toEqual(["0.5万元", "29.5万元"]);
    expect(formatMoneyTogether([yuan(50), yuan(300)])).toEqual(["50元", "300元"]);
    const m = moneyFormatter(yuan(800), wan(1.5));
    expect(`已获${m(yuan(800))},尚可获得${m(wan(1.5))}`).toBe("已获0.08万元,尚可获得1.5万元");
    expect(moneyUnit()).toBe("元");
    expect(moneyUnit(-wan(1))).toBe("万元");
  });

  it("writes ranges in one unit", () => {
    expect(formatMoneyRange(wan(30), wan(100))).toBe("30万元至100万元");
    expect(formatMoneyRange(yuan(5000), wan(2))).toBe("0.5万元至2万元");
    expect(formatMoneyRange(0, wan(50))).toBe("最高50万元");
    expect(formatMoneyRange(wan(50), wan(50))).toBe("50万元");
  });
});

describe("plain numbers for form fields and CSV cells", () => {
  it("gives 元 with two decimals and no separators", () => {
    expect(fenToPlainYuan(1_234_567)).toBe("12345.67");
    expect(fenToPlainYuan(5)).toBe("0.05");
    expect(fenToPlainYuan(-150)).toBe("-1.50");
  });

  it("gives 万元 exactly to the fen", () => {
    expect(fenToPlainWan(1_234_500_000)).toBe("1234.5");
    expect(fenToPlainWan(1)).toBe("0.000001");
    expect(fenToPlainWan(wan(300))).toBe("300");
  });
});
