/**
 * What the engine knows about enterprises, read from the zone's records: the
 * verified, unexpired qualifications, industry (and its 国民经济行业代码), size and yearly figures. Award
 * history comes from subsidy applications (issue 6); until that feature
 * records awards, every history is empty and limits see no earlier awards.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { enterpriseQualifications, enterpriseYearlyFigures, enterprises } from "../../db/schema";
import type { Award, Profile } from "../../policy/format/programme";

export interface EnterpriseFacts { id: string; name: string; profile: Profile; history: Award[] }

/** One enterprise, or every active one when `id` is omitted (for 政策找企业 and new-version notices). */
export async function loadEnterpriseProfiles({ db }: { db: TenantDb }, today: string, id?: string): Promise<EnterpriseFacts[]> {
  const [rows, quals, figures] = await db.batch([
    db.select().from(enterprises).where(id ? eq(enterprises.id, id) : eq(enterprises.status, "active")),
    db.select({ enterpriseId: enterpriseQualifications.enterpriseId, code: enterpriseQualifications.code, validUntil: enterpriseQualifications.validUntil })
      .from(enterpriseQualifications)
      .where(id ? and(eq(enterpriseQualifications.enterpriseId, id), eq(enterpriseQualifications.status, "verified")) : eq(enterpriseQualifications.status, "verified")),
    db.select().from(enterpriseYearlyFigures).where(id ? eq(enterpriseYearlyFigures.enterpriseId, id) : inArray(enterpriseYearlyFigures.enterpriseId, db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.status, "active")))),
  ]);
  const qualsOf = new Map<string, string[]>();
  for (const q of quals) if (!q.validUntil || q.validUntil >= today) qualsOf.set(q.enterpriseId, [...(qualsOf.get(q.enterpriseId) ?? []), q.code]);
  const figuresOf = new Map<string, Profile["figures"]>();
  for (const f of figures) {
    const row = { year: f.year, revenueFen: f.revenueFen, rdExpenseFen: f.rdExpenseFen, rdSuperDeductionFen: f.rdSuperDeductionFen, taxPaidFen: f.taxPaidFen, employees: f.employees, rdStaff: f.rdStaff };
    figuresOf.set(f.enterpriseId, [...(figuresOf.get(f.enterpriseId) ?? []), row]);
  }
  return rows.map((e) => ({
    id: e.id,
    name: e.name,
    profile: { qualifications: qualsOf.get(e.id) ?? [], industry: e.industry, industryClass: e.industryClass, employees: e.employees, registeredCapitalFen: e.registeredCapitalFen, figures: figuresOf.get(e.id) ?? [] },
    history: [],
  }));
}
