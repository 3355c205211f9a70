/**
 * Working days in Asia/Shanghai: Monday to Friday, less the public holidays,
 * plus the weekend days worked (调休). Dates are YYYY-MM-DD strings; the
 * arithmetic is on UTC calendar days, which never shifts a date.
 *
 * A zone's calendar is the national one (./cn-public-holidays.ts, from the State
 * Council's notices) with the zone's local additions merged in. A year the State
 * Council has not announced yet is counted Monday to Friday, and every caller that
 * shows a deadline says so (`unannouncedYears`, `provisionalNote`), because the
 * real deadline will move once the notice is out.
 */
import { NATIONAL_CALENDAR } from "./cn-public-holidays";

export interface WorkCalendar {
  holidays: readonly string[];
  extraWorkdays: readonly string[];
  /** Years whose national calendar is known; absent for a hand-made calendar (tests). */
  announcedYears?: readonly number[];
}

interface LocalAdditions {
  holidays: readonly string[];
  extraWorkdays: readonly string[];
}

const DAY = 86_400_000;

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/**
 * The national calendar with a zone's local additions: its own holidays (a local
 * day off, even on a national 调休 Saturday) and its own extra working days. A
 * local working day cannot cancel a national holiday: zones add, they do not remove.
 */
export function withNationalCalendar(local: LocalAdditions): WorkCalendar {
  const holidays = new Set([...NATIONAL_CALENDAR.holidays, ...local.holidays]);
  const localOff = new Set(local.holidays);
  const extraWorkdays = [
    ...NATIONAL_CALENDAR.workdays.filter((d) => !localOff.has(d)),
    ...local.extraWorkdays.filter((d) => !holidays.has(d)),
  ];
  return { holidays: [...holidays], extraWorkdays, announcedYears: NATIONAL_CALENDAR.years };
}

const NATIONAL_ONLY = withNationalCalendar({ holidays: [], extraWorkdays: [] });

/** Lookups by Set, built once per calendar object: a 15-day count asks about ~20 dates. */
const lookups = new WeakMap<WorkCalendar, { off: Set<string>; on: Set<string> }>();
function lookup(cal: WorkCalendar) {
  let l = lookups.get(cal);
  if (!l) {
    l = { off: new Set(cal.holidays), on: new Set(cal.extraWorkdays) };
    lookups.set(cal, l);
  }
  return l;
}

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  const { off, on } = lookup(cal);
  if (on.has(date)) return true;
  if (off.has(date)) return false;
  const d = weekday(date);
  return d !== 0 && d !== 6;
}

/**
 * The last day of a period of `n` working days starting on `from` (counted when
 * it is a working day): a notice published on Monday for 5 working days runs to
 * Friday; one published on Saturday runs from Monday to Friday.
 */
export function lastOfWorkingDays(from: string, n: number, cal: WorkCalendar): string {
  return workingDayPeriod(from, n, cal).last;
}

/** As lastOfWorkingDays, and the years counted through that have no announced calendar. */
export function workingDayPeriod(
  from: string,
  n: number,
  cal: WorkCalendar,
): { last: string; unannouncedYears: number[] } {
  let day = from;
  let counted = 0;
  for (;;) {
    if (isWorkingDay(day, cal)) counted++;
    if (counted >= n) return { last: day, unannouncedYears: unannouncedYears(from, day, cal) };
    day = addDays(day, 1);
  }
}

/** Working days from `from` (exclusive) to `to` (inclusive); 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  let n = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day, cal)) n++;
  return n;
}

/**
 * The years from `from` to `to` (dates, either order) whose holidays were counted
 * as plain weekdays because no national calendar is known for them. Empty for a
 * calendar that does not say which years it knows.
 */
export function unannouncedYears(from: string, to: string, cal: WorkCalendar = NATIONAL_ONLY): number[] {
  const known = cal.announcedYears;
  if (!known) return [];
  const [a, b] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))].sort((x, y) => x - y) as [number, number];
  const out: number[] = [];
  for (let y = a; y <= b; y++) if (!known.includes(y)) out.push(y);
  return out;
}

/**
 * What staff are told beside a deadline counted through an unannounced year, or
 * null. `from` is when the count started (today, for a date shown now); the
 * deadline alone is enough when the start is not known.
 */
export function provisionalNote(due: string | null | undefined, from?: string): string | null {
  if (!due) return null;
  // A start after the due date (a past deadline looked at today) says nothing about how it was counted.
  const years = unannouncedYears(from !== undefined && from < due ? from : due, due);
  if (!years.length) return null;
  const first = NATIONAL_CALENDAR.years[0]!;
  const later = years.filter((y) => y > first);
  const earlier = years.filter((y) => y < first);
  const parts = [
    ...(later.length ? [`${later.join("、")}年放假安排尚未公布`] : []),
    ...(earlier.length ? [`${earlier.join("、")}年放假安排未收录`] : []),
  ];
  return `${parts.join(",")},截止日按周一至周五计算${later.length ? ",公布后请核对" : ""}。`;
}
