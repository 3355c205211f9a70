/**
 * What the engine knows about enterprises, read from the zone's records: the
 * verified, unexpired qualifications, industry (and its 国民经济行业代码), size and yearly figures,
 * and the award history every evaluation uses (subsidies/award-history.ts):
 * awards and applications in progress. All in one batch, for one enterprise or
 * for a chunk of the zone's enterprises (the jobs that judge every enterprise: 免申即享
 * notices, 政策找企业's stored lists) — never the whole zone at once.
 */
import { and, eq, gt, inArray, sql, type SQL } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
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
  type AwardHistoryRow,
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
 * One enterprise's facts. `exceptApplication` leaves the application being judged out of its own history (submit,
 * the draft's estimate).
 */
export async function loadEnterpriseProfiles(
  { db }: Pick<RequestCtx, "db">,
  today: string,
  id: string,
  exceptApplication?: string,
): Promise<EnterpriseFacts[]> {
  return profilesFrom(await readProfiles(db, id), today, exceptApplication);
}

/**
 * The same reads as queries for the caller's batch; `id` may be a subquery (`sql\`(select …)\``), so an
 * action reads an application and its enterprise's profile in one round trip. `profilesFrom` reads the answers.
 */
export function enterpriseProfileQueries(db: TenantDb, id: string | SQL) {
  return [
    db.select().from(enterprises).where(eq(enterprises.id, id)),
    db
      .select(QUALIFICATION)
      .from(enterpriseQualifications)
      .where(and(eq(enterpriseQualifications.enterpriseId, id), eq(enterpriseQualifications.status, "verified"))),
    db.select().from(enterpriseYearlyFigures).where(eq(enterpriseYearlyFigures.enterpriseId, id)),
    awardHistoryQuery(db, id),
  ] as const;
}

const QUALIFICATION = {
  enterpriseId: enterpriseQualifications.enterpriseId,
  code: enterpriseQualifications.code,
  validUntil: enterpriseQualifications.validUntil,
};

/**
 * The next `limit` active enterprises after `cursor` (`and`ed with `where`), with the same reads as
 * `enterpriseProfileQueries`, for a job's batch: every per-enterprise read is keyed on the chunk's ids (a
 * subquery), so no read grows with the zone. Keyset on the primary key: `id > cursor` ('' before the
 * first chunk) in id order; the unary + keeps SQLite off the status index, which would read every
 * active enterprise and sort them to find the next 200 (asserted in jobs/chunk-plans.test.ts).
 */
export function enterpriseChunkQueries(db: TenantDb, cursor: string | null, limit: number, where?: SQL) {
  const inChunk = and(sql`+${enterprises.status} = 'active'`, where, gt(enterprises.id, cursor ?? ""));
  const ids = db.select({ id: enterprises.id }).from(enterprises).where(inChunk).orderBy(enterprises.id).limit(limit);
  const awards = awardHistoryQuery(db).as("awards");
  return {
    ids,
    queries: [
      db.select().from(enterprises).where(inChunk).orderBy(enterprises.id).limit(limit),
      db
        .select(QUALIFICATION)
        .from(enterpriseQualifications)
        .where(
          and(inArray(enterpriseQualifications.enterpriseId, ids), eq(enterpriseQualifications.status, "verified")),
        ),
      db.select().from(enterpriseYearlyFigures).where(inArray(enterpriseYearlyFigures.enterpriseId, ids)),
      db.select().from(awards).where(inArray(awards.enterpriseId, ids)),
    ] as const,
  };
}

const readProfiles = (db: TenantDb, id: string | SQL) => db.batch(enterpriseProfileQueries(db, id));
/** The answers of either set of reads, in their order. */
type ProfileRows = readonly [
  (typeof enterprises.$inferSelect)[],
  { enterpriseId: string; code: string; validUntil: string | null }[],
  (typeof enterpriseYearlyFigures.$inferSelect)[],
  readonly AwardHistoryRow[],
];

/** The answers of `enterpriseProfileQueries` as profiles, qualifications valid on `today`. */
export function profilesFrom(
  [rows, quals, figures, awardRows]: ProfileRows,
  today: string,
  exceptApplication?: string,
): EnterpriseFacts[] {
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
