/**
 * How a chart's numbers read, one rule per ChartSpec unit, shared by the SVG (axis, tooltips,
 * link names) and the table so the two never disagree. Money follows worker/lib/money.ts: one
 * unit (元 or 万元) for the whole chart, chosen by its largest amount, as a table column would.
 */
import { formatMoney, moneyUnit } from "../../../worker/lib/money";
import type { ChartSpec } from "./chart-spec";

const FEN_PER = { 元: 100, 万元: 1_000_000 } as const;

export interface ChartUnit {
  /** A value as people read it, with its unit: "120万元", "35家", "4.5天", "62.5%". */
  value: (v: number | null) => string;
  /** The number an axis tick shows (its unit is said once, in `axisUnit`). */
  tick: (v: number) => string;
  /** Divides a raw value into axis units (fen → 元 or 万元; others 1). */
  scale: number;
  /** Ticks step in whole numbers of axis units (counts). */
  integer: boolean;
  /** "单位：万元", or null when the values carry no unit. */
  axisUnit: string | null;
}

/** Every value the chart draws, bars, points and reference alike. */
export function allValues(spec: ChartSpec): number[] {
  const vs = [...spec.series.flatMap((s) => s.values), ...(spec.reference?.values ?? [])];
  return vs.filter((v): v is number => v !== null && Number.isFinite(v));
}

export function chartUnit(spec: ChartSpec): ChartUnit {
  const label = spec.unitLabel ?? "";
  switch (spec.unit) {
    case "fen": {
      const unit = moneyUnit(...allValues(spec));
      return {
        value: (v) => (v === null || !Number.isFinite(v) ? "—" : formatMoney(v, { unit })),
        tick: (v) => plain(v, 2),
        scale: FEN_PER[unit],
        integer: false,
        axisUnit: `单位：${unit}`,
      };
    }
    case "count":
      return unitOf((v) => plain(v, 0), label, true);
    case "days":
      return unitOf((v) => plain(v, 1), "天", false);
    case "percent":
      return unitOf((v) => plain(v, 1), "%", false);
    case "number":
      return unitOf((v) => plain(v, 2), label, false);
  }
}

function unitOf(num: (v: number) => string, label: string, integer: boolean): ChartUnit {
  return {
    value: (v) => (v === null || !Number.isFinite(v) ? "—" : `${num(v)}${label}`),
    tick: (v) => plain(v, integer ? 0 : 2),
    scale: 1,
    integer,
    axisUnit: label ? `单位：${label}` : null,
  };
}

/** 1234567.891 → "1,234,567.89": grouped, at most `decimals`, trailing zeros dropped. */
export function plain(v: number, decimals: number): string {
  return v.toLocaleString("en-US", { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
}

/**
 * Roughly how wide `text` is at `fontPx`, for layout without a DOM: a Chinese character is one
 * em, digits and Latin letters about 0.6 em, narrow punctuation less. Errs wide, so labels that
 * are judged to fit do fit.
 */
export function textWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x2e80) em += 1;
    else if (".,:;|!' ".includes(ch)) em += 0.35;
    else em += 0.62;
  }
  return em * fontPx;
}

/** The longest start of `text` that, with "…", fits in `width`; the text itself if it fits. */
export function abbreviate(text: string, width: number, fontPx: number): string {
  if (textWidth(text, fontPx) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join("")}…`, fontPx) > width) chars.pop();
  return `${chars.join("")}…`;
}
