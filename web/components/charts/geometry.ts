/** What a chart draws, in SVG user units: the plain shapes svg.tsx turns into markup. */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One drawn value: a bar (or stacked segment) or a line's point. */
export interface Mark extends Rect {
  colour: string;
  /** "「3月」奖补金额 120万元": the tooltip, and with "，查看明细" a link's name. */
  name: string;
  href: string | null;
  /** The area a pointer or finger hits to follow `href`: the bar's whole column (or row). */
  hit: Rect;
}

export interface Label {
  x: number;
  y: number;
  /** One or two lines (Chinese labels wrap between characters). */
  lines: string[];
  /** The whole label, as a tooltip, when `lines` shortened it. */
  full: string | null;
  anchor: "start" | "middle" | "end";
}

export interface Geometry {
  width: number;
  height: number;
  orientation: "vertical" | "horizontal";
  plot: Rect;
  /** Gridlines: position along the value axis (y when vertical, x when horizontal) and the tick's text. */
  ticks: { pos: number; label: string }[];
  axisUnit: string | null;
  categories: Label[];
  bars: Mark[];
  /** Line charts: per series its colour, the path's pieces (nulls break the line) and its points. */
  lines: { colour: string; d: string; points: Mark[] }[];
  /** The reference as a path (dashed when drawn), or null. */
  reference: string | null;
  /** Figures written at the end of bars (single series, or stacked totals) when they fit. */
  values: Label[];
}

/** Rounded to a tenth of a unit: enough for any screen, and short markup. */
export function r1(n: number): number {
  return Math.round(n * 10) / 10;
}
