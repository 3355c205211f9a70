/**
 * Money arithmetic: percentages of fen round half up to the fen and stay exact
 * at 10^15 fen; a ratio next to its threshold is never displayed as the
 * threshold itself. (Amounts are shown by worker/lib/money.ts, tested there.)
 */
import { describe, expect, it } from "vitest";
import { formatPercent, formatRatio, hundredths, percentOfFen } from "./money";

describe("hundredths", () => {
  it.each([
    [3, 300n],
    [0.5, 50n],
    [60, 6000n],
    [0.29, 29n],
    [1.15, 115n],
    [4.35, 435n],
    [0, 0n],
  ])("turns %s%% into %s hundredths without float drift", (pct, want) => {
    expect(hundredths(pct)).toBe(want);
  });
});

describe("percentOfFen", () => {
  it("rounds exactly half a fen up: 5% of 10 fen is 0.5 fen → 1 fen", () => {
    expect(percentOfFen(10n, 1n, 5)).toBe(1);
  });

  it("rounds less than half a fen down: 5% of 9 fen is 0.45 fen → 0", () => {
    expect(percentOfFen(9n, 1n, 5)).toBe(0);
  });

  it.each([
    [149n, 1n, 1, 1], // 1.49 fen
    [150n, 1n, 1, 2], // 1.5 fen
    [249n, 1n, 1, 2], // 2.49 fen
    [250n, 1n, 1, 3], // 2.5 fen
    [1n, 2n, 100, 1], // average of 0.5 fen
    [1n, 3n, 100, 0], // 0.333… fen
    [3n, 2n, 50, 1], // 0.75 fen
  ])("%s / %s × %s%% rounds half up to %s fen", (num, den, pct, want) => {
    expect(percentOfFen(num, den, pct)).toBe(want);
  });

  it("takes 60% of 10^15 fen exactly", () => {
    expect(percentOfFen(10n ** 15n, 1n, 60)).toBe(600_000_000_000_000);
  });

  it("keeps every digit where a float product would not: (10^15 − 1) × 33.33%", () => {
    // 333299999999999.6667 fen rounds up to 333300000000000.
    expect(percentOfFen(10n ** 15n - 1n, 1n, 33.33)).toBe(333_300_000_000_000);
    expect(percentOfFen(10n ** 15n - 1n, 1n, 60)).toBe(599_999_999_999_999);
  });

  it("gives nothing for 0% or a zero base", () => {
    expect(percentOfFen(123_456n, 1n, 0)).toBe(0);
    expect(percentOfFen(0n, 1n, 60)).toBe(0);
  });
});

describe("formatRatio", () => {
  it("shows a ratio with two decimals at most", () => {
    expect(formatRatio(320, 10_000)).toBe("3.2%");
    expect(formatRatio(1, 3)).toBe("33.33%");
    expect(formatRatio(1, 3, 3)).toBe("33.33%");
  });

  it("shows a ratio exactly at the threshold as the threshold", () => {
    expect(formatRatio(3, 100, 3)).toBe("3%");
    expect(formatRatio(600, 20_000, 3)).toBe("3%");
  });

  it.each([
    [299_995, 10_000_000], // 2.99995%
    [2_999_999, 100_000_000], // 2.999999%
    [3e13 - 1, 1e15], // 3% less one fen of 10^15
  ])("never shows %s / %s, just under 3%%, as 3%%", (num, den) => {
    const shown = formatRatio(num, den, 3);
    expect(shown).toBe("2.9999%");
  });

  it("never shows a ratio just over 3% as 3%", () => {
    expect(formatRatio(300_001, 10_000_000, 3)).toBe("3.0001%");
    expect(formatRatio(3e13 + 1, 1e15, 3)).toBe("3.0001%");
  });

  it("shows four decimals only near the threshold", () => {
    expect(formatRatio(29_960, 1_000_000, 3)).toBe("2.9960%");
    expect(formatRatio(29_940, 1_000_000, 3)).toBe("2.99%");
  });
});

describe("formatPercent", () => {
  it("drops trailing zeros", () => {
    expect(formatPercent(5)).toBe("5%");
    expect(formatPercent(0.5)).toBe("0.5%");
    expect(formatPercent(3.25)).toBe("3.25%");
  });
});
