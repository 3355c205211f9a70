/** The 风险补偿资金池's words, shared by its views and its services (a notice names a status as the page does). */
import type { RiskClaimStatus, RiskPoolLedgerRow, RiskPoolRow } from "../../worker/db/schema";

export const CLAIM_STATUS_ZH: Record<RiskClaimStatus, string> = {
  submitted: "待审核",
  approved: "已补偿",
  rejected: "不予补偿",
  withdrawn: "已撤回",
};

export const LEDGER_KIND_ZH: Record<RiskPoolLedgerRow["kind"], string> = {
  fund: "注资",
  claim_paid: "补偿支出",
  recovery: "追偿返还",
};

export const POOL_STATUS_ZH: Record<RiskPoolRow["status"], string> = {
  active: "运行中",
  closed: "已关闭",
};

/** Why an approval paid less than outstanding × coverage. */
export const CUT_BY_ZH = {
  loan: "按单笔补偿上限核减",
  bank: "按该行剩余补偿额度核减",
  balance: "按资金池余额核减",
} as const;

/** What a bank attaches to a claim, in the order the form asks for them. */
export const CLAIM_MATERIAL_KINDS = ["contract", "collection", "npl", "other"] as const;
export type ClaimMaterialKind = (typeof CLAIM_MATERIAL_KINDS)[number];

export const CLAIM_MATERIAL_ZH: Record<ClaimMaterialKind, string> = {
  contract: "借款合同",
  collection: "催收记录或追偿证明",
  npl: "不良贷款认定材料",
  other: "其他材料",
};
