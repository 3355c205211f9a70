/**
 * One loan application as its reader sees it, in one round trip: the row (only
 * if the reader may see it: readerScope), its timeline, whom to call, the
 * member who applied, the need it came from and the product a decline referred
 * to — every part keyed by the application's id in SQL, so none waits for
 * another's answer. A bank's staff also get what their page shows beside it:
 * the product, the enterprise's financial facts where it consented for this
 * bank, and the catalogue to refer a decline to.
 */
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { banks, enterprises, financingNeeds, loanEvents, loanApplications, loanProducts, users } from "../../db/schema";
import type { EnterpriseTerms } from "../../engines/loan-match/match";
import { shanghaiDate } from "../../lib/calendar";
import { AppError } from "../../lib/errors";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import type { LoanDetail } from "../../../web/pages/finance/rows";
import { bankOf } from "./actor-roles";
import { enterpriseFactsQuery, factsOf, NO_FACTS } from "./enterprise-facts-sql";
import { listRow, loanRows, readerScope } from "./list-loans";
import { catalogueQuery, type CatalogueItem } from "./catalogue";

type Ctx = Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "actor">;

/** A column of the application `id`, as a scalar subquery other reads can key on. */
const ofApplication = (id: string, column: string): SQL =>
  sql`(select ${sql.raw(`"${column}"`)} from loan_applications where id = ${id})`;

/** The reads every reader's detail makes, unawaited, for the caller's batch. */
function detailReads(ctx: Ctx, id: string) {
  const db = ctx.db;
  return [
    loanRows(db, and(eq(loanApplications.id, id), readerScope(ctx.actor))).limit(1),
    db.select().from(loanEvents).where(eq(loanEvents.applicationId, id)).orderBy(asc(loanEvents.id)),
    db
      .select({ name: enterprises.contactName, phone: enterprises.contactMobile })
      .from(enterprises)
      .where(eq(enterprises.id, ofApplication(id, "enterprise_id"))),
    db
      .select({ name: users.name, email: users.email, mobile: users.mobile })
      .from(users)
      .where(eq(users.id, ofApplication(id, "created_by"))),
    db
      .select({
        id: financingNeeds.id,
        purpose: financingNeeds.purpose,
        amountFen: financingNeeds.amountFen,
        termMonths: financingNeeds.termMonths,
      })
      .from(financingNeeds)
      .where(
        and(
          eq(financingNeeds.id, ofApplication(id, "need_id")),
          eq(financingNeeds.enterpriseId, ofApplication(id, "enterprise_id")),
        ),
      ),
    // A referred product withdrawn since is no longer offered; the decline's note still says it was referred.
    db
      .select({ productId: loanProducts.id, name: loanProducts.name, bankName: banks.name })
      .from(loanProducts)
      .innerJoin(banks, eq(banks.id, loanProducts.bankId))
      .where(
        and(
          eq(loanProducts.id, ofApplication(id, "referral_product_id")),
          eq(loanProducts.status, "published"),
          eq(banks.status, "active"),
        ),
      ),
  ] as const;
}

type DetailResults = [
  Awaited<ReturnType<typeof detailReads>[0]>,
  Awaited<ReturnType<typeof detailReads>[1]>,
  Awaited<ReturnType<typeof detailReads>[2]>,
  Awaited<ReturnType<typeof detailReads>[3]>,
  Awaited<ReturnType<typeof detailReads>[4]>,
  Awaited<ReturnType<typeof detailReads>[5]>,
];

function assemble(ctx: Ctx, [rows, events, contacts, applicants, needs, referrals]: DetailResults): LoanDetail {
  const row = rows[0];
  if (!row) throw new AppError("not_found", "没有这笔贷款申请。");
  return {
    ...listRow(ctx, row),
    events,
    referral: referrals[0] ?? null,
    contact: { name: contacts[0]?.name ?? null, phone: contacts[0]?.phone ?? null },
    applicant: applicants[0] ?? null,
    need: needs[0] ?? null,
  };
}

/**
 * One application its reader may see (others 404), with the timeline, any referred product, the enterprise's
 * contact and the member who applied, and the need it came from (its 资金用途).
 */
export async function getLoanDetail(ctx: Ctx, id: string): Promise<LoanDetail> {
  const reads = detailReads(ctx, id);
  return assemble(ctx, await ctx.db.batch([...reads]));
}

export interface BankLoanView {
  detail: LoanDetail;
  product: NonNullable<Awaited<ReturnType<typeof productOf>>[number]>;
  facts: EnterpriseTerms;
  consented: boolean;
  /** The zone's catalogue, for the referral a decline may make. */
  catalogue: CatalogueItem[];
}

const productOf = (ctx: Ctx, id: string) =>
  ctx.db
    .select()
    .from(loanProducts)
    .where(eq(loanProducts.id, ofApplication(id, "product_id")));

/** The bank staff's page of one of their bank's applications: the detail and what sits beside it, one batch. */
export async function getBankLoanView(ctx: Ctx, id: string): Promise<BankLoanView> {
  const bankId = bankOf(ctx.actor);
  const today = shanghaiDate(ctx.now);
  const enterpriseId = ofApplication(id, "enterprise_id");
  const [r0, r1, r2, r3, r4, r5] = detailReads(ctx, id);
  const [rows, events, contacts, applicants, needs, referrals, products, enterprise, catalogue] = await ctx.db.batch([
    r0,
    r1,
    r2,
    r3,
    r4,
    r5,
    productOf(ctx, id),
    enterpriseFactsQuery(ctx.db, enterpriseId, bankId, today),
    catalogueQuery(ctx.db, {}),
  ]);
  const detail = assemble(ctx, [rows, events, contacts, applicants, needs, referrals]);
  const e = enterprise[0];
  const seen = e ? factsOf(e, e, today) : NO_FACTS;
  return { detail, product: products[0]!, facts: seen.facts, consented: seen.consented, catalogue };
}
