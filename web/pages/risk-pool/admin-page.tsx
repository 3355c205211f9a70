/**
 * 风险补偿资金池 (zone staff): each pool's balance, size, what it has paid and got back, its exposure
 * (registered principal by bank and by product), its claims by status and by bank, and the latest
 * claims and ledger rows. Zone admins also get the forms: 注资, enrol or take out a product, change a
 * pool's terms or close it, and setting up a pool (./pool-form.tsx).
 */
import type { ZoneConfig } from "../../../tenants/schema";
import { RISK_CLAIM_STATUSES, type RiskClaimStatus } from "../../../worker/db/schema";
import { shanghaiDateTime } from "../../../worker/lib/calendar";
import { CalendarListNote } from "../../components/calendar-note";
import { FormAlert, type FormErrors, type FormValues, Input, Select } from "../../components/form";
import { Layout } from "../../layout";
import { CLAIM_STATUS_ZH, LEDGER_KIND_ZH, POOL_STATUS_ZH } from "../../labels/risk-pool";
import type { HeaderUser } from "../auth/labels";
import { PRODUCT_TYPE_ZH } from "../finance/shared";
import { PoolForm, poolFormValues } from "./pool-form";
import { ClaimStatusTag, Figures, money, RISK_CSS, Table, TermsList } from "./shared";
import type { PoolsOverview, PoolView } from "./types";

export interface PoolFormState {
  /** "create", or "fund:<poolId>" / "enrol:<poolId>" / "edit:<poolId>" / "close:<poolId>". */
  id: string;
  values: FormValues;
  errors?: FormErrors | undefined;
}

export interface RiskPoolAdminProps {
  zone: ZoneConfig;
  nonce: string | undefined;
  user: HeaderUser;
  view: PoolsOverview;
  status: RiskClaimStatus | undefined;
  /** YYYY-MM-DD, Asia/Shanghai: claims still waiting after their review day are marked. */
  today: string;
  canEdit: boolean;
  notice?: string | undefined;
  form?: PoolFormState | undefined;
}

const typeZh = (t: string) => PRODUCT_TYPE_ZH[t as keyof typeof PRODUCT_TYPE_ZH] ?? t;

function PoolSection({
  pool: p,
  canEdit,
  choices,
  form,
}: { pool: PoolView; canEdit: boolean } & Pick<RiskPoolAdminProps, "form"> & { choices: PoolsOverview["choices"] }) {
  const fund = form?.id === `fund:${p.id}` ? form : undefined;
  const enrol = form?.id === `enrol:${p.id}` ? form : undefined;
  const edit = form?.id === `edit:${p.id}` ? form : undefined;
  const close = form?.id === `close:${p.id}` ? form : undefined;
  return (
    <section aria-labelledby={`h-${p.id}`}>
      <h2 id={`h-${p.id}`}>
        {p.name} <span class="tag">{POOL_STATUS_ZH[p.status]}</span>
      </h2>
      <Figures
        items={[
          { label: "可用余额", value: money(p.balanceFen) },
          { label: "资金规模(累计注资)", value: money(p.sizeFen) },
          { label: "已补偿", value: money(p.paidFen) },
          { label: "追偿返还", value: money(p.recoveredFen) },
          { label: "在保贷款", value: `${p.exposure.count} 笔` },
          { label: "在保本金", value: money(p.exposure.principalFen) },
          { label: "待审核申请", value: `${p.claims.byStatus.submitted.count} 笔` },
          { label: "已补偿申请", value: `${p.claims.byStatus.approved.count} 笔` },
        ]}
      />
      {p.status === "closed" && (
        <p class="panel">资金池已关闭:不再登记新放款的贷款,也不再受理新的补偿申请;关闭前提交的申请照常审核。</p>
      )}
      <TermsList pool={p} />
      <h3>按银行的在保情况</h3>
      <Table
        head={["银行", "在保笔数", "在保本金", "已补偿", "剩余补偿额度"]}
        empty="还没有贷款登记到这个资金池。"
        rows={p.exposure.byBank.map((b) => [
          b.bankName,
          `${b.count}`,
          money(b.principalFen),
          money(b.paidFen),
          money(b.capLeftFen),
        ])}
      />
      <h3>按产品的在保情况</h3>
      <Table
        head={["产品", "银行", "类型", "在保笔数", "在保本金"]}
        empty="还没有贷款登记到这个资金池。"
        rows={p.exposure.byProduct.map((x) => [
          x.productName,
          x.bankName,
          typeZh(x.productType),
          `${x.count}`,
          money(x.principalFen),
        ])}
      />
      <h3>按银行的补偿申请</h3>
      <Table
        head={["银行", ...RISK_CLAIM_STATUSES.map((s) => CLAIM_STATUS_ZH[s]), "补偿金额", "追偿返还"]}
        empty="还没有补偿申请。"
        rows={p.claims.byBank.map((b) => [
          b.bankName,
          ...RISK_CLAIM_STATUSES.map((s) => `${b.counts[s]}`),
          money(b.paidFen),
          money(b.recoveredFen),
        ])}
      />
      <h3>纳入的产品</h3>
      <Table
        head={["产品", "银行", "类型", ...(canEdit ? ["操作"] : [])]}
        empty="还没有纳入产品:纳入后,这些产品的贷款在放款时自动登记到资金池。"
        rows={p.products.map((x) => [
          x.productName,
          x.bankName,
          typeZh(x.productType),
          ...(canEdit
            ? [
                <form method="post" action={`/admin/risk-pool/pools/${p.id}/products/${x.productId}/unenrol`}>
                  <button class="btn secondary" type="submit">
                    移出
                  </button>
                </form>,
              ]
            : []),
        ])}
      />
      {canEdit && p.status === "active" && (
        <>
          <details open={!!enrol}>
            <summary>纳入产品</summary>
            <form method="post" action={`/admin/risk-pool/pools/${p.id}/products`}>
              <FormAlert errors={enrol?.errors} ids={{ productId: `f-product-${p.id}` }} />
              <Select
                id={`f-product-${p.id}`}
                name="productId"
                label="金融超市中已发布的产品"
                value={enrol?.values.productId}
                placeholder="请选择"
                error={enrol?.errors?.fields?.productId}
                options={choices.map((c) => ({ value: c.productId, label: `${c.bankName} · ${c.productName}` }))}
              />
              <button class="btn" type="submit">
                纳入
              </button>
            </form>
          </details>
          <details open={!!fund}>
            <summary>注资</summary>
            <form method="post" action={`/admin/risk-pool/pools/${p.id}/funds`}>
              <FormAlert errors={fund?.errors} ids={{ amount: `f-amount-${p.id}`, note: `f-note-${p.id}` }} />
              <Input
                id={`f-amount-${p.id}`}
                name="amount"
                label="注资金额(万元)"
                inputmode="decimal"
                value={fund?.values.amount}
                error={fund?.errors?.fields?.amount}
              />
              <Input
                id={`f-note-${p.id}`}
                name="note"
                label="说明(文件或拨付凭证)"
                value={fund?.values.note}
                error={fund?.errors?.fields?.note}
              />
              <button class="btn" type="submit">
                注资
              </button>
            </form>
          </details>
        </>
      )}
      {canEdit && (
        <PoolForm
          values={edit?.values ?? poolFormValues(p)}
          errors={edit?.errors}
          open={!!edit}
          edit={{ poolId: p.id, revision: p.revision }}
        />
      )}
      {canEdit && p.status === "active" && (
        <details open={!!close}>
          <summary>关闭资金池</summary>
          <form
            method="post"
            action={`/admin/risk-pool/pools/${p.id}/close`}
            data-confirm="关闭后不再登记新贷款、不再受理新的补偿申请,且不能重新开启。确定关闭吗?"
          >
            <FormAlert errors={close?.errors} />
            <p>关闭后不再登记新放款的贷款,也不再受理新的补偿申请;已提交的申请仍可审核,追偿返还照常登记。</p>
            <button class="btn secondary" type="submit">
              关闭资金池
            </button>
          </form>
        </details>
      )}
    </section>
  );
}

