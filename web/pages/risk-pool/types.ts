/** What the 风险补偿资金池's pages are handed (the services build these; views only draw them). */
import type { ProductType, RiskClaimStatus, RiskPoolLedgerRow, RiskPoolRow } from "../../../worker/db/schema";
import type { ClaimMaterialKind } from "../../labels/risk-pool";

export interface CoverageView {
  rules: { condition: string; percent: number; label: string }[];
  defaultPercent: number;
}

/** The tiers as stored and as the pool's input takes them (features/risk-pool/coverage.ts). */
export interface CoverageSpec {
  rules: {
    when: { firstLoan?: boolean | undefined; credit?: boolean | undefined; productTypes?: ProductType[] | undefined };
    percent: number;
    label: string;
  }[];
  defaultPercent: number;
}

export interface PoolTerms {
  id: string;
  name: string;
  status: RiskPoolRow["status"];
  perLoanCapFen: number;
  perBankCapFen: number;
  fileWithinDays: number;
  reviewWithinDays: number;
  basis: string;
  coverage: CoverageView;
}

export interface BankExposure {
  bankId: string;
  bankName: string;
  count: number;
  principalFen: number;
  /** Claims paid to the bank from this pool, and what its cap still allows. */
  paidFen: number;
  capLeftFen: number;
}

export interface ProductExposure {
  productId: string;
  productName: string;
  bankName: string;
  productType: string;
  count: number;
  principalFen: number;
}

export interface ClaimsByBank {
  bankId: string;
  bankName: string;
  counts: Record<RiskClaimStatus, number>;
  paidFen: number;
  recoveredFen: number;
}

export interface PoolView extends PoolTerms {
  /** The tiers as the edit takes them back. */
  coverageRules: CoverageSpec;
  /** What an edit sends back: a change by anyone since makes the edit a 409. */
  revision: number;
  sizeFen: number;
  balanceFen: number;
  paidFen: number;
  recoveredFen: number;
  exposure: { count: number; principalFen: number; byBank: BankExposure[]; byProduct: ProductExposure[] };
  claims: { byStatus: Record<RiskClaimStatus, { count: number; outstandingFen: number }>; byBank: ClaimsByBank[] };
  products: { productId: string; productName: string; bankName: string; productType: string }[];
}

export interface ClaimItem {
  id: string;
  poolId: string;
  poolName: string;
  loanId: string;
  bankName: string;
  enterpriseName: string;
  productName: string;
  outstandingFen: number;
  defaultedOn: string;
  coveragePercent: number;
  coverageLabel: string;
  status: RiskClaimStatus;
  amountFen: number | null;
  recoveredFen: number;
  fileDueOn: string;
  reviewDueOn: string;
  filedAt: number;
  decidedAt: number | null;
  decisionNote: string | null;
  revision: number;
}

export interface LedgerItem {
  id: number;
  kind: RiskPoolLedgerRow["kind"];
  deltaFen: number;
  note: string;
  at: number;
  claimId: string | null;
}

export interface ClaimDetail extends ClaimItem {
  recoveryEfforts: string;
  loan: {
    principalFen: number;
    disbursedOn: string;
    firstLoan: boolean;
    credit: boolean;
    productType: string;
    rateBp: number | null;
    termMonths: number | null;
  };
  pool: { balanceFen: number; perLoanCapFen: number; perBankCapFen: number; bankPaidFen: number };
  /** What approving now would pay and why it is less than outstanding × coverage (null: not cut). */
  proposal: { amountFen: number; cutBy: "loan" | "bank" | "balance" | null } | null;
  ledger: LedgerItem[];
  /** The files the bank sent with the claim or added while it waited, oldest first. */
  materials: ClaimMaterialItem[];
}

export interface ClaimMaterialItem {
  id: string;
  kind: ClaimMaterialKind;
  filename: string;
  size: number;
  uploadedAt: number;
}

export interface RegisteredLoanItem {
  loanId: string;
  poolId: string;
  poolName: string;
  enterpriseName: string;
  productName: string;
  principalFen: number;
  disbursedOn: string;
  firstLoan: boolean;
  credit: boolean;
  /** The live claim on it (submitted or approved), if any. */
  claimStatus: RiskClaimStatus | null;
}

export interface BankPoolView extends PoolTerms {
  paidFen: number;
  capLeftFen: number;
  exposure: { count: number; principalFen: number; byProduct: ProductExposure[] };
}

export interface BankRiskView {
  pools: BankPoolView[];
  loans: RegisteredLoanItem[];
  claims: ClaimItem[];
}

export interface PoolsOverview {
  pools: PoolView[];
  claims: ClaimItem[];
  ledger: (LedgerItem & { poolId: string })[];
  /** Published products in no pool: what the enrol form offers. */
  choices: { productId: string; productName: string; bankName: string }[];
}
