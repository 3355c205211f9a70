/**
 * The zone staff's view of the pools (/admin/risk-pool, GET /api/v1/admin/risk-pools): each pool's
 * balance and size, its exposure (registered principal by bank and by product), its claims by status
 * and by bank, the products enrolled, and the latest claims — one batch of reads, grouped in SQL.
 */
import { and, count, desc, eq, isNull, notExists, sql, sum } from "drizzle-orm";
import {
  banks,
  loanProducts,
  RISK_CLAIM_STATUSES,
  riskClaims,
  riskPoolLedger,
  riskPoolLoans,
  riskPoolProducts,
  riskPools,
  type RiskClaimStatus,
} from "../../db/schema";
import type { RequestCtx } from "../../middleware/request-ctx";
import type { PoolsOverview, PoolView } from "../../../web/pages/risk-pool/types";
import { claimItem, claimItems, coverageRules, coverageView } from "./claim-items";

const MAX_POOLS = 20;
const MAX_CLAIMS = 200;
const MAX_LEDGER = 100;
const MAX_CHOICES = 300;

const n = (v: unknown) => Number(v ?? 0);
const zeroCounts = () => Object.fromEntries(RISK_CLAIM_STATUSES.map((s) => [s, 0])) as Record<RiskClaimStatus, number>;

