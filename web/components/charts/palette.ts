/**
 * Series colours, in order. Each is 4.5:1 or more against white (so bars, lines and the
 * legend's swatches pass WCAG 1.4.11's 3:1 with room), and neighbours differ in hue and
 * lightness; stacked segments are also parted by a white line, so they never touch.
 */
export const SERIES_COLOURS = ["#1f5fa8", "#c2410c", "#0f766e", "#7e3ab5", "#8a6100", "#be185d", "#4b5563"] as const;

export const INK = "#1f2933";
export const MUTED = "#5f6b7a";
export const GRID = "#dfe3e8";
/** The reference line (budget, target): dark, dashed, never mistaken for a series. */
export const REFERENCE = "#1f2933";

export function seriesColour(i: number): string {
  return SERIES_COLOURS[i % SERIES_COLOURS.length] ?? INK;
}
