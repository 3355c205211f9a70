/**
 * 贷款市场报价利率 (LPR): the rates 全国银行间同业拆借中心 publishes, on the
 * authority of 中国人民银行, on the 20th of each month (the next working day when
 * the 20th is not one), for the 1-year and over-5-year terms. Data, not rules:
 * a 贴息 programme caps its subsidy at a share of the interest these rates give
 * (engines/policy, component `interest`), and cites the rate it used.
 *
 * Only the dates a rate changed are listed: a rate holds from its date until the
 * next one of its term. This list is the published history as read when it was
 * written (the last change it holds is 2025-05-20). A later change is recorded by
 * the zone in its settings (finance.lpr, 园区设置 → 金融服务) until a release
 * adds it here; a recorded rate for the same term and date replaces this list's.
 */

export const LPR_TERMS = ["1y", "5y"] as const;
export type LprTerm = (typeof LPR_TERMS)[number];
export const LPR_TERM_ZH: Record<LprTerm, string> = { "1y": "1年期LPR", "5y": "5年期以上LPR" };

export interface LprRate {
  term: LprTerm;
  /** YYYY-MM-DD: the day it was published and took effect. */
  from: string;
  /** Annual rate in basis points: 310 = 3.10%. */
  bp: number;
  /** Who published it (or who recorded it, for a zone's own entry). */
  source: string;
}

const NIFC = "全国银行间同业拆借中心受权公布";

/** [date, 1-year bp, 5-year bp] on each date either changed (the other is repeated). */
const CHANGES: readonly (readonly [string, number, number])[] = [
  ["2019-08-20", 425, 485],
  ["2019-09-20", 420, 485],
  ["2019-11-20", 415, 480],
  ["2020-02-20", 405, 475],
  ["2020-04-20", 385, 465],
  ["2021-12-20", 380, 465],
  ["2022-01-20", 370, 460],
  ["2022-05-20", 370, 445],
  ["2022-08-22", 365, 430],
  ["2023-06-20", 355, 420],
  ["2023-08-21", 345, 420],
  ["2024-02-20", 345, 395],
  ["2024-07-22", 335, 385],
  ["2024-10-21", 310, 360],
  ["2025-05-20", 300, 350],
];

/** The national history, one row per term per change. */
export const NATIONAL_LPR: readonly LprRate[] = LPR_TERMS.flatMap((term) => {
  const rows: LprRate[] = [];
  for (const [from, oneYear, fiveYear] of CHANGES) {
    const bp = term === "1y" ? oneYear : fiveYear;
    if (rows.at(-1)?.bp !== bp) rows.push({ term, from, bp, source: NIFC });
  }
  return rows;
});

/** The national history with a zone's recorded rates merged in (a recorded one wins on the same term and date). */
export function lprSeries(recorded: readonly LprRate[] = []): readonly LprRate[] {
  if (!recorded.length) return NATIONAL_LPR;
  const byKey = new Map<string, LprRate>();
  for (const r of [...NATIONAL_LPR, ...recorded]) byKey.set(`${r.term}@${r.from}`, r);
  return [...byKey.values()].sort((a, b) =>
    a.term === b.term ? a.from.localeCompare(b.from) : a.term < b.term ? -1 : 1,
  );
}

/** The rate of `term` in force on `date`, or null before the first published one. */
export function lprOn(series: readonly LprRate[], term: LprTerm, date: string): LprRate | null {
  let found: LprRate | null = null;
  for (const r of series) if (r.term === term && r.from <= date && (!found || r.from > found.from)) found = r;
  return found;
}

/** `bp` as people write it: 310 → "3.10%". */
export const lprText = (bp: number) => `${(bp / 100).toFixed(2)}%`;
