/**
 * Working days in Asia/Shanghai: Monday to Friday, less the zone's public
 * holidays, plus the weekend days it works (调休). Dates are YYYY-MM-DD strings;
 * the arithmetic is on UTC calendar days, which never shifts a date.
 */
export interface WorkCalendar {
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

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  if (cal.extraWorkdays.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  const d = weekday(date);
  return d !== 0 && d !== 6;
}

/**
 * The last day of a period of `n` working days starting on `from` (counted when
 * it is a working day): a notice published on Monday for 5 working days runs to
 * Friday; one published on Saturday runs from Monday to Friday.
 */
export function lastOfWorkingDays(from: string, n: number, cal: WorkCalendar): string {
  let day = from;
  let counted = 0;
  for (;;) {
    if (isWorkingDay(day, cal)) counted++;
    if (counted >= n) return day;
    day = addDays(day, 1);
  }
}

/** Working days from `from` (exclusive) to `to` (inclusive); 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  let n = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day, cal)) n++;
  return n;
}
