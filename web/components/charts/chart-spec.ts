/** One chart, as a page's view builds it from its data; rendered on the server as SVG plus a table of its numbers. */
export interface ChartSpec {
  /** Unique on the page: the SVG's and the table's ids derive from it. */
  id: string;
  /** Chinese title, also the SVG's accessible name. */
  title: string;
  kind: "bar" | "stackedBar" | "line";
  /** The x-axis (or bar) labels in Chinese: months, stages, programmes, banks, years. */
  categories: string[];
  /**
   * One or more series; for stackedBar they stack. `href[i]` (optional) makes category i's bar a link to the
   * list behind it.
   */
  series: { label: string; values: (number | null)[]; href?: (string | null)[] }[];
  /**
   * How values read: "fen" (money stored in fen, shown in 元/万元), "count" (家/件/个), "days" (天), "percent" (%),
   * or "number" with `unitLabel`.
   */
  unit: "fen" | "count" | "days" | "percent" | "number";
  unitLabel?: string;
  /** A reference drawn as a dashed line across the categories (a budget, a target), with its label. */
  reference?: { label: string; values: (number | null)[] };
  /** Shown under the chart: what the figures are and where they come from. */
  note?: string;
}
