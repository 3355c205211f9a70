/**
 * The 政策兑现 words, shared by its views and its services (a list, a page, a
 * CSV and a mail name a status alike): application statuses, and the phrase
 * for a programme that has left the policy set.
 */
import type { SubsidyStatus } from "../../worker/db/schema";

export const STATUS_ZH: Record<SubsidyStatus, string> = {
  draft: "草稿",
  in_review: "审核中",
  returned: "退回补正",
  rejected: "未通过",
  awarded: "已批准,待拨付",
  paid: "已拨付",
  withdrawn: "已撤回",
};

/** A programme no version at hand names (./programme-title.ts in the feature): never shown by its id. */
export const RETIRED_PROGRAMME = "已调整的扶持项目";
