/** Bars laid out across, for category names too long to stand under columns. */
import { abbreviate, textWidth } from "./format";
import { type Geometry, type Label, type Mark, r1 } from "./geometry";
import { seriesColour } from "./palette";
import { FONT, hrefOf, markName, type Prepared, referencePath, sumOrNull, TOP, type Variant, WIDTH } from "./prepare";

/** Bars across, one row per category: for names too long to stand under columns (banks, programmes). */
export function horizontal(p: Prepared, variant: Variant): Geometry {
  const { spec } = p;
  const width = WIDTH[variant];
  const n = spec.categories.length;
  const S = spec.series.length;
  const stacked = spec.kind === "stackedBar";
  const rowH = stacked || S === 1 ? 30 : S * 12 + 14;
  const labelW = Math.min(Math.max(...spec.categories.map((c) => textWidth(c, FONT))), width * 0.36);
  const totals = Array.from({ length: n }, (_, i) => sumOrNull(p.values.map((vs) => vs[i] ?? null)));
  const showValues = S === 1 || stacked;
  const valueTexts = totals.map((t) => (t === null ? "" : p.unit.tick(t / p.unit.scale)));
  const valueW = showValues ? Math.max(0, ...valueTexts.map((t) => textWidth(t, FONT - 1))) + 6 : 0;
  const lastTickHalf = textWidth(p.tickLabels[p.tickLabels.length - 1] ?? "", FONT) / 2;
  const left = Math.ceil(labelW) + 10;
  const plot = { x: left, y: TOP, w: width - left - Math.max(valueW, lastTickHalf) - 8, h: n * rowH };
  const x = (v: number) => plot.x + (v / p.top) * plot.w;

  const categories: Label[] = spec.categories.map((c, i) => {
    const text = abbreviate(c, labelW, FONT);
    return {
      x: plot.x - 8,
      y: r1(plot.y + rowH * (i + 0.5) + 4),
      lines: [text],
      full: text === c ? null : c,
      anchor: "end",
    };
  });
  const bars: Mark[] = [];
  const barH = stacked || S === 1 ? rowH - 10 : (rowH - 10) / S;
  for (let i = 0; i < n; i++) {
    let base = 0;
    p.values.forEach((vs, s) => {
      const v = vs[i];
      if (v === null || v === undefined) return;
      const yTop = plot.y + rowH * i + 5 + (stacked ? 0 : s * barH);
      const w = (v / p.top) * plot.w;
      const gap = !stacked && S > 1 ? 0.5 : 0;
      const hit = stacked
        ? { x: r1(x(0) + base), y: r1(yTop), w: r1(w), h: r1(barH) }
        : { x: plot.x, y: r1(yTop), w: plot.w, h: r1(barH) };
      bars.push({
        x: r1(x(0) + base),
        y: r1(yTop + gap),
        w: r1(w),
        h: r1(barH - 2 * gap),
        colour: seriesColour(s),
        name: markName(p, s, i),
        href: hrefOf(p, s, i),
        hit,
      });
      if (stacked) base += w;
    });
  }
  const values: Label[] = showValues
    ? totals.flatMap((t, i) =>
        t === null
          ? []
          : [
              {
                x: r1(x(t) + 4),
                y: r1(plot.y + rowH * (i + 0.5) + 4),
                lines: [valueTexts[i] ?? ""],
                full: null,
                anchor: "start" as const,
              },
            ],
      )
    : [];
  return {
    width,
    height: plot.y + plot.h + 26,
    orientation: "horizontal",
    plot,
    ticks: p.ticks.map((t, k) => ({ pos: r1(x(t * p.unit.scale)), label: p.tickLabels[k] ?? "" })),
    axisUnit: p.unit.axisUnit,
    categories,
    bars,
    lines: [],
    reference: referencePath(p, (i) => [plot.y + rowH * i, plot.y + rowH * (i + 1)], x, null, "horizontal"),
    values,
  };
}
