/**
 * Exact arithmetic for awards: percentages of fen amounts with rounding half up
 * to the fen (BigInt, so 10^15 fen × 60% never loses a digit), and ratios for
 * reading. Amounts are shown by worker/lib/money.ts (formatMoney), as everywhere.
 */

/** 3 → 300, 0.5 → 50: hundredths of a percent. */
export function hundredths(percent: number): bigint {
  return BigInt(Math.round(percent * 100));
}

/** (numerator / denominator) × percent, rounded half up to the fen. Inputs are non-negative. */
export function percentOfFen(numerator: bigint, denominator: bigint, percent: number): number {
  const scaled = numerator * hundredths(percent);
  const den = denominator * 10000n;
  return Number((scaled * 2n + den) / (den * 2n));
}

/**
 * A ratio as a percentage for reading: two decimals, trailing zeros dropped; if
 * that would print the threshold itself while the ratio is not exactly it
 * (2.9999% shown as 3%), four decimals instead.
 */
export function formatRatio(numerator: number, denominator: number, thresholds?: number | readonly number[]): string {
  const value = (numerator / denominator) * 100;
  const short = Number(value.toFixed(2));
  // Every threshold the explanation compares this ratio with: the precision depends on all of
  // them, so one ratio reads the same in every branch (never "3.9999%" in one and "4%" in another).
  const threshold = [thresholds ?? []].flat().find((t) => t === short);
  if (threshold !== undefined) {
    const left = BigInt(numerator) * 10000n;
    const right = BigInt(denominator) * hundredths(threshold);
    if (left !== right) {
      // Rounded away from the threshold, exactly: value.toFixed(4) printed 2.999999% and
      // 3.00001% as "3.0000%", the threshold again. Down when under it, up when over it.
      const scaled = BigInt(numerator) * 1_000_000n; // the percentage × 10^4
      const den = BigInt(denominator);
      const q = left < right ? scaled / den : (scaled + den - 1n) / den;
      return `${q / 10000n}.${String(q % 10000n).padStart(4, "0")}%`;
    }
  }
  return `${short}%`;
}

/** "1:0.5" reads better than "50%" for 匹配 ratios. */
export function formatPercent(percent: number): string {
  return `${Number(percent.toFixed(2))}%`;
}

/**
 * Whether a label already states this amount in the clause's own words ("不低于1亿元支持",
 * "每平方米100元"): then a figure appended after it only repeats it, or — converted to
 * 万元 by decision 0010 ("10,000万元") — contradicts the words the clause uses.
 */
export function statesAmount(label: string, fen: number): boolean {
  for (const m of label.matchAll(/(\d+(?:\.\d+)?)(亿|万)?元/g)) {
    const yuan = Number(m[1]) * (m[2] === "亿" ? 1e8 : m[2] === "万" ? 1e4 : 1);
    if (Math.round(yuan * 100) === fen) return true;
  }
  return false;
}
