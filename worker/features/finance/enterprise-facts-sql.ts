/**
 * What a bank may see of an enterprise, as SQL columns to read with whatever
 * names the enterprise (a need, an application), so a page needs no second
 * round trip for them: whether it consented for this bank (PIPL: per bank,
 * revocable), and only then its verified, unexpired qualifications and latest
 * revenue. Years in operation come from the registration date, also only with
 * consent (factsOf).
 */
import { eq, sql, type SQL } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { enterprises } from "../../db/schema";
import { yearsSince, type EnterpriseTerms } from "../../engines/loan-match/match";

/**
 * `enterpriseId`: the SQL naming the enterprise in the caller's query (a qualified column). `bankId` null: the
 * enterprise's own members read it, and see everything.
 */
export function bankViewColumns(enterpriseId: SQL, bankId: string | null, today: string) {
  const consented =
    bankId === null
      ? sql`1`
      : sql`exists (select 1 from data_consents c where c.enterprise_id = ${enterpriseId}
    and c.bank_id = ${bankId} and c.revoked_at is null)`;
  return {
    consented: sql<number>`${consented}`,
    qualifications: sql<string | null>`case when ${consented} then (select json_group_array(distinct q.code)
      from enterprise_qualifications q where q.enterprise_id = ${enterpriseId} and q.status = 'verified'
      and (q.valid_until is null or q.valid_until >= ${today})) end`,
    revenueFen: sql<number | null>`case when ${consented} then (select f.revenue_fen
      from enterprise_yearly_figures f where f.enterprise_id = ${enterpriseId} order by f.year desc limit 1) end`,
  };
}

/** The columns above and the enterprise's own as the matcher's terms; nothing financial without consent. */
export function factsOf(
  r: { consented: number | boolean; qualifications: string | null; revenueFen: number | null },
  e: { industry: string | null; registeredOn: string | null },
  today: string,
): { consented: boolean; facts: EnterpriseTerms } {
  const shared = Boolean(r.consented);
  return {
    consented: shared,
    facts: {
      industry: e.industry,
      qualifications: shared ? (JSON.parse(r.qualifications ?? "[]") as string[]) : null,
      yearsInOperation: shared ? yearsSince(e.registeredOn, today) : null,
      revenueFen: shared ? r.revenueFen : null,
    },
  };
}

/** One enterprise's industry, registration date and (for its members, or with consent) financial columns. */
export const enterpriseFactsQuery = (db: TenantDb, enterpriseId: SQL | string, bankId: string | null, today: string) =>
  db
    .select({
      industry: enterprises.industry,
      registeredOn: enterprises.registeredOn,
      ...bankViewColumns(sql`${enterprises.id}`, bankId, today),
    })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));

/** What nothing is known of: an enterprise no longer there. */
export const NO_FACTS = {
  consented: false,
  facts: { industry: null, qualifications: null, yearsInOperation: null, revenueFen: null } as EnterpriseTerms,
};
