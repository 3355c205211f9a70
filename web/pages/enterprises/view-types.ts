/**
 * What the enterprise pages show, as the views need it: the rows come from the
 * database's tables, the rest is said here so a view never reaches into the
 * feature that loads it (the services' results fit these shapes).
 */
import type {
  enterpriseHistory,
  enterpriseQualifications,
  enterpriseYearlyFigures,
  enterprises,
  users,
} from "../../../worker/db/schema";

type EnterpriseRow = typeof enterprises.$inferSelect;
type QualificationRow = typeof enterpriseQualifications.$inferSelect;

/** One qualification as listed: its row, its type's name, whether it lapsed, and its certificate's material id. */
type QualificationView = Pick<
  QualificationRow,
  "id" | "code" | "certificateNo" | "issuedOn" | "validUntil" | "status" | "reviewNote"
> & { name: string; expired: boolean; certificateId: string | null };

/** Everything one enterprise's overview shows (the member's own page and the staff detail). */
export interface EnterpriseOverview {
  enterprise: EnterpriseRow;
  qualifications: QualificationView[];
  figures: (typeof enterpriseYearlyFigures.$inferSelect)[];
  members: Pick<typeof users.$inferSelect, "id" | "name" | "email" | "status" | "createdAt">[];
  history: (typeof enterpriseHistory.$inferSelect)[];
  /** The zone's open yearly reports, newest year first. */
  openReports?: { year: number; dueOn: string }[];
}

/** The directory's filters, as validated from the query string. */
export interface DirectoryFilters {
  q?: string | undefined;
  industry?: string | undefined;
  qualification?: string | undefined;
  status?: "active" | "suspended" | undefined;
  page: number;
  after?: string | undefined;
  before?: string | undefined;
}

/** One page of the directory: each enterprise with its verified qualification codes and latest revenue. */
export interface DirectoryResult {
  total: number;
  /** Which page this is (counted from the rows before it), for 第 N / M 页. */
  page: number;
  pageSize: number;
  /** Opaque keys of the pages after and before this one; null where there is none. */
  nextCursor: string | null;
  prevCursor: string | null;
  enterprises: (Pick<EnterpriseRow, "id" | "name" | "uscc" | "industry" | "employees" | "status"> & {
    qualifications: string[];
    latestRevenue: { year: number; revenueFen: number } | null;
  })[];
}

/** A qualification claim waiting for staff, with its enterprise and certificate. */
export type PendingQualification = Pick<
  QualificationRow,
  "id" | "enterpriseId" | "certificateNo" | "issuedOn" | "validUntil" | "createdAt"
> & { name: string; enterpriseName: string; uscc: string | null; certificateId: string | null };
