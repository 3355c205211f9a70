/**
 * Plausible ranges for dates people type: a calendar-valid 9999-12-31 or
 * 1000-01-01 is still no answer (a need that never expires, a company founded
 * before the People's Republic). Ranges depend on today (Asia/Shanghai, from the
 * request's `now`), so they are checked in services, and the message states the
 * range so the person knows what to type.
 */
import { AppError } from "./errors";

/** 中华人民共和国成立: no enterprise registered in the mainland is older. */
export const EARLIEST_REGISTRATION = "1949-10-01";

/** `date` moved by whole years; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  // Date.UTC rolls 2027-02-29 over to 03-01; step back to the month's last day instead.
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

export function dateRangeMessage(label: string, from: string, to: string): string {
  return `${label}须在 ${from} 至 ${to} 之间`;
}

/**
 * Refuses `value` (YYYY-MM-DD, already calendar-checked) outside [from, to] with
 * a 422 naming the field and the range. A null/empty value is left to the schema.
 */
export function assertDateInRange(
  field: string,
  label: string,
  value: string | null | undefined,
  from: string,
  to: string,
): void {
  if (!value || (value >= from && value <= to)) return;
  const message = dateRangeMessage(label, from, to);
  throw new AppError("validation_failed", `${message}。`, { [field]: message });
}
