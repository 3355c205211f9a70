/**
 * The zone's enterprise directory for staff: search by name or USCC substring,
 * filter by priority industry, verified qualification and status, one page at a
 * time (or every match, for the CSV export). Each row carries its verified
 * qualification codes and its latest reported operating revenue.
 */
import { and, asc, count, desc, eq, exists, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { enterpriseQualifications, enterpriseYearlyFigures, enterprises } from "../../db/schema";
import type { DirectoryFilters } from "./schemas";
import type { RequestCtx } from "../../middleware/request-ctx";

const PAGE_SIZE = 20;
/** SQLite binds at most 32766 variables; stay far below it per IN list. */
const CHUNK = 500;

function where(db: TenantDb, f: DirectoryFilters): SQL | undefined {
  const conditions: SQL[] = [];
  // instr(), not LIKE: a % or _ typed into the search box means itself.
  if (f.q)
    conditions.push(
      sql`(instr(${enterprises.name}, ${f.q}) > 0 OR instr(${enterprises.uscc}, ${f.q.toUpperCase()}) > 0)`,
    );
  if (f.industry) conditions.push(eq(enterprises.industry, f.industry));
  if (f.status) conditions.push(eq(enterprises.status, f.status));
  if (f.qualification) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(enterpriseQualifications)
          .where(
            and(
              eq(enterpriseQualifications.enterpriseId, enterprises.id),
              eq(enterpriseQualifications.code, f.qualification),
              eq(enterpriseQualifications.status, "verified"),
            ),
          ),
      ),
    );
  }
  return conditions.length ? and(...conditions) : undefined;
}

export async function listEnterprises(
  { db }: Pick<RequestCtx, "db">,
  filters: DirectoryFilters,
  paging: "page" | "all" = "page",
) {
  const cond = where(db, filters);
  const base = db.select().from(enterprises).where(cond).orderBy(asc(enterprises.name), asc(enterprises.id));
  const [[total], rows] = await db.batch([
    db.select({ n: count() }).from(enterprises).where(cond),
    paging === "all" ? base : base.limit(PAGE_SIZE).offset((filters.page - 1) * PAGE_SIZE),
  ]);

  const quals = new Map<string, string[]>();
  const revenue = new Map<string, { year: number; revenueFen: number }>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const ids = rows.slice(i, i + CHUNK).map((r) => r.id);
    const [q, f] = await db.batch([
      db
        .select({ enterpriseId: enterpriseQualifications.enterpriseId, code: enterpriseQualifications.code })
        .from(enterpriseQualifications)
        .where(
          and(inArray(enterpriseQualifications.enterpriseId, ids), eq(enterpriseQualifications.status, "verified")),
        )
        .orderBy(asc(enterpriseQualifications.code)),
      db
        .select({
          enterpriseId: enterpriseYearlyFigures.enterpriseId,
          year: enterpriseYearlyFigures.year,
          revenueFen: enterpriseYearlyFigures.revenueFen,
        })
        .from(enterpriseYearlyFigures)
        .where(and(inArray(enterpriseYearlyFigures.enterpriseId, ids), isNotNull(enterpriseYearlyFigures.revenueFen)))
        .orderBy(desc(enterpriseYearlyFigures.year)),
    ]);
    for (const r of q) quals.set(r.enterpriseId, [...(quals.get(r.enterpriseId) ?? []), r.code]);
    // Newest year first, so the first row seen per enterprise is its latest revenue.
    for (const r of f)
      if (!revenue.has(r.enterpriseId)) revenue.set(r.enterpriseId, { year: r.year, revenueFen: r.revenueFen! });
  }
  return {
    total: total?.n ?? 0,
    page: filters.page,
    pageSize: PAGE_SIZE,
    enterprises: rows.map((e) => ({
      ...e,
      qualifications: quals.get(e.id) ?? [],
      latestRevenue: revenue.get(e.id) ?? null,
    })),
  };
}

export type DirectoryResult = Awaited<ReturnType<typeof listEnterprises>>;
export type DirectoryEntry = DirectoryResult["enterprises"][number];
