/**
 * One loan product: everything a borrower needs before applying (ranges,
 * guarantees, who it is for, the minimums, the region, the materials, whom to
 * call) and, for a signed-in enterprise member, the application form. Letting
 * the bank see the enterprise's financial data is its own unticked checkbox
 * (PIPL: separate, explicit consent, revocable under 数据授权); the form says
 * what will be shared and with whom. While the member's application to this
 * product is in progress, the page links to it instead of offering the form.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import type { LoanProductRow, LoanStatus } from "../../../worker/db/schema";
import { applicationNumber } from "../../../worker/lib/application-number";
import type { Guarantee } from "../../../worker/engines/loan-match/match";
import { FormAlert, Input, Select, Textarea, type FormErrors } from "../../components/form";
import { namesOf } from "../../labels/finance";
import { Layout } from "../../layout";
import { formatTimeZh, type HeaderUser } from "../auth/labels";
import {
  amountRange,
  FINANCE_CSS,
  guaranteesText,
  LoanStatusTag,
  PRODUCT_STATUS_ZH,
  PRODUCT_TYPE_ZH,
  rateRange,
  termRange,
} from "./shared";
import { formatMoney } from "../../../worker/lib/money";
import { NoticeBox, type Notice } from "../subsidies/shared";

/** Who is reading decides what the page offers under the product. */
export type ApplyState =
  | { kind: "anonymous" }
  | { kind: "other" }
  | {
      kind: "member";
      needs: { id: string; label: string }[];
      values: Record<string, string>;
      errors?: FormErrors | undefined;
      idempotencyKey: string;
    }
  /** The member's application to this product is still in progress: no second one until it ends. */
  | {
      kind: "pending";
      application: {
        id: string;
        numberYear: number | null;
        numberSeq: number | null;
        status: LoanStatus;
        submittedAt: number;
        amountFen: number;
        termMonths: number;
      };
    };

export interface ProductPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser | null | undefined;
  product: LoanProductRow;
  bankName: string;
  bankBranch: string | null;
  apply: ApplyState;
  notice?: Notice | undefined;
}

const PRODUCT_CSS = `${FINANCE_CSS}
.fin .consent{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:10px 12px}
.fin .consent .check{align-items:flex-start;font-weight:600;line-height:1.6}
.fin .consent .check input{flex:none;margin-top:3px}
.fin .consent .hint{margin:4px 0 0 32px}
.fin .consent .field-error{margin:4px 0 0 32px}
.fin .consent.bad{border:2px solid #b42318}
.fin ul.mats{margin:0;padding-left:1.2em}
.fin .pending-apply p{margin:0 0 10px}
`;

export function ProductPage({ zone, nonce, user, product: p, bankName, bankBranch, apply, notice }: ProductPageProps) {
  const names = namesOf(zone);
  const industries = JSON.parse(p.industries) as string[];
  const quals = JSON.parse(p.qualifications) as string[];
  const materials = JSON.parse(p.materials) as string[];
  return (
    <Layout title={p.name} zone={zone} nonce={nonce} user={user} current="finance" css={PRODUCT_CSS}>
      <main id="main" class="wrap fin">
        <p class="crumbs">
          <a href="/">首页</a> › <a href="/finance">金融超市</a> › {p.name}
        </p>
        <h1>{p.name}</h1>
        <p class="lead">
          <span class="tag">{PRODUCT_TYPE_ZH[p.type]}</span> {bankName}
          {bankBranch ? ` · ${bankBranch}` : ""}
          {p.status !== "published" && (
            <>
              {" "}
              · <strong>{PRODUCT_STATUS_ZH[p.status]}(只有本机构能看到)</strong>
            </>
          )}
        </p>
        <NoticeBox notice={notice} />
        <div class="cols">
          <section class="panel" aria-labelledby="terms-heading">
            <h2 id="terms-heading">产品要素</h2>
            <dl class="kv">
              <dt>贷款额度</dt>
              <dd>{amountRange(p.minAmountFen, p.maxAmountFen)}</dd>
              <dt>年利率</dt>
              <dd>{rateRange(p.minRateBp, p.maxRateBp)}</dd>
              <dt>贷款期限</dt>
              <dd>{termRange(p.minTermMonths, p.maxTermMonths)}</dd>
              <dt>担保方式</dt>
              <dd>{guaranteesText(JSON.parse(p.guarantees) as Guarantee[])}</dd>
              <dt>面向行业</dt>
              <dd>{industries.length ? industries.map(names.industry).join("、") : "不限行业"}</dd>
              <dt>资质要求</dt>
              <dd>{quals.length ? quals.map(names.qualification).join("、") : "无特定资质要求"}</dd>
              <dt>成立年限</dt>
              <dd>{p.minYears > 0 ? `${p.minYears}年以上` : "不限"}</dd>
              <dt>年营业收入</dt>
              <dd>{p.minRevenueFen > 0 ? `${formatMoney(p.minRevenueFen)}以上` : "不限"}</dd>
              <dt>适用区域</dt>
              <dd>{p.region ?? zone.name.zh}</dd>
              {p.features && (
                <>
                  <dt>产品特点</dt>
                  <dd>{p.features}</dd>
                </>
              )}
              <dt>联系人</dt>
              <dd>
                {p.contactName ?? bankName}
                {p.contactPhone && (
                  <>
                    {" "}
                    · <a href={`tel:${p.contactPhone}`}>{p.contactPhone}</a>
                  </>
                )}
              </dd>
            </dl>
            <h3>申请材料</h3>
            {materials.length ? (
              <ul class="mats">
                {materials.map((m) => (
                  <li>{m}</li>
                ))}
              </ul>
            ) : (
              <p>银行受理后告知。</p>
            )}
          </section>
          <section class="panel" aria-labelledby="apply-heading">
            <h2 id="apply-heading">在线申请</h2>
            <ApplyBlock zone={zone} product={p} bankName={bankName} apply={apply} />
          </section>
        </div>
      </main>
    </Layout>
  );
}

