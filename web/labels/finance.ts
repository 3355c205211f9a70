/**
 * The 金融超市's words, shared by its views and its services (a mail names a
 * status as the page does): loan statuses, and a zone's industry and
 * qualification codes as names for the loan matcher's explanations.
 */
import type { ZoneConfig } from "../../tenants/schema";
import type { LoanStatus } from "../../worker/db/schema";
import type { Names } from "../../worker/engines/loan-match/match";

export const LOAN_STATUS_ZH: Record<LoanStatus, string> = {
  submitted: "已提交,待受理",
  accepted: "已受理",
  approved: "已授信",
  disbursed: "已放款",
  declined: "已拒绝",
  withdrawn: "已撤回",
};

/** The zone's industry and qualification names by code; an unknown code reads as itself. */
export function namesOf(zone: ZoneConfig): Names {
  const ind = new Map(zone.priorityIndustries.map((i) => [i.code, i.zh]));
  const qual = new Map(zone.qualifications.map((q) => [q.code, q.zh]));
  return { industry: (c) => ind.get(c) ?? c, qualification: (c) => qual.get(c) ?? c };
}
