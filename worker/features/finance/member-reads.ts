/**
 * What the enterprise's 金融超市 pages read beyond the services: its loan
 * applications with product and bank names, the one still pending for a
 * product, one application with its timeline, need and the bank's referral,
 * and the banks it may grant or has granted.
 * Every read is scoped to the member's own enterprise (readableLoan, memberOf).
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { banks, financingNeeds, loanApplications, loanEvents, loanProducts, OPEN_LOAN_STATUSES } from "../../db/schema";
import { listConsents } from "./consents";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { loanSearch } from "./list-loans";
import { readableLoan } from "./loan-applications";
import { memberOf } from "./actor-roles";

export async function myLoans(ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "actor">, q?: string) {
  return ctx.db
    .select({
      id: loanApplications.id,
      numberYear: loanApplications.numberYear,
      numberSeq: loanApplications.numberSeq,
      productName: loanProducts.name,
      bankName: banks.name,
      amountFen: loanApplications.amountFen,
      termMonths: loanApplications.termMonths,
      status: loanApplications.status,
      submittedAt: loanApplications.submittedAt,
      acceptDueOn: loanApplications.acceptDueOn,
      decideDueOn: loanApplications.decideDueOn,
    })
    .from(loanApplications)
    .innerJoin(loanProducts, eq(loanProducts.id, loanApplications.productId))
    .innerJoin(banks, eq(banks.id, loanApplications.bankId))
    .where(
      and(eq(loanApplications.enterpriseId, memberOf(ctx.actor)), loanSearch(ctx, q, [loanProducts.name, banks.name])),
    )
    .orderBy(desc(loanApplications.submittedAt), desc(loanApplications.id));
}

/** The member's application to this product still in progress (not yet 放款, 拒绝 or withdrawn), if any. */
export async function pendingApplicationFor(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "actor">,
  productId: string,
) {
  const [row] = await ctx.db
    .select({
      id: loanApplications.id,
      numberYear: loanApplications.numberYear,
      numberSeq: loanApplications.numberSeq,
      status: loanApplications.status,
      submittedAt: loanApplications.submittedAt,
      amountFen: loanApplications.amountFen,
      termMonths: loanApplications.termMonths,
    })
    .from(loanApplications)
    .where(
      and(
        eq(loanApplications.enterpriseId, memberOf(ctx.actor)),
        eq(loanApplications.productId, productId),
        inArray(loanApplications.status, [...OPEN_LOAN_STATUSES]),
      ),
    )
    .orderBy(desc(loanApplications.submittedAt))
    .limit(1);
  return row ?? null;
}

/** A product and its bank by id, and whether the catalogue still lists it (so a link to it works). */
async function productAndBank(ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "actor">, productId: string) {
  const [row] = await ctx.db
    .select({
      id: loanProducts.id,
      name: loanProducts.name,
      status: loanProducts.status,
      bankName: banks.name,
      bankStatus: banks.status,
    })
    .from(loanProducts)
    .innerJoin(banks, eq(banks.id, loanProducts.bankId))
    .where(eq(loanProducts.id, productId))
    .limit(1);
  return row
    ? {
        id: row.id,
        name: row.name,
        bankName: row.bankName,
        published: row.status === "published" && row.bankStatus === "active",
      }
    : null;
}

/** One of the member's applications (another enterprise's is a 404) with what its page shows. */
export async function myLoan(ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "actor">, id: string) {
  const enterpriseId = memberOf(ctx.actor);
  const loan = await readableLoan(ctx, id);
  const [product, referral, events, needs] = await Promise.all([
    productAndBank(ctx, loan.productId),
    loan.referralProductId ? productAndBank(ctx, loan.referralProductId) : null,
    ctx.db.select().from(loanEvents).where(eq(loanEvents.applicationId, id)).orderBy(asc(loanEvents.id)),
    loan.needId
      ? ctx.db
          .select({ id: financingNeeds.id, amountFen: financingNeeds.amountFen, termMonths: financingNeeds.termMonths })
          .from(financingNeeds)
          .where(and(eq(financingNeeds.id, loan.needId), eq(financingNeeds.enterpriseId, enterpriseId)))
      : [],
  ]);
  return { loan, product: product!, bankName: product!.bankName, referral, events, need: needs[0] ?? null };
}

/** The member's grants (newest first, revoked ones too) and the zone's active banks it has not granted. */
export async function consentChoices(ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "actor">) {
  const [rows, active] = await Promise.all([
    listConsents(ctx),
    ctx.db
      .select({ id: banks.id, name: banks.name, branch: banks.branch })
      .from(banks)
      .where(eq(banks.status, "active"))
      .orderBy(asc(banks.name)),
  ]);
  const consents = rows
    .map((r) => ({
      bankId: r.consent.bankId,
      bankName: r.bankName,
      grantedAt: r.consent.grantedAt,
      grantedBy: r.consent.grantedBy,
      revokedAt: r.consent.revokedAt,
    }))
    .sort((a, b) => b.grantedAt - a.grantedAt);
  const granted = new Set(consents.filter((c) => c.revokedAt === null).map((c) => c.bankId));
  return { consents, others: active.filter((b) => !granted.has(b.id)) };
}
