/**
 * A bank's own view of the pools (/bank/risk-pool, GET /api/v1/bank/risk-pool): the terms of each pool
 * its loans are registered to or its products enrolled in, its own exposure, what it has been paid
 * and what its cap still allows, its registered loans (with any live claim) and its claims. Every
 * query is scoped to the actor's bank in SQL; the pool's balance and other banks' figures are not read.
 */
import { and, count, desc, eq, inArray, isNull, or, sql, sum } from "drizzle-orm";
import { enterprises, loanProducts, riskClaims, riskPoolLoans, riskPoolProducts, riskPools } from "../../db/schema";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import type { BankRiskView } from "../../../web/pages/risk-pool/types";
import { bankOf } from "./access";
import { claimItem, claimItems, coverageView } from "./claim-items";

const MAX_ROWS = 200;

export async function readBankView(ctx: Pick<RequestCtx<Actor>, "db" | "actor">): Promise<BankRiskView> {
  const bankId = bankOf(ctx.actor);
  const { db } = ctx;
  const principal = sum(riskPoolLoans.principalFen);
  const [pools, exposure, paid, loans, claims] = await db.batch([
    db
      .select()
      .from(riskPools)
      .where(
        or(
          inArray(
            riskPools.id,
            db
              .select({ id: riskPoolProducts.poolId })
              .from(riskPoolProducts)
              .where(and(eq(riskPoolProducts.bankId, bankId), isNull(riskPoolProducts.unenrolledAt))),
          ),
          inArray(
            riskPools.id,
            db.select({ id: riskPoolLoans.poolId }).from(riskPoolLoans).where(eq(riskPoolLoans.bankId, bankId)),
          ),
        ),
      )
      .orderBy(desc(riskPools.createdAt)),
    db
      .select({
        poolId: riskPoolLoans.poolId,
        productId: riskPoolLoans.productId,
        productName: loanProducts.name,
        productType: loanProducts.type,
        count: count(),
        principalFen: principal,
      })
      .from(riskPoolLoans)
      .innerJoin(loanProducts, eq(loanProducts.id, riskPoolLoans.productId))
      .where(eq(riskPoolLoans.bankId, bankId))
      .groupBy(riskPoolLoans.poolId, riskPoolLoans.productId),
    db
      .select({ poolId: riskClaims.poolId, paidFen: sum(riskClaims.amountFen) })
      .from(riskClaims)
      .where(and(eq(riskClaims.bankId, bankId), eq(riskClaims.status, "approved")))
      .groupBy(riskClaims.poolId),
    db
      .select({
        loan: riskPoolLoans,
        poolName: riskPools.name,
        enterpriseName: enterprises.name,
        productName: loanProducts.name,
        claimStatus: sql<"submitted" | "approved" | null>`(select c.status from risk_claims c
          where c.loan_id = ${riskPoolLoans.loanId} and c.status in ('submitted', 'approved'))`,
      })
      .from(riskPoolLoans)
      .innerJoin(riskPools, eq(riskPools.id, riskPoolLoans.poolId))
      .innerJoin(enterprises, eq(enterprises.id, riskPoolLoans.enterpriseId))
      .innerJoin(loanProducts, eq(loanProducts.id, riskPoolLoans.productId))
      .where(eq(riskPoolLoans.bankId, bankId))
      .orderBy(desc(riskPoolLoans.registeredAt), desc(riskPoolLoans.loanId))
      .limit(MAX_ROWS),
    claimItems(db)
      .where(eq(riskClaims.bankId, bankId))
      .orderBy(desc(riskClaims.filedAt), desc(riskClaims.id))
      .limit(MAX_ROWS),
  ]);
  return {
    pools: pools.map((p) => {
      const mine = exposure.filter((e) => e.poolId === p.id);
      const paidFen = Number(paid.find((x) => x.poolId === p.id)?.paidFen ?? 0);
      return {
        id: p.id,
        name: p.name,
        status: p.status,
        perLoanCapFen: p.perLoanCapFen,
        perBankCapFen: p.perBankCapFen,
        fileWithinDays: p.fileWithinDays,
        reviewWithinDays: p.reviewWithinDays,
        basis: p.basis,
        coverage: coverageView(p.coverage),
        paidFen,
        capLeftFen: Math.max(0, p.perBankCapFen - paidFen),
        exposure: {
          count: mine.reduce((a, e) => a + e.count, 0),
          principalFen: mine.reduce((a, e) => a + Number(e.principalFen ?? 0), 0),
          byProduct: mine.map((e) => ({ ...e, bankName: "", principalFen: Number(e.principalFen ?? 0) })),
        },
      };
    }),
    loans: loans.map((l) => ({
      loanId: l.loan.loanId,
      poolId: l.loan.poolId,
      poolName: l.poolName,
      enterpriseName: l.enterpriseName,
      productName: l.productName,
      principalFen: l.loan.principalFen,
      disbursedOn: l.loan.disbursedOn,
      firstLoan: l.loan.firstLoan,
      credit: l.loan.credit,
      claimStatus: l.claimStatus,
    })),
    claims: claims.map(claimItem),
  };
}
