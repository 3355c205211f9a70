/**
 * The yearly enterprise report's rules, pure: which figures it asks for, when a year's figures count
 * as filed, and on which days the scheduled reminder goes out. The report pages (features/yearly-reports),
 * the member's profile (features/enterprises) and the reminder job all read them here, so they agree.
 */
import { addDays, isWorkingDay, type WorkCalendar } from "./working-days";

/** The figures the report asks for: a year's row counts as filed when none of them is blank. */
export const REPORT_FIELDS = [
  "revenueFen",
  "rdExpenseFen",
  "taxPaidFen",
  "exportsFen",
  "employees",
  "rdStaff",
  "inventionPatentsFiled",
  "inventionPatentsGranted",
  "validInventionPatents",
] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

export const REPORT_FIELD_LABEL: Record<ReportField, string> = {
  revenueFen: "营业收入",
  rdExpenseFen: "研发费用",
  taxPaidFen: "纳税额",
  exportsFen: "出口额",
  employees: "员工人数",
  rdStaff: "研发人员数",
  inventionPatentsFiled: "发明专利申请数",
  inventionPatentsGranted: "发明专利授权数",
  validInventionPatents: "有效发明专利数",
};

export type FilingStatus = "filed" | "incomplete" | "unfiled";

export const FILING_STATUS_LABEL: Record<FilingStatus, string> = {
  filed: "已填报",
  incomplete: "已填但不完整",
  unfiled: "未填报",
};

/** A year's figures row (or none) as the report sees it. */
export function filingStatus(row: Partial<Record<ReportField, number | null>> | null | undefined): FilingStatus {
  if (!row) return "unfiled";
  return REPORT_FIELDS.every((f) => row[f] !== null && row[f] !== undefined) ? "filed" : "incomplete";
}

/** The report's fields still blank in a row, by their Chinese names. */
export function missingFields(row: Partial<Record<ReportField, number | null>> | null | undefined): string[] {
  return REPORT_FIELDS.filter((f) => row?.[f] === null || row?.[f] === undefined).map((f) => REPORT_FIELD_LABEL[f]);
}

/** Which working days before the due date members who have not filed are reminded: the 7th and the 1st. */
export const REMINDER_WORKING_DAYS_BEFORE = [7, 1] as const;

/** The `n`th working day before `dueOn` (the due date itself not counted). */
export function workingDayBefore(dueOn: string, n: number, cal: WorkCalendar): string {
  let day = dueOn;
  let counted = 0;
  while (counted < n) {
    day = addDays(day, -1);
    if (isWorkingDay(day, cal)) counted++;
  }
  return day;
}

/** The reminder days of a window due on `dueOn`, earliest first. */
export function reminderDays(dueOn: string, cal: WorkCalendar): string[] {
  return REMINDER_WORKING_DAYS_BEFORE.map((n) => workingDayBefore(dueOn, n, cal));
}
