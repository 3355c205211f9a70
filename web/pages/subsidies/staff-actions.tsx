/**
 * What staff can do on an application, as plain forms: at a review stage 通过
 * (with the amount rule spelled out), 退回补正 and 驳回 — each with a reason —
 * and at 拨付 the zone admin's 批准拨付 and then the payment record; and the
 * zone admin's decision on an open 公示 objection. A refused form comes back
 * with what was typed and the message under the field it concerns.
 */
import type { SubsidyApplicationRow, SubsidyObjectionRow } from "../../../worker/db/schema";
import { fenToPlainYuan, moneyFormatter } from "../../../worker/lib/money";
import { FormAlert, Input, MoneyInput, Select, Textarea, type FormErrors } from "../../components/form";
import { formatTimeZh } from "../auth/labels";

/** What the signed-in staff member may do now; worked out by the route from the zone's stages and roles. */
export interface StaffActions {
  review: null | { stageZh: string; nextZh: string | null; payment: boolean; passBlocked: string | null };
  pay: null | { remainingFen: number };
  resolve: boolean;
  /** Why nothing (or only part) can be done here, in a sentence. */
  note: string | null;
  /** In a stage the zone removed: the zone admin moves it to one of these (today's stages). */
  move?: null | { stages: { key: string; zh: string }[] };
}

/** A form that was refused: which one, what was typed, and why. */
export interface FailedForm {
  form: "pass" | "return" | "reject" | "payment" | "comment" | "move-stage" | `resolve:${string}`;
  values: Record<string, string>;
  errors: FormErrors;
}

/** The amount rule a reviewer works within, in words. */
function amountRule(a: Pick<SubsidyApplicationRow, "amountFen" | "rangeMinFen" | "rangeMaxFen">): string {
  const m = moneyFormatter(...[a.amountFen, a.rangeMinFen, a.rangeMaxFen].filter((f): f is number => f !== null));
  const range = a.rangeMinFen !== null && a.rangeMaxFen !== null ? `${m(a.rangeMinFen)}至${m(a.rangeMaxFen)}` : null;
  if (a.amountFen === null)
    return range
      ? `金额由评审确定,须在政策规定的${range}之间。`
      : "政策未规定具体金额(或一事一议):核定金额由评审确定。";
  return `当前金额${m(a.amountFen)};只能调低${a.rangeMinFen !== null ? `(不低于${m(a.rangeMinFen)})` : ""},调整时须写明理由。不填则按当前金额。`;
}

/** What the amount fields take (worker/lib/amount-input.ts): 元, or a unit typed with the number. */
const AMOUNT_HINT = "可写 100000、10万 或 1.5亿。";

const fieldError = (f: FailedForm | undefined, form: FailedForm["form"], ...names: string[]) =>
  f?.form === form ? names.map((n) => f.errors.fields?.[n]).find(Boolean) : undefined;
const typed = (f: FailedForm | undefined, form: FailedForm["form"], name: string) =>
  f?.form === form ? f.values[name] : undefined;

export function ReviewForms({
  app,
  actions,
  failed,
}: {
  app: SubsidyApplicationRow;
  actions: StaffActions;
  failed: FailedForm | undefined;
}) {
  const r = actions.review;
  if (!r) return null;
  const action = `/admin/subsidies/applications/${app.id}/review`;
  const revision = <input type="hidden" name="revision" value={String(app.revision)} />;
  const alert = (form: FailedForm["form"]) => (failed?.form === form ? <FormAlert errors={failed.errors} /> : null);
  return (
    <>
      {r.passBlocked ? (
        <p class="alert info">{r.passBlocked}</p>
      ) : (
        <form method="post" action={action} class="act">
          <h3>{r.payment ? "批准拨付" : `通过${r.stageZh}`}</h3>
          {alert("pass")}
          <input type="hidden" name="action" value="pass" />
          {revision}
          <p class="range">{amountRule(app)}</p>
          <MoneyInput
            name="amount"
            id="f-pass-amount"
            label="核定金额"
            required={false}
            hint={AMOUNT_HINT}
            value={typed(failed, "pass", "amount")}
            error={fieldError(failed, "pass", "amount", "amountFen")}
          />
          <Textarea
            name="reason"
            id="f-pass-reason"
            label="理由(调整金额时必填)"
            required={false}
            maxlength={1000}
            value={typed(failed, "pass", "reason")}
            error={fieldError(failed, "pass", "reason")}
          />
          <button class="btn" type="submit">
            {r.payment ? "批准拨付" : `通过${r.stageZh}`}
          </button>
          {r.nextZh && !r.payment && <p class="range">通过后进入{r.nextZh}。</p>}
        </form>
      )}
      <form method="post" action={action} class="act">
        <h3>退回补正</h3>
        {alert("return")}
        <input type="hidden" name="action" value="return" />
        {revision}
        <Textarea
          name="reason"
          id="f-return-reason"
          label="需要补正的内容"
          hint="企业会看到这段话,请写清楚要改什么、补什么。"
          maxlength={1000}
          value={typed(failed, "return", "reason")}
          error={fieldError(failed, "return", "reason")}
        />
        <button class="btn secondary" type="submit">
          退回补正
        </button>
      </form>
      <form method="post" action={action} class="act">
        <h3>驳回</h3>
        {alert("reject")}
        <input type="hidden" name="action" value="reject" />
        {revision}
        <Textarea
          name="reason"
          id="f-reject-reason"
          label="驳回理由"
          maxlength={1000}
          value={typed(failed, "reject", "reason")}
          error={fieldError(failed, "reject", "reason")}
        />
        <button class="btn danger" type="submit">
          驳回
        </button>
      </form>
    </>
  );
}

