/**
 * What the onboarding pages show, as the views need it; the feature's services
 * return these shapes (times as ISO strings, money in fen), so a view never
 * reaches into the feature that loads it.
 */
import type { ApplicationStatus } from "./labels";

/** One application with its timeline and files, for the applicant's status page and the staff's detail page. */
export interface ApplicationView {
  id: string;
  status: ApplicationStatus;
  companyName: string;
  uscc: string;
  legalRep: string;
  registeredOn: string;
  registeredCapitalFen: number;
  address: string;
  industry: string;
  industryClass: string;
  employees: number;
  contactName: string;
  contactMobile: string;
  contactEmail: string;
  qualifications: { code: string; certificateNo?: string | undefined; issuedOn?: string | undefined }[];
  reviewNote: string | null;
  enterpriseId: string | null;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
  events: { at: string; actor: string; action: string; comment: string | null }[];
  materials: { id: string; kind: string; filename: string; contentType: string; size: number; url: string }[];
}

/** The review queue: the applications shown and the count per status. */
export interface ApplicationList {
  applications: Pick<
    ApplicationView,
    "id" | "status" | "companyName" | "uscc" | "industry" | "createdAt" | "updatedAt"
  >[];
  counts: Record<ApplicationStatus, number>;
  /** Applications matching the filters (every page). */
  total: number;
  /** Opaque keys of the pages after and before this one; null where there is none. */
  nextCursor: string | null;
  prevCursor: string | null;
}

/** The queue's filters as typed (strings), to fill the filter form again and to carry into the pager. */
export type ListFilterValues = Partial<Record<"status" | "industry" | "from" | "to" | "after" | "before", string>>;
