/**
 * What every layout of a chart starts from: its values cleaned (negatives clamped to 0, as
 * nothing charted here can be below zero), the value axis and its ticks, the names of its
 * marks, and the reference drawn as a path.
 */
import type { ChartSpec } from "./chart-spec";
import { type ChartUnit, chartUnit } from "./format";
import { r1 } from "./geometry";
import { niceTicks } from "./scale";

export type Variant = "wide" | "narrow";

export const FONT = 12;
export const WIDTH: Record<Variant, number> = { wide: 640, narrow: 340 };
export const HEIGHT: Record<Variant, number> = { wide: 300, narrow: 260 };
/** Room above the plot for "单位：万元" and the top tick's text. */
export const TOP = 28;
export const LINE_GAP = 15;

/** The inputs both orientations share. */
export interface Prepared {
  spec: ChartSpec;
  unit: ChartUnit;
  /** values[s][i], negatives clamped to 0 (nothing charted here can be below zero), NaN to null. */
  values: (number | null)[][];
  reference: (number | null)[] | null;
  ticks: number[];
  /** The axis's top in raw units (fen, not 万元). */
  top: number;
  tickLabels: string[];
}

const clean = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Math.max(0, v);

export function prepare(spec: ChartSpec): Prepared {
  const unit = chartUnit(spec);
  const n = spec.categories.length;
  const values = spec.series.map((s) => Array.from({ length: n }, (_, i) => clean(s.values[i])));
  const reference = spec.reference ? Array.from({ length: n }, (_, i) => clean(spec.reference?.values[i])) : null;
  const perCategory = Array.from({ length: n }, (_, i) => {
    const own = values.map((vs) => vs[i] ?? 0);
    return spec.kind === "stackedBar" ? own.reduce((a, b) => a + b, 0) : Math.max(0, ...own);
  });
  const max = Math.max(0, ...perCategory, ...(reference ?? []).map((v) => v ?? 0));
  const ticks = niceTicks(max / unit.scale, unit.integer);
  const top = (ticks[ticks.length - 1] ?? 1) * unit.scale;
  return { spec, unit, values, reference, ticks, top, tickLabels: ticks.map(unit.tick) };
}

/** "「3月」奖补金额 120万元". */
export function markName(p: Prepared, s: number, i: number): string {
  return `「${p.spec.categories[i]}」${p.spec.series[s]?.label ?? ""} ${p.unit.value(p.values[s]?.[i] ?? null)}`;
}

export function hrefOf(p: Prepared, s: number, i: number): string | null {
  return p.spec.series[s]?.href?.[i] ?? null;
}

export function sumOrNull(vs: (number | null)[]): number | null {
  return vs.some((v) => v !== null) ? vs.reduce<number>((a, v) => a + (v ?? 0), 0) : null;
}

/**
 * The reference as one path: through the points' centres on a line chart; on bar charts a step
 * across each category's whole band (a month's budget spans its month), joined where neighbours
 * both have one. Nulls leave a gap.
 */
export function referencePath(
  p: Prepared,
  bandOf: (i: number) => [number, number],
  at: (v: number) => number,
  center: ((i: number) => number) | null,
  orientation: "vertical" | "horizontal",
): string | null {
  if (!p.reference || p.reference.every((v) => v === null)) return null;
  const pt = (along: number, v: number) =>
    orientation === "vertical" ? `${r1(along)} ${r1(at(v))}` : `${r1(at(v))} ${r1(along)}`;
  let d = "";
  let prev = false;
  p.reference.forEach((v, i) => {
    if (v === null) {
      prev = false;
      return;
    }
    if (center) d += `${prev ? "L" : "M"}${pt(center(i), v)}`;
    else {
      const [a, b] = bandOf(i);
      d += `${prev ? "L" : "M"}${pt(a, v)}L${pt(b, v)}`;
    }
    prev = true;
  });
  return d;
}
