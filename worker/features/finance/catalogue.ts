/**
 * The zone's 金融超市 catalogue: published products of active banks, filtered
 * in SQL by what the visitor narrows (type, an amount and term covered, the
 * highest rate acceptable, a guarantee accepted, an industry served, words),
 * lowest rate first, a page at a time with the total (a zone lists about 300).
 */
import { and, asc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { TenantDb } from "../../db/open";
import { banks, GUARANTEES, loanProducts, PRODUCT_TYPES, type LoanProductRow } from "../../db/schema";
import { textField } from "../../lib/text";
import { CursorParam, decodeCursor, pageOf, type Page } from "./paging";
import { code } from "./products";

/** Products per catalogue page. */
export const CATALOGUE_PAGE = 30;

export const CatalogueQuery = z.object({
  type: z.enum(PRODUCT_TYPES).optional(),
  /** The amount wanted (fen): products whose range holds it. */
  amountFen: z.coerce.number().int().min(0).max(1e14).optional(),
  termMonths: z.coerce.number().int().min(1).max(360).optional(),
  /** The highest rate acceptable (bp): products whose lowest rate is at most it. */
  maxRateBp: z.coerce.number().int().min(1).max(3600).optional(),
  guarantee: z.enum(GUARANTEES).optional(),
  industry: code.optional(),
  q: textField({ label: "搜索词", max: 40 }).optional(),
  /** The previous page's nextCursor. */
  after: CursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type CatalogueQuery = z.infer<typeof CatalogueQuery>;

/** The catalogue's filters as SQL: published products of active banks, and whatever the visitor narrowed. */
function catalogueWhere(q: Omit<CatalogueQuery, "after" | "limit">): SQL | undefined {
  const where: (SQL | undefined)[] = [eq(loanProducts.status, "published"), eq(banks.status, "active")];
  if (q.type) where.push(eq(loanProducts.type, q.type));
  if (q.amountFen !== undefined)
    where.push(lte(loanProducts.minAmountFen, q.amountFen), gte(loanProducts.maxAmountFen, q.amountFen));
  if (q.termMonths !== undefined)
    where.push(lte(loanProducts.minTermMonths, q.termMonths), gte(loanProducts.maxTermMonths, q.termMonths));
  if (q.maxRateBp !== undefined) where.push(lte(loanProducts.minRateBp, q.maxRateBp));
  if (q.guarantee)
    where.push(sql`exists (select 1 from json_each(${loanProducts.guarantees}) where value = ${q.guarantee})`);
  if (q.industry) {
    const served = sql`exists (select 1 from json_each(${loanProducts.industries}) where value = ${q.industry})`;
    where.push(sql`(${loanProducts.industries} = '[]' or ${served})`);
  }
  if (q.q) {
    const pattern = `%${q.q.replace(/[%_\\]/g, "\\$&")}%`;
    where.push(
      sql`(${loanProducts.name} like ${pattern} escape '\\' or ${loanProducts.features} like ${pattern} escape '\\')`,
    );
  }
  return and(...where);
}

/**
 * The catalogue's rows, lowest rate first (then name, then id), unawaited so a page can batch it; `limit` rows
 * after the cursor `after` ([minRateBp, name, id]) when paging, every row for the referral list of a decline.
 */
export function catalogueQuery(db: TenantDb, q: Omit<CatalogueQuery, "limit">, limit?: number) {
  const after = decodeCursor(q.after, ["n", "s", "s"]);
  const keyset = after
    ? sql`(${loanProducts.minRateBp}, ${loanProducts.name}, ${loanProducts.id})
        > (${after[0]}, ${after[1]}, ${after[2]})`
    : undefined;
  const rows = db
    .select({ product: loanProducts, bankName: banks.name, bankBranch: banks.branch })
    .from(loanProducts)
    .innerJoin(banks, eq(banks.id, loanProducts.bankId))
    .where(and(catalogueWhere(q), keyset))
    .orderBy(asc(loanProducts.minRateBp), asc(loanProducts.name), asc(loanProducts.id));
  return limit === undefined ? rows : rows.limit(limit);
}

/** The catalogue's count for the same filters (the pager's 共 N 个). */
export const catalogueCount = (db: TenantDb, q: Omit<CatalogueQuery, "after" | "limit">) =>
  db
    .select({ total: sql<number>`count(*)` })
    .from(loanProducts)
    .innerJoin(banks, eq(banks.id, loanProducts.bankId))
    .where(catalogueWhere(q));

/** The zone's 金融超市, a page at a time: published products of active banks, filtered, with the total. */
export async function listCatalogue(db: TenantDb, q: CatalogueQuery): Promise<Page<CatalogueItem>> {
  const limit = q.limit ?? CATALOGUE_PAGE;
  const [rows, [counted]] = await db.batch([catalogueQuery(db, q, limit + 1), catalogueCount(db, q)]);
  return pageOf(rows, limit, counted?.total ?? 0, (r) => [r.product.minRateBp, r.product.name, r.product.id]);
}
export type CatalogueItem = { product: LoanProductRow; bankName: string; bankBranch: string | null };
