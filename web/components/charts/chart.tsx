/**
 * A chart as a page shows it: a <figure> with its title, a legend, the SVG (wide and narrow
 * layouts; CSS shows the one that fits the chart's own width) and a table of the same numbers.
 * The table is always visible, beside the chart when there is room and under it otherwise: it
 * is what screen readers read, what 大字版 enlarges, and what a printout keeps exact. No
 * client-side JavaScript; pages add CHART_CSS to their Layout `css`.
 *
 * Units (ChartSpec.unit): "fen" values are fen (one unit, 元 or 万元, for the whole chart);
 * "percent" values are percentages (62.5 means 62.5%); "count" and "number" show `unitLabel`
 * (家, 件, 个, …) after the figure.
 */
import type { ChartSpec } from "./chart-spec";
import { chartUnit } from "./format";
import { layoutChart } from "./layout";
import { REFERENCE, seriesColour } from "./palette";
import { ChartSvg } from "./svg";

export type { ChartSpec } from "./chart-spec";

/**
 * Charts and their tables, laid out by the chart's own width (a size container), so they fit any
 * column: a .chart must take its width from its parent (a block, grid cell or flex item), never
 * shrink to fit its content.
 */
export const CHART_CSS = `
.chart{margin:16px 0 24px;container-type:inline-size;break-inside:avoid;page-break-inside:avoid}
.chart-title{font-weight:700;font-size:1.05rem;margin:0 0 6px;line-height:1.5}
.chart-legend{display:flex;flex-wrap:wrap;gap:2px 18px;list-style:none;margin:0 0 6px;padding:0;font-size:.9rem}
.chart-legend li{display:inline-flex;align-items:center;gap:6px}
.chart-legend svg{flex:none}
.chart-body{display:grid;gap:12px 20px;grid-template-columns:minmax(0,1fr);align-items:start}
.chart-svg{display:block;width:100%;height:auto;max-width:760px}
.chart-narrow{display:none}
@container (max-width:539.98px){.chart-wide{display:none}.chart-narrow{display:block;max-width:460px}}
@container (min-width:920px){.chart-body{grid-template-columns:minmax(0,3fr) minmax(0,2fr)}}
.chart-link:hover .chart-bar,.chart-link:hover .chart-point{opacity:.8}
.chart-link:focus-visible .chart-bar,.chart-link:focus-visible .chart-point{stroke:#1f2933;stroke-width:3}
.chart-table caption{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
table.chart-table th{white-space:normal}
table.chart-table :is(th,td){vertical-align:middle;padding-top:4px;padding-bottom:4px}
table.chart-table tbody tr{height:44px}
/* On a phone each category is one short card, its figures side by side where they fit. */
@media(max-width:719px){table.chart-table.stack tbody tr{height:auto}
table.chart-table.stack td{display:inline-block;padding-right:4px}}
table.chart-table tbody th{font-weight:400;background:none;overflow-wrap:anywhere}
.chart-note{color:var(--muted);font-size:.88rem;margin:6px 0 0}
.chart-empty{margin:0;padding:28px 12px;text-align:center;color:var(--muted);background:var(--card);
  border:1px dashed var(--line);border-radius:var(--radius)}
@media print{
.chart-wide{display:block!important}.chart-narrow{display:none!important}
.chart-svg{max-width:17cm}
.chart-body{display:block}.chart-data{margin-top:8px}
.chart-data.table-scroll{overflow:visible;width:auto;border:0}
}
`;

/** Safe for an id attribute (the spec's id is the page's, but never trust a caller to keep to [\w-]). */
const domIdOf = (id: string) => `chart-${id.replace(/[^\w-]/g, "-")}`;

export function Chart({ spec }: { spec: ChartSpec }) {
  const domId = domIdOf(spec.id);
  const empty =
    spec.categories.length === 0 ||
    spec.series.length === 0 ||
    spec.series.every((s) => s.values.every((v) => v === null || !Number.isFinite(v)));
  return (
    <figure class="chart" id={domId}>
      <figcaption class="chart-title">{spec.title}</figcaption>
      {empty ? (
        <p class="chart-empty">暂无数据</p>
      ) : (
        <>
          <Legend spec={spec} />
          <div class="chart-body">
            <div class="chart-graphic">
              <ChartSvg spec={spec} g={layoutChart(spec, "wide")} variant="wide" domId={domId} />
              <ChartSvg spec={spec} g={layoutChart(spec, "narrow")} variant="narrow" domId={domId} />
            </div>
            <div class="chart-data table-scroll">
              <ChartTable spec={spec} domId={domId} />
            </div>
          </div>
        </>
      )}
      {spec.note && <p class="chart-note">{spec.note}</p>}
    </figure>
  );
}

/** Series colours and the reference's dash; shown when there is more than one thing to tell apart. */
function Legend({ spec }: { spec: ChartSpec }) {
  if (spec.series.length < 2 && !spec.reference) return null;
  return (
    <ul class="chart-legend" aria-hidden="true">
      {spec.series.map((s, i) => (
        <li>
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            {spec.kind === "line" ? (
              <line x1="0" x2="14" y1="7" y2="7" stroke={seriesColour(i)} stroke-width="3" />
            ) : (
              <rect width="14" height="14" rx="2" fill={seriesColour(i)} />
            )}
          </svg>
          {s.label}
        </li>
      ))}
      {spec.reference && (
        <li>
          <svg width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">
            <line x1="0" x2="22" y1="7" y2="7" stroke={REFERENCE} stroke-width="2" stroke-dasharray="6 4" />
          </svg>
          {spec.reference.label}
        </li>
      )}
    </ul>
  );
}

/** The chart's numbers: categories as rows, series as columns (with 合计 for stacks, and the reference). */
function ChartTable({ spec, domId }: { spec: ChartSpec; domId: string }) {
  const unit = chartUnit(spec);
  const stacked = spec.kind === "stackedBar" && spec.series.length > 1;
  const total = (i: number) => {
    const vs = spec.series.map((s) => s.values[i] ?? null).filter((v): v is number => v !== null);
    return vs.length ? vs.reduce((a, b) => a + Math.max(0, b), 0) : null;
  };
  // Two value columns fit a phone as a table; more become one card per row (table.stack).
  const columns = spec.series.length + (stacked ? 1 : 0) + (spec.reference ? 1 : 0);
  return (
    <table class={columns > 2 ? "grid stack chart-table" : "grid chart-table"} id={`${domId}-table`}>
      <caption>{spec.title}</caption>
      <thead>
        <tr>
          <th scope="col">类别</th>
          {spec.series.map((s) => (
            <th scope="col" class="num">
              {s.label}
            </th>
          ))}
          {stacked && (
            <th scope="col" class="num">
              合计
            </th>
          )}
          {spec.reference && (
            <th scope="col" class="num">
              {spec.reference.label}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {spec.categories.map((c, i) => (
          <tr>
            <th scope="row">{c}</th>
            {spec.series.map((s) => {
              const value = s.values[i] ?? null;
              const text = unit.value(value);
              // No figure, no list behind it: the SVG draws no bar there either.
              const href = value === null ? null : s.href?.[i];
              return (
                <td class="num" data-label={s.label}>
                  {href ? <a href={href}>{text}</a> : text}
                </td>
              );
            })}
            {stacked && (
              <td class="num" data-label="合计">
                {unit.value(total(i))}
              </td>
            )}
            {spec.reference && (
              <td class="num" data-label={spec.reference.label}>
                {unit.value(spec.reference.values[i] ?? null)}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
