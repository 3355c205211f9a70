/**
 * Dates as the zones live them: the calendar day in Asia/Shanghai (China keeps
 * UTC+8 all year), and each zone's working calendar — the national 放假/调休 days
 * (./cn-public-holidays.ts) with the zone's local additions merged in. The
 * working-day arithmetic itself is ./working-days.ts.
 */
import type { ZoneConfig } from "../../tenants/schema";
import { withNationalCalendar, type WorkCalendar } from "./working-days";

const SHANGHAI_DATE = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Asia/Shanghai, YYYY-MM-DD. */
export function shanghaiDate(now: Date): string {
  return SHANGHAI_DATE.format(now);
}

/** A moment as Beijing time, "2026-06-01 10:00:00", for CSV cells Excel reads as a date and time. */
export function shanghaiDateTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
}

/** A real calendar date written YYYY-MM-DD (no 2025-02-30). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The day after a YYYY-MM-DD date. */
export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The national calendar plus the zone's local additions; merged once per zone config object. */
const calendars = new WeakMap<ZoneConfig, WorkCalendar>();
export function calendarOf(zone: ZoneConfig): WorkCalendar {
  let cal = calendars.get(zone);
  if (!cal) {
    cal = withNationalCalendar(zone.subsidy);
    calendars.set(zone, cal);
  }
  return cal;
}