export async function readPools(
  ctx: Pick<RequestCtx, "db">,
  o: { status?: RiskClaimStatus | undefined } = {},
): Promise<PoolsOverview> {
  const { db } = ctx;
  const principal = sum(riskPoolLoans.principalFen);
  const [pools, byBank, byProduct, claimGroups, claims, enrolled, choices, ledger] = await db.batch([
    db.select().from(riskPools).orderBy(desc(riskPools.createdAt)).limit(MAX_POOLS),
    db
      .select({
        poolId: riskPoolLoans.poolId,
        bankId: riskPoolLoans.bankId,
        bankName: banks.name,
        count: count(),
        principalFen: principal,
      })
      .from(riskPoolLoans)
      .innerJoin(banks, eq(banks.id, riskPoolLoans.bankId))
      .groupBy(riskPoolLoans.poolId, riskPoolLoans.bankId)
      .orderBy(desc(principal)),
    db
      .select({
        poolId: riskPoolLoans.poolId,
        productId: riskPoolLoans.productId,
        productName: loanProducts.name,
        productType: loanProducts.type,
        bankName: banks.name,
        count: count(),
        principalFen: principal,
      })
      .from(riskPoolLoans)
      .innerJoin(loanProducts, eq(loanProducts.id, riskPoolLoans.productId))
      .innerJoin(banks, eq(banks.id, riskPoolLoans.bankId))
      .groupBy(riskPoolLoans.poolId, riskPoolLoans.productId)
      .orderBy(desc(principal)),
    db
      .select({
        poolId: riskClaims.poolId,
        bankId: riskClaims.bankId,
        bankName: banks.name,
        status: riskClaims.status,
        count: count(),
        outstandingFen: sum(riskClaims.outstandingFen),
        paidFen: sum(riskClaims.amountFen),
        recoveredFen: sum(riskClaims.recoveredFen),
      })
      .from(riskClaims)
      .innerJoin(banks, eq(banks.id, riskClaims.bankId))
      .groupBy(riskClaims.poolId, riskClaims.bankId, riskClaims.status),
    claimItems(db)
      .where(o.status ? eq(riskClaims.status, o.status) : undefined)
      .orderBy(desc(riskClaims.filedAt), desc(riskClaims.id))
      .limit(MAX_CLAIMS),
    db
      .select({
        poolId: riskPoolProducts.poolId,
        productId: riskPoolProducts.productId,
        productName: loanProducts.name,
        productType: loanProducts.type,
        bankName: banks.name,
      })
      .from(riskPoolProducts)
      .innerJoin(loanProducts, eq(loanProducts.id, riskPoolProducts.productId))
      .innerJoin(banks, eq(banks.id, riskPoolProducts.bankId))
      .where(isNull(riskPoolProducts.unenrolledAt))
      .orderBy(banks.name, loanProducts.name),
    db
      .select({ productId: loanProducts.id, productName: loanProducts.name, bankName: banks.name })
      .from(loanProducts)
      .innerJoin(banks, eq(banks.id, loanProducts.bankId))
      .where(
        and(
          eq(loanProducts.status, "published"),
          notExists(
            db
              .select({ one: sql`1` })
              .from(riskPoolProducts)
              .where(and(eq(riskPoolProducts.productId, loanProducts.id), isNull(riskPoolProducts.unenrolledAt))),
          ),
        ),
      )
      .orderBy(banks.name, loanProducts.name)
      .limit(MAX_CHOICES),
    db.select().from(riskPoolLedger).orderBy(desc(riskPoolLedger.id)).limit(MAX_LEDGER),
  ]);
  const views = pools.map((p): PoolView => {
    const groups = claimGroups.filter((g) => g.poolId === p.id);
    const paidByBank = new Map<string, number>();
    for (const g of groups) if (g.status === "approved") paidByBank.set(g.bankId, n(g.paidFen));
    const byStatus = Object.fromEntries(
      RISK_CLAIM_STATUSES.map((s) => {
        const of = groups.filter((g) => g.status === s);
        return [
          s,
          {
            count: of.reduce((a, g) => a + g.count, 0),
            outstandingFen: of.reduce((a, g) => a + n(g.outstandingFen), 0),
          },
        ];
      }),
    ) as PoolView["claims"]["byStatus"];
    const claimBanks = new Map<string, PoolView["claims"]["byBank"][number]>();
    for (const g of groups) {
      const b = claimBanks.get(g.bankId) ?? {
        bankId: g.bankId,
        bankName: g.bankName,
        counts: zeroCounts(),
        paidFen: 0,
        recoveredFen: 0,
      };
      b.counts[g.status] += g.count;
      if (g.status === "approved") {
        b.paidFen += n(g.paidFen);
        b.recoveredFen += n(g.recoveredFen);
      }
      claimBanks.set(g.bankId, b);
    }
    const banksOf = byBank.filter((b) => b.poolId === p.id);
    const approved = groups.filter((g) => g.status === "approved");
    return {
      id: p.id,
      name: p.name,
      status: p.status,
      sizeFen: p.sizeFen,
      balanceFen: p.balanceFen,
      perLoanCapFen: p.perLoanCapFen,
      perBankCapFen: p.perBankCapFen,
      fileWithinDays: p.fileWithinDays,
      reviewWithinDays: p.reviewWithinDays,
      basis: p.basis,
      coverage: coverageView(p.coverage),
      coverageRules: coverageRules(p.coverage),
      revision: p.revision,
      paidFen: approved.reduce((a, g) => a + n(g.paidFen), 0),
      recoveredFen: approved.reduce((a, g) => a + n(g.recoveredFen), 0),
      exposure: {
        count: banksOf.reduce((a, b) => a + b.count, 0),
        principalFen: banksOf.reduce((a, b) => a + n(b.principalFen), 0),
        byBank: banksOf.map((b) => {
          const paid = paidByBank.get(b.bankId) ?? 0;
          return {
            bankId: b.bankId,
            bankName: b.bankName,
            count: b.count,
            principalFen: n(b.principalFen),
            paidFen: paid,
            capLeftFen: Math.max(0, p.perBankCapFen - paid),
          };
        }),
        byProduct: byProduct.filter((x) => x.poolId === p.id).map((x) => ({ ...x, principalFen: n(x.principalFen) })),
      },
      claims: { byStatus, byBank: [...claimBanks.values()] },
      products: enrolled.filter((e) => e.poolId === p.id),
    };
  });
  return {
    pools: views,
    claims: claims.map(claimItem),
    ledger: ledger.map((l) => ({ ...l, note: l.note })),
    choices,
  };
}
