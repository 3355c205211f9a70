/**
 * Lays a ChartSpec out as plain shapes (geometry.ts), with no DOM: the value axis and its ticks,
 * bars, lines, the reference, and category labels that never overlap. Two sizes: "wide"
 * (640 units across, for a desktop column) and "narrow" (340, for a phone), both drawn at about
 * one unit per CSS pixel so 12-unit text stays readable; the CSS shows the one that fits.
 */
import type { ChartSpec } from "./chart-spec";
import { abbreviate, textWidth } from "./format";
import { type Geometry, type Label, type Mark, r1 } from "./geometry";
import { horizontal } from "./layout-horizontal";
import { seriesColour } from "./palette";
import {
  FONT,
  HEIGHT,
  hrefOf,
  LINE_GAP,
  markName,
  type Prepared,
  prepare,
  referencePath,
  sumOrNull,
  TOP,
  type Variant,
  WIDTH,
} from "./prepare";

export type { Variant } from "./prepare";
export { FONT } from "./prepare";

/** Splits a label into two lines of at most `width`, preferring a break after 年 or before a bracket. */
function wrapTwo(text: string, width: number): string[] | null {
  const chars = [...text];
  const cuts = chars.map((_, k) => k).filter((k) => k > 0 && k < chars.length);
  const preferred = cuts.filter((k) => chars[k - 1] === "年" || "（(".includes(chars[k] ?? ""));
  for (const k of [
    ...preferred,
    ...cuts.sort((a, b) => Math.abs(a - chars.length / 2) - Math.abs(b - chars.length / 2)),
  ]) {
    const lines = [chars.slice(0, k).join(""), chars.slice(k).join("")];
    // A lone character on a line ("10" over "月") reads worse than a label left out.
    if (k < 2 || chars.length - k < 2) continue;
    // Nor is a number cut in two ("20" over "17年").
    if (/[\w.,]/.test(chars[k - 1] ?? "") && /[\w.,]/.test(chars[k] ?? "")) continue;
    if (lines.every((l) => textWidth(l, FONT) <= width)) return lines;
  }
  return null;
}

type CategoryMode =
  | { mode: "flat" }
  | { mode: "wrap"; lines: string[][] }
  | { mode: "thin"; every: number }
  | { mode: "cut" };

/** How category labels fit under columns `band` wide; null: they do not, lay the bars out across. */
function categoryMode(p: Prepared, band: number): CategoryMode | null {
  const cats = p.spec.categories;
  const room = band - 4;
  if (cats.every((c) => textWidth(c, FONT) <= room)) return { mode: "flat" };
  const wrapped = cats.map((c) => (textWidth(c, FONT) <= room ? [c] : wrapTwo(c, room)));
  if (wrapped.every((w) => w !== null)) return { mode: "wrap", lines: wrapped as string[][] };
  // Months, quarters, years: a sequence reads with every other (or third…) label.
  if (cats.every((c) => /\d/.test(c))) {
    const widest = Math.max(...cats.map((c) => textWidth(c, FONT)));
    return { mode: "thin", every: Math.ceil((widest + 4) / band) };
  }
  return p.spec.kind === "line" ? { mode: "cut" } : null;
}

export function layoutChart(spec: ChartSpec, variant: Variant): Geometry {
  const p = prepare(spec);
  const width = WIDTH[variant];
  const tickW = Math.max(...p.tickLabels.map((t) => textWidth(t, FONT)));
  const left = Math.ceil(tickW) + 10;
  const band = (width - left - 14) / Math.max(1, spec.categories.length);
  const mode = categoryMode(p, band);
  return mode ? vertical(p, variant, left, mode) : horizontal(p, variant);
}