function ApplyBlock({
  zone,
  product: p,
  bankName,
  apply,
}: {
  zone: ZoneConfig;
  product: LoanProductRow;
  bankName: string;
  apply: ApplyState;
}) {
  if (p.status !== "published") return <p>产品发布后,入驻企业可在这里在线申请。</p>;
  if (apply.kind === "anonymous")
    return (
      <p>
        入驻企业<a href="/login">登录</a>后可在线申请;还没有入驻的企业请先<a href="/apply">申请入驻</a>。
      </p>
    );
  if (apply.kind === "other") return <p>贷款由入驻企业的用户在线申请。</p>;
  if (apply.kind === "pending") {
    const a = apply.application;
    const number = applicationNumber(zone, "loan", a);
    return (
      <div class="pending-apply">
        <p>
          <strong>你已申请过这个产品,正在办理中。</strong>
        </p>
        <p>
          {number ? `申请编号 ${number},` : ""}
          {formatTimeZh(new Date(a.submittedAt))}提交,申请{formatMoney(a.amountFen)},{a.termMonths}个月。当前状态:
          <LoanStatusTag status={a.status} />
        </p>
        <p>
          <a class="btn secondary" href={`/finance/loans/${a.id}`}>
            查看这笔申请
          </a>
        </p>
        <p class="hint">
          这笔申请放款、被拒绝或撤回后,才能再次申请这个产品。要改金额或期限,可在申请页面撤回后重新申请。
        </p>
      </div>
    );
  }
  const { values: v, errors, needs } = apply;
  const fe = errors?.fields ?? {};
  return (
    <form method="post" action="/finance/loans" class="stack" novalidate>
      <p class="hint">
        提交后,{bankName}应在{zone.finance.acceptWorkingDays}个工作日内受理或拒绝,办理进度会在“我的贷款”和邮件中告知。
      </p>
      <FormAlert errors={errors} />
      <input type="hidden" name="productId" value={p.id} />
      <input type="hidden" name="idempotencyKey" value={apply.idempotencyKey} />
      <Input
        name="amount"
        label="申请金额(万元)"
        hint={`本产品额度${amountRange(p.minAmountFen, p.maxAmountFen)}`}
        value={v.amount}
        inputmode="decimal"
        maxlength={15}
        error={fe.amount}
      />
      <Input
        name="term"
        label="期限(月)"
        hint={`本产品期限${termRange(p.minTermMonths, p.maxTermMonths)}`}
        value={v.term}
        inputmode="numeric"
        maxlength={3}
        error={fe.term}
      />
      {needs.length > 0 && (
        <Select
          name="need"
          label="关联融资需求(选填)"
          required={false}
          value={v.need}
          placeholder="不关联"
          options={needs.map((n) => ({ value: n.id, label: n.label }))}
          error={fe.need}
        />
      )}
      <Textarea name="note" label="补充说明(选填)" required={false} value={v.note} maxlength={500} error={fe.note} />
      <div class={`consent${fe.consent ? " bad" : ""}`}>
        <label class="check" for="f-consent">
          <input
            type="checkbox"
            id="f-consent"
            name="consent"
            value="yes"
            checked={v.consent === "yes"}
            aria-invalid={fe.consent ? "true" : undefined}
            aria-describedby={`f-consent-hint${fe.consent ? " f-consent-error" : ""}`}
          />
          同意{bankName}查看本企业的资质、成立年限和营业收入(可在数据授权中撤回)
        </label>
        <p class="hint" id="f-consent-hint">
          只给这一家机构看,用于审核这笔贷款;不勾选就不能提交申请。随时可在<a href="/finance/consents">数据授权</a>撤回。
        </p>
        {fe.consent && (
          <p class="field-error" id="f-consent-error">
            {fe.consent}
          </p>
        )}
      </div>
      <button type="submit" class="btn">
        提交贷款申请
      </button>
    </form>
  );
}
