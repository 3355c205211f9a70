/**
 * One 风险补偿 claim (zone staff, or the filing bank's staff): the loan and its registration, the
 * claim as filed, the coverage tier it fell in, its materials (to view or download), what approving
 * now would pay and which cap cut it (staff), the ledger rows it moved, and for zone admins the forms
 * to approve, reject, or record a recovery after payment; for the bank, adding a material while it waits.
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { shanghaiDateTime } from "../../../worker/lib/calendar";
import { CalendarNote } from "../../components/calendar-note";
import { FileInput, FormAlert, type FormErrors, type FormValues, Input, Select, Textarea } from "../../components/form";
import { Layout } from "../../layout";
import { CLAIM_MATERIAL_KINDS, CLAIM_MATERIAL_ZH, CUT_BY_ZH, LEDGER_KIND_ZH } from "../../labels/risk-pool";
import type { HeaderUser } from "../auth/labels";
import { PRODUCT_TYPE_ZH } from "../finance/shared";
import { ClaimStatusTag, money, RISK_CSS, Table } from "./shared";
import type { ClaimDetail } from "./types";

export interface ClaimPageProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  claim: ClaimDetail;
  canEdit: boolean;
  notice?: string | undefined;
  /** Who reads it: zone staff (default) or the filing bank's staff (their own pages, the upload form). */
  viewer?: "staff" | "bank";
  /** The per-file limit the upload form states ("10 MB"). */
  limitLabel?: string;
  /** The form that was refused: "approve", "reject", "recovery" or "material". */
  form?: { id: string; values: FormValues; errors?: FormErrors | undefined } | undefined;
}

const yesNo = (b: boolean) => (b ? "是" : "否");