export function PaymentForm({
  app,
  actions,
  failed,
  today,
}: {
  app: SubsidyApplicationRow;
  actions: StaffActions;
  failed: FailedForm | undefined;
  today: string;
}) {
  if (!actions.pay) return null;
  const m = moneyFormatter(app.amountFen ?? 0, actions.pay.remainingFen);
  return (
    <form method="post" action={`/admin/subsidies/applications/${app.id}/payments`} class="act">
      <h3>登记拨付</h3>
      {failed?.form === "payment" && <FormAlert errors={failed.errors} />}
      <p class="range">
        核定{m(app.amountFen ?? 0)},尚未拨付{m(actions.pay.remainingFen)}。
      </p>
      <MoneyInput
        name="amount"
        id="f-pay-amount"
        label="拨付金额"
        hint={AMOUNT_HINT}
        value={typed(failed, "payment", "amount") ?? fenToPlainYuan(actions.pay.remainingFen)}
        error={fieldError(failed, "payment", "amount", "amountFen")}
      />
      <Input
        name="paidOn"
        id="f-pay-date"
        type="date"
        label="拨付日期"
        value={typed(failed, "payment", "paidOn") ?? today}
        error={fieldError(failed, "payment", "paidOn")}
      />
      <Input
        name="voucherNo"
        id="f-pay-voucher"
        label="凭证号"
        maxlength={60}
        value={typed(failed, "payment", "voucherNo")}
        error={fieldError(failed, "payment", "voucherNo")}
      />
      <button class="btn" type="submit">
        登记拨付
      </button>
    </form>
  );
}

const OBJECTION_STATUS: Record<SubsidyObjectionRow["status"], string> = {
  open: "待处理",
  dismissed: "不成立",
  upheld: "成立",
};

/** Objections with the objector's contact (staff only), and the zone admin's decision on open ones. */
export function Objections({
  objections,
  canResolve,
  failed,
}: {
  objections: SubsidyObjectionRow[];
  canResolve: boolean;
  failed: FailedForm | undefined;
}) {
  if (objections.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="h-objections">
      <h2 id="h-objections">公示异议</h2>
      {objections.map((o) => {
        const form = `resolve:${o.id}` as const;
        return (
          <article class="act">
            <p>
              <span class={`tag ${o.status === "open" ? "overdue" : ""}`}>{OBJECTION_STATUS[o.status]}</span>{" "}
              {formatTimeZh(new Date(o.lodgedAt))} · {o.name} · 联系方式:{o.contact}
            </p>
            <p class="tl-note">{o.content}</p>
            {o.resolution && (
              <p>
                处理意见:{o.resolution}
                {o.resolvedAt ? `(${formatTimeZh(new Date(o.resolvedAt))})` : ""}
              </p>
            )}
            {o.status === "open" && canResolve && (
              <form method="post" action={`/admin/subsidies/objections/${o.id}/resolve`} class="act">
                {failed?.form === form && <FormAlert errors={failed.errors} />}
                <fieldset class="choices">
                  <legend>处理结果</legend>
                  <label class="check">
                    <input
                      type="radio"
                      name="decision"
                      value="dismiss"
                      required
                      checked={typed(failed, form, "decision") === "dismiss"}
                    />
                    异议不成立,继续公示
                  </label>
                  <label class="check">
                    <input
                      type="radio"
                      name="decision"
                      value="uphold"
                      checked={typed(failed, form, "decision") === "uphold"}
                    />
                    异议成立,申报不予通过
                  </label>
                </fieldset>
                <Textarea
                  name="resolution"
                  id={`f-resolution-${o.id}`}
                  label="处理意见"
                  maxlength={1000}
                  value={typed(failed, form, "resolution")}
                  error={fieldError(failed, form, "resolution", "decision")}
                />
                <button class="btn" type="submit">
                  提交处理意见
                </button>
              </form>
            )}
          </article>
        );
      })}
    </section>
  );
}

/** The zone admin's form for an application left in a removed stage: move it to an existing one. */
export function MoveStageForm({
  app,
  actions,
  failed,
}: {
  app: SubsidyApplicationRow;
  actions: StaffActions;
  failed: FailedForm | undefined;
}) {
  const m = actions.move;
  if (!m) return null;
  return (
    <form method="post" action={`/admin/subsidies/applications/${app.id}/move-stage`} class="act">
      <h3>移至现有环节</h3>
      {failed?.form === "move-stage" ? <FormAlert errors={failed.errors} /> : null}
      <input type="hidden" name="revision" value={String(app.revision)} />
      <Select
        name="stage"
        id="f-move-stage"
        label="移至环节"
        value={typed(failed, "move-stage", "stage")}
        options={m.stages.map((s) => ({ value: s.key, label: s.zh }))}
        error={fieldError(failed, "move-stage", "stage")}
      />
      <button type="submit">移至所选环节</button>
    </form>
  );
}