export function RiskPoolAdminPage(p: RiskPoolAdminProps) {
  const { view } = p;
  const create = p.form?.id === "create" ? p.form : undefined;
  return (
    <Layout title="风险补偿资金池" zone={p.zone} nonce={p.nonce} user={p.user} current="admin" css={RISK_CSS}>
      <main id="main" class="wrap fin rp">
        <h1>风险补偿资金池</h1>
        <p class="lead">
          {"纳入资金池的产品在放款时自动登记;贷款违约后,银行在申请时限内提出补偿申请,园区审核后按档次比例从资金池补偿," +
            "一笔审批一次扣减余额,不会超过余额和上限;之后追回的款项按同一比例返还资金池。"}
        </p>
        {p.notice && (
          <div class="alert ok" role="status">
            {p.notice}
          </div>
        )}
        {p.form && p.form.id !== "create" && !p.form.id.includes(":") && <FormAlert errors={p.form.errors} />}
        {view.pools.length === 0 && <p class="panel">还没有设立风险补偿资金池。</p>}
        {view.pools.map((pool) => (
          <PoolSection pool={pool} canEdit={p.canEdit} choices={view.choices} form={p.form} />
        ))}
        <section aria-labelledby="h-claims">
          <h2 id="h-claims">补偿申请</h2>
          <form method="get" action="/admin/risk-pool" class="filters">
            <Select
              name="status"
              label="状态"
              required={false}
              value={p.status}
              placeholder="全部"
              options={RISK_CLAIM_STATUSES.map((s) => ({ value: s, label: CLAIM_STATUS_ZH[s] }))}
            />
            <button class="btn secondary" type="submit">
              筛选
            </button>
          </form>
          <Table
            head={["企业", "银行", "产品", "未偿本金", "比例", "状态", "补偿金额", "审核期限"]}
            empty="没有符合条件的补偿申请。"
            rows={view.claims.map((c) => [
              <a href={`/admin/risk-pool/claims/${c.id}`}>{c.enterpriseName}</a>,
              c.bankName,
              c.productName,
              money(c.outstandingFen),
              `${c.coveragePercent}%`,
              <ClaimStatusTag status={c.status} />,
              money(c.amountFen),
              c.status !== "submitted" ? "—" : c.reviewDueOn < p.today ? `${c.reviewDueOn}(已超期)` : c.reviewDueOn,
            ])}
          />
          <CalendarListNote dues={view.claims.filter((c) => c.status === "submitted").map((c) => c.reviewDueOn)} />
        </section>
        <section aria-labelledby="h-ledger">
          <h2 id="h-ledger">资金流水(最近)</h2>
          <Table
            head={["时间", "类型", "金额", "说明"]}
            empty="还没有资金流水。"
            rows={view.ledger.map((l) => [
              shanghaiDateTime(l.at),
              LEDGER_KIND_ZH[l.kind],
              money(l.deltaFen),
              l.claimId ? <a href={`/admin/risk-pool/claims/${l.claimId}`}>{l.note || "查看申请"}</a> : l.note,
            ])}
          />
        </section>
        {p.canEdit && <PoolForm values={create?.values ?? {}} errors={create?.errors} open={!!create} />}
      </main>
    </Layout>
  );
}
