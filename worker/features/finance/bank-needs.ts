/**
 * 融资需求 for a bank's staff: the zone's open, unexpired needs, best fit for
 * the bank's published products first, a page at a time, each explained by its
 * best product with the enterprise's financial facts only where it consented
 * for this bank (PIPL).
 *
 * One round trip: the bank's products, the page and the total in one batch.
 * The order is computed in SQL from the need's own terms — tier 0: a product
 * holds its amount and term and accepts a guarantee it offers; tier 1: a
 * product accepts a guarantee it offers; tier 2: none does — then newest first.
 * The full criterion-by-criterion match (industry, qualifications, years,
 * revenue) is the engine's, for the rows shown only: ranking 2,000 needs by it
 * would mean reading every enterprise's records on every page view.
 */
import { and, desc, eq, getTableColumns, gte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { enterprises, financingNeeds, GUARANTEES, loanProducts } from "../../db/schema";
import { compareMatches, matchProduct, type Guarantee } from "../../engines/loan-match/match";
import { shanghaiDate } from "../../lib/calendar";
import { AppError } from "../../lib/errors";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { namesOf } from "../../../web/labels/finance";
import type { BankNeedRow } from "../../../web/pages/finance/rows";
import { list, termsOf } from "./context";
import { bankViewColumns, factsOf } from "./enterprise-facts-sql";
import { CursorParam, decodeCursor, LimitParam, pageOf, type Page } from "./paging";

export const BANK_NEEDS_PAGE = 20;

export const BankNeedsQuery = z.object({
  after: CursorParam.optional(),
  limit: LimitParam(BANK_NEEDS_PAGE),
  /** Needs that offer this guarantee form. */
  guarantee: z.enum(GUARANTEES).optional(),
  /** Only needs a product holds on amount, term and guarantee (tier 0). */
  fit: z.enum(["all", "full"]).default("all"),
});
export type BankNeedsQuery = z.input<typeof BankNeedsQuery>;

export interface BankNeedsPage extends Page<BankNeedRow> {
  /** Whether the bank has a published product (needs are matched against those only; none: no needs shown). */
  hasProducts: boolean;
}

const n = financingNeeds;
/** A published product of the bank that accepts a guarantee the need offers (and, `full`, holds amount and term). */
function productFits(bankId: string, full: boolean): SQL {
  const range = full
    ? sql`and ${n.amountFen} between p.min_amount_fen and p.max_amount_fen
          and ${n.termMonths} between p.min_term_months and p.max_term_months`
    : sql``;
  return sql`exists (select 1 from loan_products p where p.bank_id = ${bankId} and p.status = 'published' ${range}
    and exists (select 1 from json_each(p.guarantees) pg join json_each(${n.guarantees}) ng on pg.value = ng.value))`;
}

export async function needsForBank(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "actor">,
  query: BankNeedsQuery = {},
): Promise<BankNeedsPage> {
  if (ctx.actor.role !== "bank" || !ctx.actor.bankId)
    throw new AppError("forbidden", "只有金融机构用户可以查看融资需求。");
  const q = BankNeedsQuery.parse(query);
  const bankId = ctx.actor.bankId;
  const today = shanghaiDate(ctx.now);
  const tier = sql<number>`(case when ${productFits(bankId, true)} then 0 when ${productFits(bankId, false)} then 1
    else 2 end)`;
  const where = and(
    eq(n.status, "open"),
    gte(n.validUntil, today),
    eq(enterprises.status, "active"),
    // A bank without a published product has nothing to match a need against.
    sql`exists (select 1 from loan_products p where p.bank_id = ${bankId} and p.status = 'published')`,
    q.guarantee ? sql`exists (select 1 from json_each(${n.guarantees}) where value = ${q.guarantee})` : undefined,
    q.fit === "full" ? productFits(bankId, true) : undefined,
  );
  const after = decodeCursor(q.after, ["n", "n", "s"]);
  const afterKey = after
    ? sql`(${tier} > ${after[0]} or (${tier} = ${after[0]} and (${n.createdAt} < ${after[1]}
        or (${n.createdAt} = ${after[1]} and ${n.id} < ${after[2]}))))`
    : undefined;
  const page = ctx.db
    .select({
      ...getTableColumns(financingNeeds),
      enterpriseName: sql<string>`${enterprises.name}`.as("enterprise_name"),
      industry: enterprises.industry,
      registeredOn: enterprises.registeredOn,
      tier: tier.as("tier"),
    })
    .from(n)
    .innerJoin(enterprises, eq(enterprises.id, n.enterpriseId))
    .where(and(where, afterKey))
    .orderBy(sql`tier`, desc(n.createdAt), desc(n.id))
    .limit(q.limit + 1)
    .as("page");
  // Computed for the page's rows only (the subquery above has already cut the list to them). Named in full:
  // drizzle writes a subquery's column unqualified, which inside these subqueries would mean their own column.
  const pageEnterprise = sql.raw(`"page"."enterprise_id"`);
  const view = bankViewColumns(pageEnterprise, bankId, today);
  const [products, rows, [counted]] = await ctx.db.batch([
    ctx.db
      .select()
      .from(loanProducts)
      .where(and(eq(loanProducts.bankId, bankId), eq(loanProducts.status, "published"))),
    ctx.db
      .select({
        need: {
          id: page.id,
          enterpriseId: page.enterpriseId,
          createdBy: page.createdBy,
          amountFen: page.amountFen,
          termMonths: page.termMonths,
          purpose: page.purpose,
          guarantees: page.guarantees,
          neededBy: page.neededBy,
          validUntil: page.validUntil,
          status: page.status,
          createdAt: page.createdAt,
          updatedAt: page.updatedAt,
        },
        enterpriseName: page.enterpriseName,
        industry: page.industry,
        registeredOn: page.registeredOn,
        tier: page.tier,
        ...view,
      })
      .from(page)
      .orderBy(sql`"page"."tier"`, desc(page.createdAt), desc(page.id)),
    ctx.db
      .select({ total: sql<number>`count(*)` })
      .from(n)
      .innerJoin(enterprises, eq(enterprises.id, n.enterpriseId))
      .where(where),
  ]);
  const terms = products.map(termsOf);
  const names = namesOf(ctx.zone);
  const shown: (BankNeedRow & { tier: number })[] = rows.map((r) => {
    const { need, industry } = r;
    const { consented, facts } = factsOf(r, r, today);
    const needTerms = {
      amountFen: need.amountFen,
      termMonths: need.termMonths,
      guarantees: list<Guarantee>(need.guarantees),
    };
    const best =
      terms.map((p) => ({ ...matchProduct(p, needTerms, facts, names), product: p })).sort(compareMatches)[0] ?? null;
    return { need, enterprise: r.enterpriseName, industry, consented, facts, best, tier: r.tier };
  });
  const result = pageOf(shown, q.limit, counted?.total ?? 0, (r) => [r.tier, r.need.createdAt, r.need.id]);
  return { ...result, hasProducts: products.length > 0 };
}
