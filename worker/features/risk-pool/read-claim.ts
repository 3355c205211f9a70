/**
 * One claim with its loan, the pool's limits as they stand, what an approval would pay now and the
 * claim's ledger rows and materials — for the zone's staff, or for the claiming bank's staff (scoped in SQL:
 * another bank's claim answers as a missing one). One batch of reads.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { loanApplications, materials, riskClaims, riskPoolLedger, riskPoolLoans, riskPools } from "../../db/schema";
import { AppError } from "../../lib/errors";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import type { ClaimDetail } from "../../../web/pages/risk-pool/types";
import { bankOf, CLAIM_NOT_FOUND } from "./access";
import { claimItem, claimItems } from "./claim-items";
import { claimMaterialKind } from "./claim-materials";
import { claimAmount } from "./coverage";

export async function readClaim(ctx: Pick<RequestCtx<Actor>, "db" | "actor">, id: string): Promise<ClaimDetail> {
  const staff = ctx.actor.role === "zone_admin" || ctx.actor.role === "reviewer";
  const scope = staff ? eq(riskClaims.id, id) : and(eq(riskClaims.id, id), eq(riskClaims.bankId, bankOf(ctx.actor)));
  const { db } = ctx;
  const [rows, loans, pools, paid, ledger, files] = await db.batch([
    claimItems(db).where(scope),
    db
      .select({
        loan: riskPoolLoans,
        rateBp: loanApplications.approvedRateBp,
        termMonths: loanApplications.approvedTermMonths,
      })
      .from(riskPoolLoans)
      .innerJoin(loanApplications, eq(loanApplications.id, riskPoolLoans.loanId))
      .where(eq(riskPoolLoans.loanId, sql`(select loan_id from risk_claims where id = ${id})`)),
    db
      .select()
      .from(riskPools)
      .where(eq(riskPools.id, sql`(select pool_id from risk_claims where id = ${id})`)),
    db
      .select({ paid: sql<number>`coalesce(sum(${riskClaims.amountFen}), 0)` })
      .from(riskClaims)
      .where(
        and(
          eq(riskClaims.poolId, sql`(select pool_id from risk_claims where id = ${id})`),
          eq(riskClaims.bankId, sql`(select bank_id from risk_claims where id = ${id})`),
          eq(riskClaims.status, "approved"),
        ),
      ),
    db.select().from(riskPoolLedger).where(eq(riskPoolLedger.claimId, id)).orderBy(asc(riskPoolLedger.id)),
    // Read by id alone: shown only when the scoped claim row above was found.
    db
      .select()
      .from(materials)
      .where(and(eq(materials.ownerKind, "risk_claim"), eq(materials.ownerId, id)))
      .orderBy(asc(materials.createdAt), asc(materials.id)),
  ]);
  const row = rows[0];
  const loan = loans[0];
  const pool = pools[0];
  if (!row || !loan || !pool) throw new AppError("not_found", CLAIM_NOT_FOUND);
  const item = claimItem(row);
  const bankPaidFen = Number(paid[0]?.paid ?? 0);
  return {
    ...item,
    recoveryEfforts: row.claim.recoveryEfforts,
    loan: {
      principalFen: loan.loan.principalFen,
      disbursedOn: loan.loan.disbursedOn,
      firstLoan: loan.loan.firstLoan,
      credit: loan.loan.credit,
      productType: loan.loan.productType,
      rateBp: loan.rateBp,
      termMonths: loan.termMonths,
    },
    // A bank is not shown the pool's balance: only its own cap and what it has been paid.
    pool: {
      balanceFen: staff ? pool.balanceFen : 0,
      perLoanCapFen: pool.perLoanCapFen,
      perBankCapFen: pool.perBankCapFen,
      bankPaidFen,
    },
    proposal:
      staff && item.status === "submitted"
        ? claimAmount({
            outstandingFen: item.outstandingFen,
            coveragePercent: item.coveragePercent,
            perLoanCapFen: pool.perLoanCapFen,
            bankRemainingFen: pool.perBankCapFen - bankPaidFen,
            balanceFen: pool.balanceFen,
          })
        : null,
    ledger: ledger.map((l) => ({
      id: l.id,
      kind: l.kind,
      deltaFen: l.deltaFen,
      note: l.note,
      at: l.at,
      claimId: l.claimId,
    })),
    materials: files.map((m) => ({
      id: m.id,
      kind: claimMaterialKind(m.kind),
      filename: m.filename,
      size: m.size,
      uploadedAt: m.createdAt,
    })),
  };
}
