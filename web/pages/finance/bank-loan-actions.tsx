/**
 * What the bank can do on an application, as plain forms, only those its
 * status allows: 受理 (submitted), 授信 with amount, rate and term inside the
 * product's ranges (submitted or accepted), 放款 with amount and date
 * (approved), 拒绝 with a reason and optionally a referral to another
 * published product of the zone (submitted or accepted). A refused form comes
 * back with what was typed and the message under the field it concerns.
 */
import type { LoanApplicationRow, LoanProductRow } from "../../../worker/db/schema";
import { FormAlert, Input, Textarea, type FormErrors } from "../../components/form";
import { amountRange, bpToPercentText, rateRange, termRange } from "./shared";
import { fenToPlainWan, formatMoney } from "../../../worker/lib/money";

export interface FailedAction {
  form: "accept" | "approve" | "disburse" | "decline";
  values: Record<string, string>;
  errors: FormErrors;
}
export interface ReferralOption {
  id: string;
  name: string;
  bankName: string;
  own: boolean;
}

const typed = (f: FailedAction | undefined, form: FailedAction["form"], name: string) =>
  f?.form === form ? f.values[name] : undefined;
const fieldError = (f: FailedAction | undefined, form: FailedAction["form"], name: string) =>
  f?.form === form ? f.errors.fields?.[name] : undefined;

export function LoanActions({
  app,
  product,
  referrals,
  today,
  failed,
}: {
  app: LoanApplicationRow;
  product: LoanProductRow;
  referrals: ReferralOption[];
  today: string;
  failed: FailedAction | undefined;
}) {
  const action = `/bank/loans/${app.id}`;
  const hidden = (name: FailedAction["form"]) => (
    <>
      <input type="hidden" name="action" value={name} />
      <input type="hidden" name="revision" value={String(app.revision)} />
    </>
  );
  const alert = (form: FailedAction["form"]) => (failed?.form === form ? <FormAlert errors={failed.errors} /> : null);
  const canDecide = app.status === "submitted" || app.status === "accepted";
  if (app.status === "withdrawn") return <p class="range">企业已撤回这笔申请,无需再办理。</p>;
  if (!canDecide && app.status !== "approved") return <p class="range">这笔申请已办结,没有待办事项。</p>;
  const ownBank = referrals.filter((r) => r.own);
  const others = referrals.filter((r) => !r.own);
  const declineReferral = typed(failed, "decline", "referral") ?? "";
  return (
    <>
      {app.status === "submitted" && (
        <form method="post" action={action} class="act">
          <h3>受理</h3>
          {alert("accept")}
          {hidden("accept")}
          <p class="range">受理后请在规定的工作日内作出授信决定。也可以直接授信或拒绝。</p>
          <button class="btn" type="submit">
            受理
          </button>
        </form>
      )}
      {canDecide && (
        <form method="post" action={action} class="act">
          <h3>授信</h3>
          {alert("approve")}
          {hidden("approve")}
          <p class="range">
            产品额度{amountRange(product.minAmountFen, product.maxAmountFen)},年利率
            {rateRange(product.minRateBp, product.maxRateBp)},期限
            {termRange(product.minTermMonths, product.maxTermMonths)}。
          </p>
          <Input
            name="amount"
            id="f-approve-amount"
            label="授信金额(万元)"
            inputmode="decimal"
            maxlength={20}
            value={typed(failed, "approve", "amount") ?? fenToPlainWan(app.amountFen)}
            error={fieldError(failed, "approve", "amount")}
          />
          <Input
            name="rate"
            id="f-approve-rate"
            label="年利率(%)"
            inputmode="decimal"
            maxlength={8}
            value={typed(failed, "approve", "rate") ?? bpToPercentText(product.minRateBp)}
            error={fieldError(failed, "approve", "rate")}
          />
          <Input
            name="term"
            id="f-approve-term"
            label="期限(月)"
            inputmode="numeric"
            maxlength={4}
            value={typed(failed, "approve", "term") ?? String(app.termMonths)}
            error={fieldError(failed, "approve", "term")}
          />
          <button class="btn" type="submit">
            授信
          </button>
        </form>
      )}
      {app.status === "approved" && (
        <form method="post" action={action} class="act">
          <h3>放款</h3>
          {alert("disburse")}
          {hidden("disburse")}
          <p class="range">授信{formatMoney(app.approvedAmountFen ?? 0)};放款金额不超过授信金额,日期不晚于今天。</p>
          <Input
            name="amount"
            id="f-disburse-amount"
            label="放款金额(万元)"
            inputmode="decimal"
            maxlength={20}
            value={typed(failed, "disburse", "amount") ?? fenToPlainWan(app.approvedAmountFen ?? app.amountFen)}
            error={fieldError(failed, "disburse", "amount")}
          />
          <Input
            name="disbursedOn"
            id="f-disburse-date"
            type="date"
            label="放款日期"
            value={typed(failed, "disburse", "disbursedOn") ?? today}
            error={fieldError(failed, "disburse", "disbursedOn")}
          />
          <button class="btn" type="submit">
            登记放款
          </button>
        </form>
      )}
      {canDecide && (
        <form method="post" action={action} class="act">
          <h3>拒绝</h3>
          {alert("decline")}
          {hidden("decline")}
          <Textarea
            name="reason"
            id="f-decline-reason"
            label="拒绝理由"
            hint="企业会看到这段话,请写清楚原因。"
            maxlength={500}
            value={typed(failed, "decline", "reason")}
            error={fieldError(failed, "decline", "reason")}
          />
          <div class="field">
            <label for="f-decline-referral">推荐其他产品(可选)</label>
            <p class="hint" id="f-decline-referral-hint">
              企业会收到所推荐产品的链接。
            </p>
            <select
              id="f-decline-referral"
              name="referral"
              aria-describedby={
                fieldError(failed, "decline", "referral")
                  ? "f-decline-referral-hint f-decline-referral-error"
                  : "f-decline-referral-hint"
              }
              aria-invalid={fieldError(failed, "decline", "referral") ? "true" : undefined}
            >
              <option value="">不推荐</option>
              {ownBank.length > 0 && (
                <optgroup label="本行产品">
                  {ownBank.map((r) => (
                    <option value={r.id} selected={r.id === declineReferral}>
                      {r.name}
                    </option>
                  ))}
                </optgroup>
              )}
              {others.length > 0 && (
                <optgroup label="其他机构的产品">
                  {others.map((r) => (
                    <option value={r.id} selected={r.id === declineReferral}>
                      {r.bankName} · {r.name}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
            {fieldError(failed, "decline", "referral") && (
              <p class="field-error" id="f-decline-referral-error">
                {fieldError(failed, "decline", "referral")}
              </p>
            )}
          </div>
          <button
            class="btn danger"
            type="submit"
            data-confirm="确定拒绝这笔贷款申请吗?企业会收到拒绝理由,拒绝后不能撤销。"
          >
            拒绝
          </button>
        </form>
      )}
    </>
  );
}