function vertical(p: Prepared, variant: Variant, left: number, mode: CategoryMode): Geometry {
  const { spec } = p;
  const width = WIDTH[variant];
  const n = spec.categories.length;
  const labelLines = mode.mode === "wrap" ? 2 : 1;
  const plot = { x: left, y: TOP, w: width - left - 14, h: HEIGHT[variant] - TOP - 10 - labelLines * LINE_GAP };
  const band = plot.w / Math.max(1, n);
  const y = (v: number) => plot.y + plot.h - (v / p.top) * plot.h;
  const center = (i: number) => plot.x + band * (i + 0.5);

  const categories: Label[] = [];
  spec.categories.forEach((c, i) => {
    if (mode.mode === "thin" && i % mode.every !== 0) return;
    const lines =
      mode.mode === "wrap" ? (mode.lines[i] ?? [c]) : [mode.mode === "cut" ? abbreviate(c, band - 4, FONT) : c];
    const full = mode.mode === "cut" && lines[0] !== c ? c : null;
    categories.push({ x: r1(center(i)), y: r1(plot.y + plot.h + 16), lines, full, anchor: "middle" });
  });

  const bars: Mark[] = [];
  const values: Label[] = [];
  const lines: Geometry["lines"] = [];
  const S = spec.series.length;
  if (spec.kind === "line") {
    p.values.forEach((vs, s) => {
      const colour = seriesColour(s);
      let d = "";
      let joined = false;
      const points: Mark[] = [];
      vs.forEach((v, i) => {
        if (v === null) {
          joined = false;
          return;
        }
        const [px, py] = [r1(center(i)), r1(y(v))];
        d += `${joined ? "L" : "M"}${px} ${py}`;
        joined = true;
        const hit = { x: r1(center(i) - Math.min(band, 44) / 2), y: plot.y, w: r1(Math.min(band, 44)), h: plot.h };
        points.push({ x: px, y: py, w: 0, h: 0, colour, name: markName(p, s, i), href: hrefOf(p, s, i), hit });
      });
      lines.push({ colour, d, points });
    });
  } else {
    const stacked = spec.kind === "stackedBar";
    const groupW = stacked ? Math.min(band * 0.62, 56) : Math.min(band * 0.72, S * 44);
    const barW = stacked ? groupW : groupW / Math.max(1, S);
    const gap = !stacked && S > 1 && barW > 6 ? 1 : 0;
    for (let i = 0; i < n; i++) {
      let base = 0;
      p.values.forEach((vs, s) => {
        const v = vs[i];
        if (v === null || v === undefined) return;
        const x = plot.x + band * i + (band - groupW) / 2 + (stacked ? 0 : s * barW);
        const h = (v / p.top) * plot.h;
        const yTop = plot.y + plot.h - (base + h);
        const hit = stacked
          ? { x: r1(x), y: r1(yTop), w: r1(barW), h: r1(Math.max(h, 0)) }
          : { x: r1(x), y: plot.y, w: r1(barW), h: plot.h };
        bars.push({
          x: r1(x + gap),
          y: r1(yTop),
          w: r1(barW - 2 * gap),
          h: r1(h),
          colour: seriesColour(s),
          name: markName(p, s, i),
          href: hrefOf(p, s, i),
          hit,
        });
        if (stacked) base += h;
      });
    }
    // Figures on top of the bars where each fits over its own bar: one series, or stacked totals.
    if (S === 1 || stacked) {
      const totals = Array.from({ length: n }, (_, i) => sumOrNull(p.values.map((vs) => vs[i] ?? null)));
      const texts = totals.map((t) => (t === null ? null : p.unit.tick(t / p.unit.scale)));
      if (texts.every((t) => t === null || textWidth(t, FONT - 1) <= band - 2))
        totals.forEach((t, i) => {
          const text = texts[i];
          if (t !== null && text)
            values.push({ x: r1(center(i)), y: r1(y(t) - 5), lines: [text], full: null, anchor: "middle" });
        });
    }
  }

  return {
    width,
    height: HEIGHT[variant],
    orientation: "vertical",
    plot,
    ticks: p.ticks.map((t, k) => ({ pos: r1(y(t * p.unit.scale)), label: p.tickLabels[k] ?? "" })),
    axisUnit: p.unit.axisUnit,
    categories,
    bars,
    lines,
    reference: referencePath(
      p,
      (i) => [plot.x + band * i, plot.x + band * (i + 1)],
      y,
      spec.kind === "line" ? center : null,
      "vertical",
    ),
    values,
  };
}
