/**
 * Who a finance service acts for: an admitted enterprise's member (needs,
 * consents, applications) or a bank's staff (products, the bank's queue).
 * Its own module because needs, consents, products and loans all ask it.
 */
import type { Actor } from "../../middleware/request-ctx";
import { AppError } from "../../lib/errors";

/** The member's enterprise; anyone else is refused. */
export function memberOf(actor: Actor): string {
  if (actor.role !== "enterprise" || !actor.enterpriseId)
    throw new AppError("forbidden", "只有入驻企业的用户可以发布融资需求。");
  return actor.enterpriseId;
}

/** The staff member's bank; anyone else is refused. */
export function bankOf(actor: Actor): string {
  if (actor.role !== "bank" || !actor.bankId) throw new AppError("forbidden", "只有金融机构用户可以管理贷款产品。");
  return actor.bankId;
}
