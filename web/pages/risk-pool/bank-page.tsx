/**
 * 风险补偿 (a bank's staff): the pools their bank is in, with the terms, their own exposure, what
 * they have been paid and what their cap still allows; their registered loans, each with a claim
 * form (with its materials as files) while it has no live claim; and their claims, each linking to its
 * page, withdrawable while they wait.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { CalendarListNote } from "../../components/calendar-note";
import { FileInput, FormAlert, type FormErrors, type FormValues, Input, Select, Textarea } from "../../components/form";
import { Layout } from "../../layout";
import { CLAIM_MATERIAL_KINDS, CLAIM_MATERIAL_ZH } from "../../labels/risk-pool";
import type { HeaderUser } from "../auth/labels";
import { ClaimStatusTag, Figures, money, RISK_CSS, Table, TermsList } from "./shared";
import type { BankRiskView } from "./types";

export interface BankRiskPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  view: BankRiskView;
  today: string;
  notice?: string | undefined;
  form?: { values: FormValues; errors?: FormErrors | undefined } | undefined;
  /** A refused withdrawal. */
  error?: string | undefined;
  /** The per-file limit the form states ("10 MB"). */
  limitLabel?: string;
}

export function BankRiskPage(props: BankRiskPageProps) {
  const { zone, nonce, user, view, today, notice, form, error, limitLabel = "10 MB" } = props;
  const claimable = view.loans.filter((l) => l.claimStatus === null);
  const v = form?.values ?? {};
  const e = form?.errors?.fields ?? {};
  return (
    <Layout title="风险补偿" zone={zone} nonce={nonce} user={user} css={RISK_CSS}>
      <main id="main" class="wrap fin rp">
        <h1>风险补偿</h1>
        <p class="lead">
          本行纳入园区风险补偿资金池的产品,放款时自动登记。贷款违约后,请在申请时限内提出补偿申请;这里只显示本行的数据。
        </p>
        {notice && (
          <div class="alert ok" role="status">
            {notice}
          </div>
        )}
        {error && (
          <div class="alert error" role="alert">
            {error}
          </div>
        )}
        {view.pools.length === 0 && <p class="panel">本行还没有产品纳入风险补偿资金池。</p>}
        {view.pools.map((p) => (
          <section aria-labelledby={`h-${p.id}`}>
            <h2 id={`h-${p.id}`}>{p.name}</h2>
            <Figures
              items={[
                { label: "本行在保贷款", value: `${p.exposure.count} 笔` },
                { label: "本行在保本金", value: money(p.exposure.principalFen) },
                { label: "已获补偿", value: money(p.paidFen) },
                { label: "剩余补偿额度", value: money(p.capLeftFen) },
              ]}
            />
            <TermsList pool={p} />
          </section>
        ))}
        <section aria-labelledby="h-loans">
          <h2 id="h-loans">登记的贷款</h2>
          <Table
            head={["企业", "产品", "放款日期", "本金", "首贷", "信用贷", "补偿申请"]}
            empty="还没有登记到资金池的贷款。"
            rows={view.loans.map((l) => [
              l.enterpriseName,
              l.productName,
              l.disbursedOn,
              money(l.principalFen),
              l.firstLoan ? "是" : "否",
              l.credit ? "是" : "否",
              l.claimStatus ? <ClaimStatusTag status={l.claimStatus} /> : "—",
            ])}
          />
        </section>
        {claimable.length > 0 && (
          <section aria-labelledby="h-file">
            <h2 id="h-file">申请补偿</h2>
            <form method="post" action="/bank/risk-pool/claims" enctype="multipart/form-data">
              <FormAlert errors={form?.errors} ids={{ loanId: "f-loanId" }} />
              <Select
                name="loanId"
                label="违约的贷款"
                value={v.loanId}
                placeholder="请选择"
                error={e.loanId}
                options={claimable.map((l) => ({
                  value: l.loanId,
                  label: `${l.enterpriseName} · ${l.productName} · ${l.disbursedOn} · ${money(l.principalFen)}`,
                }))}
              />
              <Input
                name="outstanding"
                label="未偿本金(万元)"
                inputmode="decimal"
                value={v.outstanding}
                error={e.outstanding}
                hint="不超过登记的贷款本金"
              />
              <Input
                name="defaultedOn"
                type="date"
                label="违约日期"
                value={v.defaultedOn ?? today}
                error={e.defaultedOn}
                maxlength={10}
              />
              <Textarea
                name="recoveryEfforts"
                label="追偿情况"
                hint="已采取的催收、诉讼、处置抵质押物等措施和结果,至少10个字"
                value={v.recoveryEfforts}
                error={e.recoveryEfforts}
                maxlength={2000}
              />
              <fieldset>
                <legend>申请材料</legend>
                <p class="hint">
                  每类一份 PDF、JPG 或 PNG,不超过 {limitLabel};提交后在申请页面还可以补充。出错时请重新选择文件。
                </p>
                {CLAIM_MATERIAL_KINDS.map((k) => (
                  <FileInput name={`file-${k}`} label={CLAIM_MATERIAL_ZH[k]} required={false} error={e[`file-${k}`]} />
                ))}
              </fieldset>
              <button class="btn" type="submit">
                提交申请
              </button>
            </form>
          </section>
        )}
        <section aria-labelledby="h-claims">
          <h2 id="h-claims">本行的补偿申请</h2>
          <Table
            head={["企业", "产品", "未偿本金", "比例", "状态", "补偿金额", "审核期限", "操作"]}
            empty="本行还没有提出补偿申请。"
            rows={view.claims.map((c) => [
              <a href={`/bank/risk-pool/claims/${c.id}`}>{c.enterpriseName}</a>,
              c.productName,
              money(c.outstandingFen),
              `${c.coverageLabel} ${c.coveragePercent}%`,
              <>
                <ClaimStatusTag status={c.status} />
                {c.decisionNote && c.status === "rejected" && <small> 理由:{c.decisionNote}</small>}
              </>,
              money(c.amountFen),
              c.status === "submitted" ? c.reviewDueOn : "—",
              c.status === "submitted" ? (
                <form method="post" action={`/bank/risk-pool/claims/${c.id}/withdraw`}>
                  <button class="btn secondary" type="submit">
                    撤回
                  </button>
                </form>
              ) : (
                "—"
              ),
            ])}
          />
          <CalendarListNote dues={view.claims.filter((c) => c.status === "submitted").map((c) => c.reviewDueOn)} />
        </section>
      </main>
    </Layout>
  );
}
