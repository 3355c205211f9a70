/**
 * What the 风险补偿资金池's inputs may be, at every boundary (API bodies, form posts): money in
 * integer fen up to 1000亿元, deadlines in working days up to a year's, texts bounded.
 */
import { z } from "@hono/zod-openapi";
import { isCalendarDate } from "../../lib/calendar";
import { textField } from "../../lib/text";
import { Coverage } from "./coverage";

const MAX_POOL_FEN = 1e13;
const fen = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}须精确到分`)
    .min(1, `${label}须大于0`)
    .max(MAX_POOL_FEN, `${label}不超过1000亿元`)
    .openapi({ description: `${label}, integer fen` });
const workingDays = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}请填写整数`)
    .min(1, `${label}至少1个工作日`)
    .max(250, `${label}不超过250个工作日`);
export const day = z
  .string()
  .max(10, "日期格式为 YYYY-MM-DD")
  .refine(isCalendarDate, "日期格式为 YYYY-MM-DD")
  .openapi({ description: "YYYY-MM-DD, Asia/Shanghai", example: "2026-06-09" });
export const revision = z.number().int().min(0).max(2_147_483_647).optional();

const idOf = (what: string) =>
  z
    .string()
    .max(40, `${what}编号格式不对`)
    .regex(/^[a-z0-9]{10,40}$/, `${what}编号格式不对`);
export const PoolIdParam = z.object({ id: idOf("资金池").openapi({ param: { name: "id", in: "path" } }) });
export const ClaimIdParam = z.object({ id: idOf("补偿申请").openapi({ param: { name: "id", in: "path" } }) });
export const ProductParam = z.object({
  id: idOf("资金池").openapi({ param: { name: "id", in: "path" } }),
  productId: idOf("产品").openapi({ param: { name: "productId", in: "path" } }),
});

export const PoolInput = z.strictObject({
  name: textField({ label: "资金池名称", max: 60, min: 2 }),
  sizeFen: fen("资金池规模"),
  perLoanCapFen: fen("单笔补偿上限"),
  perBankCapFen: fen("单家银行补偿上限"),
  coverage: Coverage,
  fileWithinDays: workingDays("申请时限"),
  reviewWithinDays: workingDays("审核时限"),
  basis: textField({ label: "依据和资金来源", max: 500, min: 4, multiline: true }),
});
export type PoolInput = z.infer<typeof PoolInput>;

/** 修改设置: everything but the size (which moves only by 注资), against the revision the editor read. */
export const PoolEditInput = PoolInput.omit({ sizeFen: true }).extend({
  revision: z
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .openapi({ description: "The pool's revision as read (GET → pools[].revision); a stale one is refused (409)" }),
});
export type PoolEditInput = z.infer<typeof PoolEditInput>;

export const FundInput = z.strictObject({
  amountFen: fen("注资金额"),
  note: textField({ label: "说明", max: 200, min: 2 }),
});
export type FundInput = z.infer<typeof FundInput>;

export const EnrolInput = z.strictObject({ productId: idOf("产品") });

export const ClaimInput = z.strictObject({
  loanId: idOf("贷款"),
  outstandingFen: fen("未偿本金"),
  defaultedOn: day,
  recoveryEfforts: textField({ label: "追偿情况", max: 2000, min: 10, multiline: true }),
});
export type ClaimInput = z.infer<typeof ClaimInput>;

export const ApproveInput = z.strictObject({
  note: textField({ label: "审核意见", max: 500, multiline: true }).optional(),
  revision,
});
export type ApproveInput = z.infer<typeof ApproveInput>;

export const RejectInput = z.strictObject({
  reason: textField({ label: "不予补偿的理由", max: 500, min: 4, multiline: true }),
  revision,
});
export type RejectInput = z.infer<typeof RejectInput>;

export const RecoveryInput = z.strictObject({
  recoveredFen: fen("追回金额"),
  note: textField({ label: "追回说明", max: 200, min: 2 }),
  revision,
});
export type RecoveryInput = z.infer<typeof RecoveryInput>;
