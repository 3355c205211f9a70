/** The pool's JSON shapes in the OpenAPI document: money in integer fen, dates YYYY-MM-DD, times ISO. */
import { z } from "@hono/zod-openapi";
import { RISK_CLAIM_STATUSES, RISK_LEDGER_KINDS, type RiskPoolRow } from "../../../db/schema";
import { err } from "../../../lib/openapi";
import type { ClaimDetail, ClaimItem, LedgerItem } from "../../../../web/pages/risk-pool/types";
import { CLAIM_MATERIAL_KINDS } from "../../../../web/labels/risk-pool";
import { Coverage as CoverageInput } from "../coverage";

const fen = z.number().int().openapi({ description: "Integer fen (1 元 = 100 分)" });
const status = z.enum(RISK_CLAIM_STATUSES);
const counts = z.object(Object.fromEntries(RISK_CLAIM_STATUSES.map((s) => [s, z.number().int()])));

const Coverage = z.object({
  rules: z.array(z.object({ condition: z.string(), percent: z.number().int(), label: z.string() })),
  defaultPercent: z.number().int(),
});

const Terms = {
  id: z.string(),
  name: z.string(),
  status: z.enum(["active", "closed"]),
  perLoanCapFen: fen,
  perBankCapFen: fen,
  fileWithinDays: z.number().int().openapi({ description: "Working days after the default date to file a claim" }),
  reviewWithinDays: z.number().int().openapi({ description: "Working days the zone has to decide a claim" }),
  basis: z.string(),
  coverage: Coverage,
};

const ProductExposure = z.object({
  productId: z.string(),
  productName: z.string(),
  bankName: z.string(),
  productType: z.string(),
  count: z.number().int(),
  principalFen: fen,
});

export const PoolSchema = z
  .object({
    ...Terms,
    coverageRules: CoverageInput.openapi({ description: "The tiers as PATCH /{id} takes them back" }),
    revision: z.number().int().openapi({ description: "Send it back with PATCH /{id}; any change since is a 409" }),
    sizeFen: fen.openapi({ description: "Everything put in: the opening amount plus top-ups" }),
    balanceFen: fen,
    paidFen: fen,
    recoveredFen: fen,
    exposure: z.object({
      count: z.number().int(),
      principalFen: fen,
      byBank: z.array(
        z.object({
          bankId: z.string(),
          bankName: z.string(),
          count: z.number().int(),
          principalFen: fen,
          paidFen: fen,
          capLeftFen: fen,
        }),
      ),
      byProduct: z.array(ProductExposure),
    }),
    claims: z.object({
      byStatus: z.object(
        Object.fromEntries(
          RISK_CLAIM_STATUSES.map((s) => [s, z.object({ count: z.number().int(), outstandingFen: fen })]),
        ),
      ),
      byBank: z.array(z.object({ bankId: z.string(), bankName: z.string(), counts, paidFen: fen, recoveredFen: fen })),
    }),
    products: z.array(
      z.object({ productId: z.string(), productName: z.string(), bankName: z.string(), productType: z.string() }),
    ),
  })
  .openapi("RiskPool");

const claimFields = {
  id: z.string(),
  poolId: z.string(),
  poolName: z.string(),
  loanId: z.string(),
  bankName: z.string(),
  enterpriseName: z.string(),
  productName: z.string(),
  outstandingFen: fen,
  defaultedOn: z.string(),
  coveragePercent: z.number().int(),
  coverageLabel: z.string(),
  status,
  amountFen: fen.nullable().openapi({ description: "Paid by the pool (approved claims)" }),
  recoveredFen: fen.openapi({ description: "Credited back to the pool from recoveries" }),
  fileDueOn: z.string(),
  reviewDueOn: z.string(),
  filedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  revision: z.number().int(),
};
export const ClaimSchema = z.object(claimFields).openapi("RiskClaim");

const Ledger = z.object({
  id: z.number().int(),
  kind: z.enum(RISK_LEDGER_KINDS),
  deltaFen: fen.openapi({ description: "Into the pool positive, out of it negative" }),
  note: z.string(),
  at: z.string(),
  claimId: z.string().nullable(),
});

export const ClaimMaterialSchema = z
  .object({
    id: z.string(),
    kind: z.enum(CLAIM_MATERIAL_KINDS).openapi({
      description: "contract 借款合同, collection 催收记录/追偿证明, npl 不良贷款认定材料, other 其他",
    }),
    filename: z.string(),
    size: z.number().int(),
    uploadedAt: z.string(),
    url: z.string().openapi({ example: "/materials/k2v7m4q9x3a5b6c7d8e2f3g4h5" }),
  })
  .openapi("RiskClaimMaterial");

export const claimMaterialJson = (m: ClaimDetail["materials"][number]) => ({
  ...m,
  uploadedAt: iso(m.uploadedAt),
  url: `/materials/${m.id}`,
});

export const ClaimDetailSchema = z
  .object({
    ...claimFields,
    recoveryEfforts: z.string(),
    loan: z.object({
      principalFen: fen,
      disbursedOn: z.string(),
      firstLoan: z.boolean(),
      credit: z.boolean(),
      productType: z.string(),
      rateBp: z.number().int().nullable(),
      termMonths: z.number().int().nullable(),
    }),
    pool: z.object({
      balanceFen: fen.openapi({ description: "0 for a bank's staff (they are not shown the pool's balance)" }),
      perLoanCapFen: fen,
      perBankCapFen: fen,
      bankPaidFen: fen,
    }),
    proposal: z
      .object({ amountFen: fen, cutBy: z.enum(["loan", "bank", "balance"]).nullable() })
      .nullable()
      .openapi({ description: "Zone staff, submitted claims: what approving now would pay" }),
    ledger: z.array(Ledger),
    materials: z.array(ClaimMaterialSchema),
  })
  .openapi("RiskClaimDetail");

export const BankViewSchema = z
  .object({
    pools: z.array(
      z.object({
        ...Terms,
        paidFen: fen,
        capLeftFen: fen,
        exposure: z.object({ count: z.number().int(), principalFen: fen, byProduct: z.array(ProductExposure) }),
      }),
    ),
    loans: z.array(
      z.object({
        loanId: z.string(),
        poolId: z.string(),
        poolName: z.string(),
        enterpriseName: z.string(),
        productName: z.string(),
        principalFen: fen,
        disbursedOn: z.string(),
        firstLoan: z.boolean(),
        credit: z.boolean(),
        claimStatus: status.nullable(),
      }),
    ),
    claims: z.array(ClaimSchema),
  })
  .openapi("BankRiskPool");

const iso = (ms: number) => new Date(ms).toISOString();
export const claimJson = (c: ClaimItem) => ({
  ...c,
  filedAt: iso(c.filedAt),
  decidedAt: c.decidedAt === null ? null : iso(c.decidedAt),
});
export const ledgerJson = (l: LedgerItem) => ({ ...l, at: iso(l.at) });
export const claimDetailJson = (d: ClaimDetail) => ({
  ...d,
  ...claimJson(d),
  ledger: d.ledger.map(ledgerJson),
  materials: d.materials.map(claimMaterialJson),
});
export const poolRowJson = (p: RiskPoolRow) => ({
  id: p.id,
  name: p.name,
  status: p.status,
  sizeFen: p.sizeFen,
  balanceFen: p.balanceFen,
  revision: p.revision,
});
export const PoolRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(["active", "closed"]),
  sizeFen: fen,
  balanceFen: fen,
  revision: z.number().int(),
});

export const denied = { 401: err("No session"), 403: err("Not allowed for this account") };
