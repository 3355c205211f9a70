/** What the indicator pages show, as the feature (worker/features/indicators) hands it to them. */

export interface ActualView {
  year: number;
  value: number;
  origin: "entered" | "computed";
  /** The staff's source note, or what the platform counted. */
  note: string;
  enteredAt: number | null;
}

export interface ProgressView {
  /** The actual is at or past the target in the good direction. */
  met: boolean;
  /** Share of the way from baseline to target; null when the baseline is missing or already past it. */
  fraction: number | null;
  /** For a bar: the fraction as 0–100 (capped; 100 when met). */
  percent: number | null;
  /** What the table prints: 已达标, 完成 63%, 低于基期, 未达标. */
  label: string;
}

export interface IndicatorView {
  id: string;
  code: string;
  name: string;
  unit: string;
  direction: "higher" | "lower";
  baseline: { year: number; value: number | null };
  targets: { year: number; value: number }[];
  /** The target that applies to the chosen year. */
  target: { year: number; value: number } | null;
  source: string;
  sourceNote: string;
  sortOrder: number;
  active: boolean;
  actual: ActualView | null;
  progress: ProgressView | null;
  /** The list behind a computed figure. */
  behind: string | null;
  /** Every entered actual, newest year first: who entered it, when, from what source. */
  entries: { year: number; value: number; note: string; enteredBy: string | null; enteredAt: number }[];
  /** Figures by year from the baseline to the chosen year or the last target (entered or computed). */
  byYear: { year: number; value: number | null }[];
}

export interface IndicatorTable {
  year: number;
  /** The years the page offers to choose from. */
  years: number[];
  indicators: IndicatorView[];
}
