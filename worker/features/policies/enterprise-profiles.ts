/**
 * What the engine knows about enterprises, read from the zone's records: the
 * verified, unexpired qualifications, industry (and its 国民经济行业代码), size and yearly figures,
 * and the award history every evaluation uses (subsidies/award-history.ts):
 * awards and applications in progress. All in one batch, for one enterprise or
 * a whole zone (政策找企业 and notices read every enterprise's at once).
 */
import { and, eq, inArray } from "drizzle-orm";
import { enterpriseQualifications, enterpriseYearlyFigures, enterprises } from "../../db/schema";
import type { Evaluation } from "../../engines/policy/evaluate";
import type { Award, Profile } from "../../engines/policy/format/programme";
import {
  awardHistoryQuery,
  EMPTY_HISTORY,
  historiesByEnterprise,
  limitHistory,
  noteInProgress,
  type AwardHistory,
} from "../subsidies/award-history";
import type { RequestCtx } from "../../middleware/request-ctx";

export interface EnterpriseFacts {
  id: string;
  name: string;
  profile: Profile;
  /** What the limits read: awards and applications in progress (at their reserved amounts). */
  history: Award[];
  awards: AwardHistory;
}

/** A result for this enterprise, saying so where an application of the programme is in progress. */
export const withInProgress = (e: Pick<EnterpriseFacts, "awards">, result: Evaluation): Evaluation =>
  noteInProgress(result, result.programme, e.awards);

/**
 * One enterprise, or every active one when `id` is omitted (for 政策找企业 and
 * new-version notices). `exceptApplication` leaves the application being judged
 * out of its own history (submit, the draft's estimate).
 */
export async function loadEnterpriseProfiles(
  { db }: Pick<RequestCtx, "db">,
  today: string,
  id?: string,
  exceptApplication?: string,
): Promise<EnterpriseFacts[]> {
  const [rows, quals, figures, awardRows] = await db.batch([
    db
      .select()
      .from(enterprises)
      .where(id ? eq(enterprises.id, id) : eq(enterprises.status, "active")),
    db
      .select({
        enterpriseId: enterpriseQualifications.enterpriseId,
        code: enterpriseQualifications.code,
        validUntil: enterpriseQualifications.validUntil,
      })
      .from(enterpriseQualifications)
      .where(
        id
          ? and(eq(enterpriseQualifications.enterpriseId, id), eq(enterpriseQualifications.status, "verified"))
          : eq(enterpriseQualifications.status, "verified"),
      ),
    db
      .select()
      .from(enterpriseYearlyFigures)
      .where(
        id
          ? eq(enterpriseYearlyFigures.enterpriseId, id)
          : inArray(
              enterpriseYearlyFigures.enterpriseId,
              db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.status, "active")),
            ),
      ),
    awardHistoryQuery(db, id),
  ]);
  const histories = historiesByEnterprise(awardRows, exceptApplication);
  const qualsOf = new Map<string, string[]>();
  for (const q of quals)
    if (!q.validUntil || q.validUntil >= today)
      qualsOf.set(q.enterpriseId, [...(qualsOf.get(q.enterpriseId) ?? []), q.code]);
  const figuresOf = new Map<string, Profile["figures"]>();
  for (const f of figures) {
    const row = {
      year: f.year,
      revenueFen: f.revenueFen,
      rdExpenseFen: f.rdExpenseFen,
      rdSuperDeductionFen: f.rdSuperDeductionFen,
      taxPaidFen: f.taxPaidFen,
      employees: f.employees,
      rdStaff: f.rdStaff,
    };
    figuresOf.set(f.enterpriseId, [...(figuresOf.get(f.enterpriseId) ?? []), row]);
  }
  return rows.map((e) => ({
    id: e.id,
    name: e.name,
    profile: {
      qualifications: qualsOf.get(e.id) ?? [],
      industry: e.industry,
      industryClass: e.industryClass,
      employees: e.employees,
      registeredCapitalFen: e.registeredCapitalFen,
      figures: figuresOf.get(e.id) ?? [],
    },
    history: limitHistory(histories.get(e.id) ?? EMPTY_HISTORY),
    awards: histories.get(e.id) ?? EMPTY_HISTORY,
  }));
}
