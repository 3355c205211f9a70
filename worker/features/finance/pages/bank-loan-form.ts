/**
 * The bank's loan action forms as typed (amounts in 万元, rates in %, a date)
 * → the service's BankAction; a conversion or rule failure names its field
 * with a sentence the person can act on.
 */
import { isCalendarDate } from "../../../lib/calendar";
import { AppError } from "../../../lib/errors";
import { BankAction } from "../act-on-loan";
import { percentToBp, wanToFen, wholeNumber } from "../form-amounts";

/** The forms on a bank's application page, one per action. */
export const ACTIONS = ["accept", "approve", "disburse", "decline"] as const;
export type ActionName = (typeof ACTIONS)[number];
/** The service's field names → the form's. */
export const FORM_NAME: Record<string, string> = {
  amountFen: "amount",
  rateBp: "rate",
  termMonths: "term",
  referralProductId: "referral",
};
const RULE: Record<string, string> = {
  amount: "请填写金额(万元)",
  rate: "年利率在0.01%至36%之间",
  term: "期限在1至360个月之间",
  disbursedOn: "请选择放款日期",
  reason: "请写明拒绝理由",
  referral: "请选择金融超市中的产品",
};
const HAN = /[\u4e00-\u9fff]/;
/** A refusal of the form: the sentence on top and one per field. */
export const invalid = (message: string, fields: Record<string, string>) =>
  new AppError("validation_failed", message, fields);

/** The action form as typed → BankAction; a conversion or rule failure names its field. */
export function parseAction(action: ActionName, raw: Record<string, string>): BankAction {
  const fields: Record<string, string> = {};
  const revision = /^\d{1,9}$/.test(raw.revision ?? "") ? Number(raw.revision) : undefined;
  const text = (k: string) => (raw[k] ?? "").trim();
  const amountFailed = (message: string): undefined => {
    fields.amount = message;
    return undefined;
  };
  const amount = () => {
    if (!text("amount")) return amountFailed("请填写这一项");
    const r = wanToFen(text("amount"));
    return r.ok ? r.fen : amountFailed(r.message);
  };
  let candidate: Record<string, unknown>;
  if (action === "approve") {
    const rate = text("rate") ? percentToBp(text("rate")) : { ok: false as const, message: "请填写这一项" };
    const term = text("term") ? wholeNumber(text("term"), "个月") : { ok: false as const, message: "请填写这一项" };
    if (!rate.ok) fields.rate = rate.message;
    if (!term.ok) fields.term = term.message;
    candidate = {
      action,
      amountFen: amount(),
      rateBp: rate.ok ? rate.bp : undefined,
      termMonths: term.ok ? term.n : undefined,
      revision,
    };
  } else if (action === "disburse") {
    if (!isCalendarDate(text("disbursedOn"))) fields.disbursedOn = "请选择放款日期(YYYY-MM-DD)";
    candidate = { action, amountFen: amount(), disbursedOn: text("disbursedOn"), revision };
  } else if (action === "decline") {
    candidate = { action, reason: text("reason"), referralProductId: text("referral") || undefined, revision };
  } else candidate = { action, revision };
  const parsed = BankAction.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = FORM_NAME[String(issue.path[0])] ?? String(issue.path[0]);
      fields[key] ??= HAN.test(issue.message) ? issue.message : (RULE[key] ?? "填写有误");
    }
  }
  if (Object.keys(fields).length || !parsed.success) throw invalid("请按提示修改后再提交。", fields);
  return parsed.data;
}
