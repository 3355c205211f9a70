/** Who may do what with the pool: zone admins act, reviewers read, a bank's staff act for their own bank. */
import { AppError } from "../../lib/errors";
import type { Actor } from "../../middleware/request-ctx";

export const POOL_NOT_FOUND = "没有这个风险补偿资金池。";
export const CLAIM_NOT_FOUND = "没有这笔风险补偿申请。";

/** Refuses anyone but a zone admin (reviewers read the pool, they do not change it). */
export function adminOnly(actor: Actor): void {
  if (actor.role !== "zone_admin") throw new AppError("forbidden", "只有园区管理员可以管理风险补偿资金池。");
}

/** The bank the staff member acts for; anyone else is refused. */
export function bankOf(actor: Actor): string {
  if (actor.role !== "bank" || !actor.bankId) throw new AppError("forbidden", "风险补偿申请由合作银行提出。");
  return actor.bankId;
}
