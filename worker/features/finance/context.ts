/** What the 金融超市 services share: the acting user, the zone's names, JSON columns, and a product as the matcher sees it. */
import type { ZoneConfig } from "../../../tenants/schema";
import type { TenantDb } from "../../db/open";
import type { LoanProductRow, Role } from "../../db/schema";
import type { Guarantee, Names, ProductTerms } from "../../engines/loan-match/match";

export interface FinanceActor {
  id: string;
  email: string;
  role: Role;
  enterpriseId: string | null;
  bankId: string | null;
}
export interface FinanceCtx {
  db: TenantDb;
  zone: ZoneConfig;
  now: Date;
  ip: string | null;
  origin: string;
  actor: FinanceActor;
}

export const list = <T = string>(json: string): T[] => JSON.parse(json) as T[];

export function namesOf(zone: ZoneConfig): Names {
  const ind = new Map(zone.priorityIndustries.map((i) => [i.code, i.zh]));
  const qual = new Map(zone.qualifications.map((q) => [q.code, q.zh]));
  return { industry: (c) => ind.get(c) ?? c, qualification: (c) => qual.get(c) ?? c };
}

export function termsOf(p: LoanProductRow): ProductTerms & { row: LoanProductRow } {
  return {
    id: p.id,
    minAmountFen: p.minAmountFen,
    maxAmountFen: p.maxAmountFen,
    minRateBp: p.minRateBp,
    maxRateBp: p.maxRateBp,
    minTermMonths: p.minTermMonths,
    maxTermMonths: p.maxTermMonths,
    guarantees: list<Guarantee>(p.guarantees),
    industries: list(p.industries),
    qualifications: list(p.qualifications),
    minYears: p.minYears,
    minRevenueFen: p.minRevenueFen,
    row: p,
  };
}