export function ClaimPage(props: ClaimPageProps) {
  const { zone, nonce, user, claim: c, canEdit, notice, form, viewer = "staff", limitLabel = "10 MB" } = props;
  const of = (id: string) => (form?.id === id ? form : undefined);
  const bank = viewer === "bank";
  const back = bank ? "/bank/risk-pool" : "/admin/risk-pool";
  const typeZh = PRODUCT_TYPE_ZH[c.loan.productType as keyof typeof PRODUCT_TYPE_ZH] ?? c.loan.productType;
  return (
    <Layout
      title="风险补偿申请"
      zone={zone}
      nonce={nonce}
      user={user}
      current={bank ? undefined : "admin"}
      css={RISK_CSS}
    >
      <main id="main" class="wrap fin rp">
        <p>
          <a href={back}>← {bank ? "风险补偿" : "风险补偿资金池"}</a>
        </p>
        <h1>
          {c.enterpriseName} · {c.productName} <ClaimStatusTag status={c.status} />
        </h1>
        {notice && (
          <div class="alert ok" role="status">
            {notice}
          </div>
        )}
        <section aria-labelledby="h-claim">
          <h2 id="h-claim">申请内容</h2>
          <ul>
            <li>
              资金池:{c.poolName};银行:{c.bankName}
            </li>
            <li>
              贷款:{c.loan.disbursedOn} 放款 {money(c.loan.principalFen)},{typeZh},首贷 {yesNo(c.loan.firstLoan)}
              ,信用贷 {yesNo(c.loan.credit)}
            </li>
            <li>
              未偿本金 {money(c.outstandingFen)},违约日期 {c.defaultedOn}(申请时限 {c.fileDueOn})
            </li>
            <li>
              补偿档次:{c.coverageLabel} {c.coveragePercent}%
            </li>
            <li>
              提交于 {shanghaiDateTime(c.filedAt)},应于 {c.reviewDueOn} 前审核
              {c.status === "submitted" && <CalendarNote due={c.reviewDueOn} />}
            </li>
          </ul>
          <h3>追偿情况</h3>
          <p class="pre">{c.recoveryEfforts}</p>
          {c.decisionNote && (
            <p>
              {c.status === "rejected" ? "不予补偿的理由" : "审核意见"}:{c.decisionNote}
            </p>
          )}
        </section>
        <ClaimMaterials claim={c} />
        {bank && c.status === "submitted" && (
          <section aria-labelledby="h-add-material">
            <h2 id="h-add-material">补充材料</h2>
            <form method="post" action={`/bank/risk-pool/claims/${c.id}/materials`} enctype="multipart/form-data">
              <FormAlert errors={of("material")?.errors} ids={{ file: "f-file" }} />
              <Select
                name="kind"
                label="材料类型"
                value={of("material")?.values.kind}
                error={of("material")?.errors?.fields?.kind}
                options={CLAIM_MATERIAL_KINDS.map((k) => ({ value: k, label: CLAIM_MATERIAL_ZH[k] }))}
              />
              <FileInput
                name="file"
                label="文件"
                hint={`PDF、JPG 或 PNG,不超过 ${limitLabel}`}
                error={of("material")?.errors?.fields?.file}
              />
              <button class="btn" type="submit">
                上传
              </button>
            </form>
          </section>
        )}
        {c.status === "approved" && (
          <p>
            资金池已补偿 {money(c.amountFen)},追偿返还 {money(c.recoveredFen)}。
          </p>
        )}
        {c.proposal && (
          <section aria-labelledby="h-proposal">
            <h2 id="h-proposal">核定补偿金额</h2>
            <p>
              未偿本金 {money(c.outstandingFen)} × {c.coveragePercent}% = {money(c.proposal.amountFen)}
              {c.proposal.cutBy && `(${CUT_BY_ZH[c.proposal.cutBy]})`}。
              {`资金池余额 ${money(c.pool.balanceFen)},该行已补偿 ${money(c.pool.bankPaidFen)},` +
                `上限 ${money(c.pool.perBankCapFen)};单笔上限 ${money(c.pool.perLoanCapFen)}。`}
            </p>
            {canEdit && (
              <>
                <form method="post" action={`/admin/risk-pool/claims/${c.id}/approve`}>
                  <FormAlert errors={of("approve")?.errors} />
                  <input type="hidden" name="revision" value={String(c.revision)} />
                  <Textarea
                    name="note"
                    id="f-approve-note"
                    label="审核意见(可不填)"
                    required={false}
                    value={of("approve")?.values.note}
                    maxlength={500}
                  />
                  <button class="btn" type="submit">
                    批准补偿 {money(c.proposal.amountFen)}
                  </button>
                </form>
                <form method="post" action={`/admin/risk-pool/claims/${c.id}/reject`}>
                  <FormAlert errors={of("reject")?.errors} />
                  <input type="hidden" name="revision" value={String(c.revision)} />
                  <Textarea
                    name="reason"
                    label="不予补偿的理由"
                    value={of("reject")?.values.reason}
                    error={of("reject")?.errors?.fields?.reason}
                    maxlength={500}
                  />
                  <button class="btn secondary" type="submit">
                    不予补偿
                  </button>
                </form>
              </>
            )}
          </section>
        )}
        {canEdit && c.status === "approved" && (c.amountFen ?? 0) > c.recoveredFen && (
          <section aria-labelledby="h-recovery">
            <h2 id="h-recovery">登记追偿返还</h2>
            <p>银行追回的款项按 {c.coveragePercent}% 返还资金池,累计不超过本笔补偿金额。</p>
            <form method="post" action={`/admin/risk-pool/claims/${c.id}/recoveries`}>
              <FormAlert errors={of("recovery")?.errors} />
              <input type="hidden" name="revision" value={String(c.revision)} />
              <Input
                name="recovered"
                label="银行追回金额(万元)"
                inputmode="decimal"
                value={of("recovery")?.values.recovered}
                error={of("recovery")?.errors?.fields?.recovered}
              />
              <Input
                name="note"
                label="说明"
                value={of("recovery")?.values.note}
                error={of("recovery")?.errors?.fields?.note}
              />
              <button class="btn" type="submit">
                登记
              </button>
            </form>
          </section>
        )}
        <section aria-labelledby="h-ledger">
          <h2 id="h-ledger">资金流水</h2>
          <Table
            head={["时间", "类型", "金额", "说明"]}
            empty="这笔申请还没有资金流水。"
            rows={c.ledger.map((l) => [shanghaiDateTime(l.at), LEDGER_KIND_ZH[l.kind], money(l.deltaFen), l.note])}
          />
        </section>
      </main>
    </Layout>
  );
}

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The claim's files, each to open or to download (the materials route decides who may read). */
function ClaimMaterials({ claim: c }: { claim: ClaimDetail }) {
  return (
    <section aria-labelledby="h-materials">
      <h2 id="h-materials">申请材料</h2>
      <Table
        head={["材料", "文件", "大小", "上传时间", "下载"]}
        empty="这笔申请没有附材料。"
        rows={c.materials.map((m) => [
          CLAIM_MATERIAL_ZH[m.kind],
          <a href={`/materials/${m.id}`}>{m.filename}</a>,
          sizeText(m.size),
          shanghaiDateTime(m.uploadedAt),
          <a href={`/materials/${m.id}?download=1`} aria-label={`下载“${m.filename}”`}>
            下载
          </a>,
        ])}
      />
    </section>
  );
}
