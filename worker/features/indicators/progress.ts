/**
 * Progress toward an indicator's target, as the table shows it. One formula serves both
 * directions: (actual − baseline) / (target − baseline) is positive when the figure moved the
 * way the target asks, whether that is up (higher is better) or down (lower is better, e.g.
 * 万元GDP能耗, where both differences are negative). Met is judged against the target alone,
 * so a target set below its baseline (地区生产总值增速 6.4 → 5) still reads 已达标 or 未达标.
 */

import type { ProgressView } from "../../../web/pages/indicators/view-types";

export type Direction = "higher" | "lower";

export type Progress = ProgressView;

export function progressToward(p: {
  direction: Direction;
  baseline: number | null;
  target: number | null;
  actual: number | null;
}): Progress | null {
  const { direction, baseline, target, actual } = p;
  if (actual === null || target === null) return null;
  const met = direction === "higher" ? actual >= target : actual <= target;
  if (met) return { met, fraction: 1, percent: 100, label: "已达标" };
  const span = baseline === null ? 0 : target - baseline;
  // No way to measure the distance covered: no baseline, or the baseline already on the target's far side.
  const wayIsGood = direction === "higher" ? span > 0 : span < 0;
  if (baseline === null || !wayIsGood) return { met, fraction: null, percent: null, label: "未达标" };
  const fraction = (actual - baseline) / span;
  if (fraction < 0) return { met, fraction, percent: 0, label: "低于基期" };
  // Not met, so never shown as 100%: 99.6% reads 99%.
  const percent = Math.min(99, Math.floor(fraction * 100));
  return { met, fraction, percent, label: `完成 ${percent}%` };
}

/** The target that applies to a year: the first target year at or after it, else the last one. */
export function targetFor(targets: Record<string, number>, year: number): { year: number; value: number } | null {
  const years = Object.keys(targets)
    .map(Number)
    .sort((a, b) => a - b);
  const at = years.find((y) => y >= year) ?? years.at(-1);
  return at === undefined ? null : { year: at, value: targets[String(at)]! };
}
