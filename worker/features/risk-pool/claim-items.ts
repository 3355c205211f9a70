/** A claim as every list shows it: the claim with its pool's, bank's, enterprise's and product's names. */
import { eq } from "drizzle-orm";
import { banks, enterprises, loanProducts, riskClaims, riskPools, type RiskClaimRow } from "../../db/schema";
import type { TenantDb } from "../../db/open";
import type { ClaimItem } from "../../../web/pages/risk-pool/types";
import { PRODUCT_TYPE_ZH } from "../../../web/pages/finance/shared";
import { Coverage, ruleConditionText } from "./coverage";
import type { CoverageSpec, CoverageView } from "../../../web/pages/risk-pool/types";

/** The select of a claim list, to which a caller adds its where, order and limit. */
export function claimItems(db: TenantDb) {
  return db
    .select({
      claim: riskClaims,
      poolName: riskPools.name,
      bankName: banks.name,
      enterpriseName: enterprises.name,
      productName: loanProducts.name,
    })
    .from(riskClaims)
    .innerJoin(riskPools, eq(riskPools.id, riskClaims.poolId))
    .innerJoin(banks, eq(banks.id, riskClaims.bankId))
    .innerJoin(enterprises, eq(enterprises.id, riskClaims.enterpriseId))
    .innerJoin(loanProducts, eq(loanProducts.id, riskClaims.productId));
}

export function claimItem(r: {
  claim: RiskClaimRow;
  poolName: string;
  bankName: string;
  enterpriseName: string;
  productName: string;
}): ClaimItem {
  const c = r.claim;
  return {
    id: c.id,
    poolId: c.poolId,
    poolName: r.poolName,
    loanId: c.loanId,
    bankName: r.bankName,
    enterpriseName: r.enterpriseName,
    productName: r.productName,
    outstandingFen: c.outstandingFen,
    defaultedOn: c.defaultedOn,
    coveragePercent: c.coveragePercent,
    coverageLabel: c.coverageLabel,
    status: c.status,
    amountFen: c.amountFen,
    recoveredFen: c.recoveredFen,
    fileDueOn: c.fileDueOn,
    reviewDueOn: c.reviewDueOn,
    filedAt: c.filedAt,
    decidedAt: c.decidedAt,
    decisionNote: c.decisionNote,
    revision: c.revision,
  };
}

/** The stored rules, read back through the schema, as people read them. */
export function coverageView(stored: string): CoverageView {
  const parsed = Coverage.safeParse(JSON.parse(stored));
  if (!parsed.success) return { rules: [], defaultPercent: 0 };
  return {
    defaultPercent: parsed.data.defaultPercent,
    rules: parsed.data.rules.map((r) => ({
      condition: ruleConditionText(r, (t) => PRODUCT_TYPE_ZH[t as keyof typeof PRODUCT_TYPE_ZH] ?? t),
      percent: r.percent,
      label: r.label,
    })),
  };
}

/** The stored rules as PoolInput.coverage takes them back (the edit form and API round-trip them). */
export function coverageRules(stored: string): CoverageSpec {
  const parsed = Coverage.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : { rules: [], defaultPercent: 0 };
}
