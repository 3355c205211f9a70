/**
 * One laid-out chart as inline SVG. Colours are presentation attributes (the CSP allows no
 * style attributes, and a chart keeps its colours on a page that forgot CHART_CSS). An SVG
 * without links is one image (role="img", named by its <title>, summed up by its <desc>);
 * with links it is a group whose only exposed parts are the links, each named after its
 * figure ("「3月」奖补金额 120万元，查看明细"), because an image's children are hidden from
 * assistive technology and its links would be unreachable.
 */
import type { ChartSpec } from "./chart-spec";
import type { Geometry, Label, Mark } from "./geometry";
import { FONT, type Variant } from "./layout";
import { GRID, INK, MUTED, REFERENCE } from "./palette";

const KIND: Record<ChartSpec["kind"], string> = { bar: "柱状图", stackedBar: "堆积柱状图", line: "折线图" };

/** The sentence a screen reader hears after the title. */
export function describe(spec: ChartSpec): string {
  const n = spec.categories.length;
  const span = n > 1 ? `${spec.categories[0]}至${spec.categories[n - 1]}` : (spec.categories[0] ?? "");
  const series = spec.series.map((s) => s.label).join("、");
  const ref = spec.reference ? `；虚线为${spec.reference.label}` : "";
  return `${KIND[spec.kind]}，${n}项（${span}），${series}${ref}。各项数值见本图的数据表。`;
}

export function ChartSvg(props: { spec: ChartSpec; g: Geometry; variant: Variant; domId: string }) {
  const { spec, g, variant, domId } = props;
  const linked = [...g.bars, ...g.lines.flatMap((l) => l.points)].some((m) => m.href);
  const titleId = `${domId}-${variant}-title`;
  const descId = `${domId}-${variant}-desc`;
  const { plot } = g;
  return (
    <svg
      class={`chart-svg chart-${variant}`}
      viewBox={`0 0 ${g.width} ${g.height}`}
      width={g.width}
      height={g.height}
      role={linked ? "group" : "img"}
      aria-labelledby={titleId}
      aria-describedby={descId}
      font-size={FONT}
      fill={INK}
    >
      <title id={titleId}>{spec.title}</title>
      <desc id={descId}>{describe(spec)}</desc>
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <g> is never focusable; this hides axis text. */}
      <g aria-hidden="true">
        {g.axisUnit && (
          <text x={g.orientation === "vertical" ? 4 : plot.x} y={14} fill={MUTED}>
            {g.axisUnit}
          </text>
        )}
        {g.ticks.map((t) =>
          g.orientation === "vertical" ? (
            <g>
              <line x1={plot.x} x2={plot.x + plot.w} y1={t.pos} y2={t.pos} stroke={GRID} />
              <text x={plot.x - 6} y={t.pos + 4} text-anchor="end" fill={MUTED}>
                {t.label}
              </text>
            </g>
          ) : (
            <g>
              <line x1={t.pos} x2={t.pos} y1={plot.y} y2={plot.y + plot.h} stroke={GRID} />
              <text x={t.pos} y={plot.y + plot.h + 16} text-anchor="middle" fill={MUTED}>
                {t.label}
              </text>
            </g>
          ),
        )}
        {g.categories.map((c) => (
          <TextLabel label={c} />
        ))}
        {g.bars
          .filter((b) => !b.href)
          .map((b) => (
            <Bar mark={b} />
          ))}
        {g.lines.map((l) => (
          <path d={l.d} fill="none" stroke={l.colour} stroke-width={2.5} stroke-linejoin="round" />
        ))}
        {g.lines
          .flatMap((l) => l.points.filter((m) => !m.href))
          .map((m) => (
            <Point mark={m} />
          ))}
      </g>
      {g.bars
        .filter((b) => b.href)
        .map((b) => (
          <MarkLink mark={b}>
            <Bar mark={b} bare />
          </MarkLink>
        ))}
      {g.lines
        .flatMap((l) => l.points.filter((m) => m.href))
        .map((m) => (
          <MarkLink mark={m}>
            <Point mark={m} bare />
          </MarkLink>
        ))}
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <g> is never focusable; this hides labels. */}
      <g aria-hidden="true">
        {g.reference && (
          <path
            class="chart-ref"
            d={g.reference}
            fill="none"
            stroke={REFERENCE}
            stroke-width={2}
            stroke-dasharray="6 4"
          />
        )}
        {g.values.map((v) => (
          <TextLabel label={v} size={FONT - 1} halo />
        ))}
        {/* The axis line last, over the bars' feet. */}
        {g.orientation === "vertical" ? (
          <line x1={plot.x} x2={plot.x + plot.w} y1={plot.y + plot.h} y2={plot.y + plot.h} stroke={MUTED} />
        ) : (
          <line x1={plot.x} x2={plot.x} y1={plot.y} y2={plot.y + plot.h} stroke={MUTED} />
        )}
      </g>
    </svg>
  );
}

/** A label; `halo` outlines it in white so a figure stays legible where the reference line crosses it. */
function TextLabel({ label, size, halo }: { label: Label; size?: number; halo?: boolean }) {
  const outline = halo ? { stroke: "#fff", "stroke-width": 3, "paint-order": "stroke" } : {};
  return (
    <text x={label.x} y={label.y} text-anchor={label.anchor} font-size={size} {...outline}>
      {label.full && <title>{label.full}</title>}
      {label.lines.length === 1
        ? label.lines[0]
        : label.lines.map((line, k) => (
            <tspan x={label.x} dy={k === 0 ? 0 : 15}>
              {line}
            </tspan>
          ))}
    </text>
  );
}

/** A bar; `bare` leaves the tooltip to the link around it. */
function Bar({ mark, bare }: { mark: Mark; bare?: boolean }) {
  return (
    <rect
      class="chart-bar"
      x={mark.x}
      y={mark.y}
      width={mark.w}
      height={mark.h}
      fill={mark.colour}
      stroke="#fff"
      stroke-width={0.75}
    >
      {!bare && <title>{mark.name}</title>}
    </rect>
  );
}

function Point({ mark, bare }: { mark: Mark; bare?: boolean }) {
  return (
    <circle class="chart-point" cx={mark.x} cy={mark.y} r={4} fill={mark.colour} stroke="#fff" stroke-width={1.5}>
      {!bare && <title>{mark.name}</title>}
    </circle>
  );
}

/** A link over a figure: its whole column (or row) is the target, so a thin or zero bar can still be hit. */
function MarkLink({ mark, children }: { mark: Mark; children: unknown }) {
  const label = `${mark.name}，查看明细`;
  return (
    <a class="chart-link" href={mark.href ?? ""} aria-label={label}>
      <title>{label}</title>
      <rect class="chart-hit" x={mark.hit.x} y={mark.hit.y} width={mark.hit.w} height={mark.hit.h} fill="transparent" />
      {children}
    </a>
  );
}
