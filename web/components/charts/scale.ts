/** The value axis: "nice" ticks from 0 (1, 2, 2.5 or 5 times a power of ten), and the top they reach. */

/** Steps tried, as multiples of a power of ten. */
const NICE = [1, 2, 2.5, 5] as const;

/**
 * Ticks from 0 up to at least `max` (in axis units): 0 and four to six more, evenly spaced by a
 * nice step. `integer` keeps steps whole (counts of enterprises). Charts draw no negative
 * values (figures here are counts, sums and days), so the axis always starts at 0.
 */
export function niceTicks(max: number, integer: boolean): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 0;
  if (top === 0) return integer ? [0, 1, 2, 3, 4] : [0, 0.25, 0.5, 0.75, 1];
  // The smallest nice step that covers `top` in at most six steps; then at least four steps.
  let exp = Math.floor(Math.log10(top / 6));
  for (;;) {
    for (const m of NICE) {
      const step = m * 10 ** exp;
      if (integer && !Number.isInteger(step)) continue;
      if (Math.ceil(top / step - 1e-9) <= 6) return ticksOf(step, Math.max(4, Math.ceil(top / step - 1e-9)));
    }
    exp += 1;
  }
}

function ticksOf(step: number, steps: number): number[] {
  // Rounded to the step's own decimals: 0.1 * 3 is 0.30000000000000004 otherwise.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  return Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toFixed(decimals)));
}
