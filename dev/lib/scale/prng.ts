/**
 * A small seeded PRNG (mulberry32) and the draws the scale seeder makes with it. The
 * same seed gives the same sequence on every machine and Node version, so a scaled
 * zone can be rebuilt row for row; Math.random would make every run different.
 */
import { demoId } from "../../../worker/lib/ids";

export interface Rng {
  /** [0, 1) */
  next(): number;
  /** A whole number in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** An index drawn by weight. */
  weighted(weights: readonly number[]): number;
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (list) => list[Math.floor(next() * list.length)]!,
    chance: (p) => next() < p,
    weighted(weights) {
      const total = weights.reduce((s, w) => s + w, 0);
      let r = next() * total;
      for (const [i, w] of weights.entries()) {
        r -= w;
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
  };
}

/**
 * Ids in newId()'s format (so every path schema accepts them) that follow from the seed,
 * the run and the row: `same seed → same ids`, and a forced second run gets other ones.
 */
export function scaleIds(slug: string, seed: number, run: number) {
  return (kind: string, i: number) => demoId(`scale:${slug}:${seed}:${run}:${kind}:${i}`);
}
