/** What every scaled-row builder shares: the zone, the seeded draws, ids, the anchor time and the counts. */
import type { ZoneConfig } from "../../../tenants/schema";
import { shanghaiDate } from "../../../worker/lib/calendar";
import type { Rng } from "./prng";

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const WAN = 1_000_000; // fen in 1 万元

/** The volume of a real zone (issue 16); `--factor` scales every count. */
export const FULL_COUNTS = {
  enterprises: 5_000,
  subsidyApplications: 20_000,
  needs: 2_000,
  banks: 20,
  products: 300,
  loans: 5_000,
} as const;
export type ScaleCounts = { -readonly [K in keyof typeof FULL_COUNTS]: number };

export function countsFor(factor: number): ScaleCounts {
  const n = (v: number, min: number) => Math.max(min, Math.round(v * factor));
  return {
    enterprises: n(FULL_COUNTS.enterprises, 10),
    subsidyApplications: n(FULL_COUNTS.subsidyApplications, 20),
    needs: n(FULL_COUNTS.needs, 5),
    banks: n(FULL_COUNTS.banks, 2),
    products: n(FULL_COUNTS.products, 5),
    loans: n(FULL_COUNTS.loans, 10),
  };
}

export interface ScaleContext {
  zone: ZoneConfig;
  rng: Rng;
  id: (kind: string, i: number) => string;
  /** The anchor every timestamp counts back from (ms). */
  now: number;
  counts: ScaleCounts;
  /** 0 for the first scaled set of a zone, 1 for a second one (`--force`), … */
  run: number;
  /** One PBKDF2 hash shared by every scaled account: hashing thousands would take minutes. */
  passwordHash: string;
}

export const dayOf = (ms: number) => shanghaiDate(new Date(ms));
export const yearOf = (ms: number) => Number(dayOf(ms).slice(0, 4));

/** Where scaled accounts get their mail: recognisable, and how a later run finds an earlier one. */
export const scaleEmailDomain = (slug: string) => `scale.${slug}.demo`;
export const scaleEmail = (ctx: Pick<ScaleContext, "zone" | "run">, local: string) =>
  `${local}${ctx.run ? `.r${ctx.run}` : ""}@${scaleEmailDomain(ctx.zone.slug)}`;

/** A time `days` (plus a drawn part of a day) before the anchor. */
export const daysAgo = (ctx: ScaleContext, days: number) => ctx.now - days * DAY - ctx.rng.int(0, 10) * HOUR;
